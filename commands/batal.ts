import { z } from 'zod';
import { defineCommand } from './spec.ts';
import { undoLastReport } from '../src/app/usecases/reports.ts';
import { cancelDialogue } from '../src/app/usecases/dialogue.ts';
import { dialogues } from './dialogues.ts';

/** /batal: cancels my open guided dialogue (private chat); otherwise undoes my own last report within 24 hours. */
export const batal = defineCommand({
  name: 'batal',
  roles: ['admin', 'superadmin'],
  chats: ['private', 'group'],
  help: (m) => m.commands.batal,
  usage: (m) => m.undo.nothing,
  args: z.object({ text: z.string() }),
  run: async (ctx, _args, deps) => (ctx.chat.kind === 'private' ? await cancelDialogue(deps, ctx.actor, dialogues) : null) ?? undoLastReport(deps, ctx.actor),
});
