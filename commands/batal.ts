import { z } from 'zod';
import { defineCommand } from './spec.ts';
import { undoLastReport } from '../src/app/usecases/reports.ts';

/** /batal: undoes my own last report within 24 hours. */
export const batal = defineCommand({
  name: 'batal',
  roles: ['admin', 'superadmin'],
  chats: ['private', 'group'],
  help: (m) => m.commands.batal,
  usage: (m) => m.undo.nothing,
  args: z.object({ text: z.string() }),
  run: (ctx, _args, deps) => undoLastReport(deps, ctx.actor),
});
