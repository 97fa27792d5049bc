import { z } from 'zod';
import { defineCommand } from './spec.ts';
import { opdCodeWord, personRefWord, words } from './args.ts';
import { endLeave, listLeave, recordLeave, type LeaveTarget } from '../src/app/usecases/leave.ts';

type CutiArgs =
  | { readonly kind: 'list' }
  | { readonly kind: 'end'; readonly target: LeaveTarget }
  | { readonly kind: 'record'; readonly target: LeaveTarget; readonly until: string; readonly reason: string };

/** "@username" or a numeric id names an admin; anything shaped like a code names an OPD. */
function targetOf(word: string): LeaveTarget | null {
  if (word.startsWith('@') || /^\d+$/.test(word)) {
    const ref = personRefWord.safeParse(word);
    return ref.success ? { kind: 'admin', ref: ref.data } : null;
  }
  const code = opdCodeWord.safeParse(word);
  return code.success ? { kind: 'opd', code: code.data } : null;
}

/**
 * /cuti [KODE|@admin sampai YYYY-MM-DD alasan | selesai KODE|@admin]: records, lists or ends
 * leave. The leave rule (OPD vs admin) is in src/domain/calendar/leave.ts and in the help.
 */
export const cuti = defineCommand({
  name: 'cuti',
  roles: ['superadmin'],
  chats: ['private'],
  help: (m) => m.leave.help,
  usage: (m) => m.leave.usage(),
  args: z.object({ text: z.string() }).transform(({ text }, ctx): CutiArgs => {
    const all = words(text);
    if (all.length === 0) return { kind: 'list' };
    const [first = '', ...rest] = all;
    if (first.toLowerCase() === 'selesai' && rest.length === 1) {
      const target = targetOf(rest[0] ?? '');
      if (target) return { kind: 'end', target };
    }
    const target = targetOf(first);
    const afterKeyword = rest[0]?.toLowerCase() === 'sampai' ? rest.slice(1) : rest;
    const [until, ...reason] = afterKeyword;
    if (target && until !== undefined) return { kind: 'record', target, until, reason: reason.join(' ') };
    ctx.addIssue({ code: 'custom', message: 'sebutkan KODE_OPD atau @admin, tanggal akhir, dan alasan' });
    return z.NEVER;
  }),
  run: (ctx, args, deps) => {
    if (args.kind === 'record') return recordLeave(deps, ctx.actor, args.target, args.until, args.reason);
    if (args.kind === 'end') return endLeave(deps, ctx.actor, args.target);
    return listLeave(deps);
  },
});
