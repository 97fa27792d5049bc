import { z } from 'zod';
import { defineCommand } from './spec.ts';
import { listOpdsWithAdmins } from '../src/app/usecases/members.ts';

/** /opd: the OPD codes and how many admins each has. */
export const opd = defineCommand({
  name: 'opd',
  roles: ['superadmin', 'leader'],
  chats: ['private'],
  help: (m) => m.commands.opd,
  usage: (m) => m.commands.opd.description,
  args: z.object({ text: z.string() }),
  run: (_ctx, _args, deps) => listOpdsWithAdmins(deps),
});
