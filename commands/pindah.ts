import { z } from 'zod';
import { defineCommand } from './spec.ts';
import { opdCodeWord, personRefWord, wordArgs } from './args.ts';
import { moveAdmin } from '../src/app/usecases/members.ts';

/** /pindah @admin KODE: moves an admin to another OPD. */
export const pindah = defineCommand({
  name: 'pindah',
  roles: ['superadmin'],
  chats: ['private'],
  help: (m) => m.commands.pindah,
  usage: (m) => m.members.moveUsage,
  args: wordArgs(z.tuple([personRefWord, opdCodeWord])),
  run: (ctx, [ref, code], deps) => moveAdmin(deps, ctx.actor, ref, code),
});
