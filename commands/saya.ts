import { z } from 'zod';
import { defineCommand } from './spec.ts';
import { describeMe } from '../src/app/usecases/members.ts';

/** /saya: who I am and which OPD I belong to. */
export const saya = defineCommand({
  name: 'saya',
  roles: ['superadmin', 'leader', 'admin'],
  chats: ['private', 'group'],
  help: (m) => m.commands.saya,
  usage: (m) => m.commands.saya.description,
  args: z.object({ text: z.string() }),
  run: (ctx, _args, deps) => describeMe(deps, ctx.actor),
});
