import { z } from 'zod';
import { defineCommand } from './spec.ts';
import { opdCodeWord, wordArgs } from './args.ts';
import { reportHistory } from '../src/app/usecases/reports.ts';

/** /riwayat [KODE]: the last ten reports of my OPD (superadmins and leaders name one). */
export const riwayat = defineCommand({
  name: 'riwayat',
  roles: ['admin', 'superadmin', 'leader'],
  chats: ['private', 'group'],
  help: (m, role) => (role === 'admin' ? m.commands.riwayat : m.commands.riwayatSuperadmin),
  usage: (m) => m.history.superadminUsage,
  args: wordArgs(z.union([z.tuple([]).transform(() => null), z.tuple([opdCodeWord]).transform(([code]) => code)])),
  run: (ctx, code, deps) => reportHistory(deps, ctx.actor, code),
});
