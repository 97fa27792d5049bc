import { z } from 'zod';
import { defineCommand } from './spec.ts';
import { acceptInvitation } from '../src/app/usecases/invitations.ts';
import { describeWelcome } from '../src/app/usecases/welcome.ts';
import { roles } from '../src/domain/roles.ts';

/** /start [token]: greets, or accepts an invitation from a deep link. */
export const start = defineCommand({
  name: 'start',
  roles,
  chats: ['private'],
  help: (m) => m.commands.start,
  usage: (m) => m.start.invitationInvalid,
  args: z.object({ text: z.string() }).transform(({ text }) => {
    const token = text.split(/\s+/)[0] ?? '';
    return { token: /^[A-Za-z0-9_-]{8,64}$/.test(token) ? token : null, hadPayload: token.length > 0 };
  }),
  async run(ctx, args, deps) {
    if (args.token) return acceptInvitation(deps, ctx.actor, args.token);
    if (args.hadPayload) return { replies: [{ text: deps.messages.start.invitationInvalid }] };
    return describeWelcome(deps, ctx.actor);
  },
});

