import { z } from 'zod';
import { defineAction, defineCommand } from './spec.ts';
import { opdCodeWord, wordArgs } from './args.ts';
import { decideJoinRequest, JOIN_CALLBACK_PREFIX, requestJoin } from '../src/app/usecases/join-requests.ts';

/** /daftar KODE: ask Diskominfo to become an admin of an OPD. */
export const daftar = defineCommand({
  name: 'daftar',
  roles: ['none', 'admin'],
  chats: ['private'],
  help: (m) => m.commands.daftar,
  usage: (m) => m.join.usage,
  args: wordArgs(z.tuple([opdCodeWord])),
  run: (ctx, [code], deps) => requestJoin(deps, ctx.actor, code),
});

/** The Approve / Reject buttons a superadmin receives for a join request. */
export const joinDecision = defineAction({
  prefix: JOIN_CALLBACK_PREFIX,
  roles: ['superadmin'],
  data: z
    .string()
    .regex(new RegExp(`^${JOIN_CALLBACK_PREFIX}:[ar]:\\d{1,10}$`))
    .transform((data) => {
      const [, verdict, id] = data.split(':');
      return { approve: verdict === 'a', requestId: Number(id) };
    }),
  run: (ctx, args, deps) => decideJoinRequest(deps, ctx.actor, args.requestId, args.approve),
});
