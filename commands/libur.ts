import { z } from 'zod';
import { defineCommand } from './spec.ts';
import { words } from './args.ts';
import { addHoliday, listHolidays, removeHoliday } from '../src/app/usecases/holidays.ts';

type LiburArgs =
  | { readonly kind: 'list' }
  | { readonly kind: 'add'; readonly date: string; readonly name: string }
  | { readonly kind: 'remove'; readonly date: string };

/** /libur [tambah YYYY-MM-DD nama | hapus YYYY-MM-DD]: lists holidays; superadmins add and remove. */
export const libur = defineCommand({
  name: 'libur',
  roles: ['superadmin', 'leader'],
  chats: ['private'],
  help: (m, role) => (role === 'superadmin' ? m.holidays.helpSuperadmin : m.holidays.help),
  usage: (m) => m.holidays.usage,
  args: z.object({ text: z.string() }).transform(({ text }, ctx): LiburArgs => {
    const [action, date, ...name] = words(text);
    if (action === undefined) return { kind: 'list' };
    const verb = action.toLowerCase();
    if (verb === 'tambah' && date !== undefined) return { kind: 'add', date, name: name.join(' ') };
    if (verb === 'hapus' && date !== undefined && name.length === 0) return { kind: 'remove', date };
    ctx.addIssue({ code: 'custom', message: 'tulis tambah atau hapus diikuti tanggal' });
    return z.NEVER;
  }),
  run: (ctx, args, deps) => {
    if (args.kind === 'add') return addHoliday(deps, ctx.actor, args.date, args.name);
    if (args.kind === 'remove') return removeHoliday(deps, ctx.actor, args.date);
    return listHolidays(deps, ctx.actor);
  },
});
