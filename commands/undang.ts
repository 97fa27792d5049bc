import { z } from 'zod';
import { defineCommand } from './spec.ts';
import { opdCodeWord, wordArgs } from './args.ts';
import { createInvitation, type InvitationTarget } from '../src/app/usecases/invitations.ts';

const target = z.union([
  z.string().regex(/^pimpinan$/i).transform((): InvitationTarget => ({ kind: 'leader' })),
  opdCodeWord.transform((code): InvitationTarget => ({ kind: 'opd', code })),
]);

/** /undang KODE | pimpinan: a one-time deep link that makes its opener an admin (or a leader). */
export const undang = defineCommand({
  name: 'undang',
  roles: ['superadmin'],
  chats: ['private'],
  help: (m) => m.commands.undang,
  usage: (m) => m.invite.usage,
  args: wordArgs(z.tuple([target])),
  run: (ctx, [invitationTarget], deps) => createInvitation(deps, ctx.actor, invitationTarget),
});
