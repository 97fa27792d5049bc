import { z } from 'zod';
import { defineCommand } from './spec.ts';
import { opdCodeWord, wordArgs } from './args.ts';
import { createInvitation, type InvitationTarget } from '../src/app/usecases/invitations.ts';

const leaderWord = z.string().regex(/^pimpinan$/i);

/** "KODE", "pimpinan", or "pimpinan KODE" (the head of an OPD, who receives its escalations). */
const target = z.union([
  z.tuple([leaderWord]).transform((): InvitationTarget => ({ kind: 'leader', headOf: null })),
  z.tuple([leaderWord, opdCodeWord]).transform(([, code]): InvitationTarget => ({ kind: 'leader', headOf: code })),
  z.tuple([opdCodeWord]).transform(([code]): InvitationTarget => ({ kind: 'opd', code })),
]);

/** /undang KODE | pimpinan [KODE]: a one-time deep link that makes its opener an admin (or a leader). */
export const undang = defineCommand({
  name: 'undang',
  roles: ['superadmin'],
  chats: ['private'],
  help: (m) => m.commands.undang,
  usage: (m) => m.invite.usage,
  args: wordArgs(target),
  run: (ctx, invitationTarget, deps) => createInvitation(deps, ctx.actor, invitationTarget),
});
