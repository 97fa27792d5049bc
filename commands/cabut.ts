import { z } from 'zod';
import { defineCommand } from './spec.ts';
import { personRefWord, wordArgs } from './args.ts';
import { revokeAdmin } from '../src/app/usecases/members.ts';

/** /cabut @admin: removes an admin; their reports stay with the OPD. */
export const cabut = defineCommand({
  name: 'cabut',
  roles: ['superadmin'],
  chats: ['private'],
  help: (m) => m.commands.cabut,
  usage: (m) => m.members.revokeUsage,
  args: wordArgs(z.tuple([personRefWord])),
  run: (ctx, [ref], deps) => revokeAdmin(deps, ctx.actor, ref),
});
