import { z } from 'zod';
import { defineAction, defineCommand } from './spec.ts';
import { opdCodeWord, personRefWord, wordArgs } from './args.ts';
import { roles } from '../src/domain/roles.ts';
import {
  cancelHandovers,
  decideHandover,
  HANDOVER_CALLBACK_PREFIX,
  requestHandover,
  type HandoverRequest,
} from '../src/app/usecases/handover.ts';

/**
 * The words of /serahterima:
 *   batal                          cancel my pending requests
 *   @baru                          an admin hands over their own OPD
 *   KODE @baru                     a superadmin, for an OPD with exactly one admin (an admin may name their own OPD)
 *   KODE @lama @baru               a superadmin names the old admin
 */
const handoverArgs: z.ZodType<HandoverRequest, string[]> = z.union([
  z.tuple([z.string().regex(/^batal$/i)]).transform((): HandoverRequest => ({ kind: 'cancel' })),
  z.tuple([personRefWord]).transform(([to]): HandoverRequest => ({ kind: 'request', code: null, from: null, to })),
  z.tuple([opdCodeWord, personRefWord]).transform(([code, to]): HandoverRequest => ({ kind: 'request', code, from: null, to })),
  z
    .tuple([opdCodeWord, personRefWord, personRefWord])
    .transform(([code, from, to]): HandoverRequest => ({ kind: 'request', code, from, to })),
]);

/** /serahterima: hands an OPD's admin duties over to another person, who accepts or declines. */
export const serahterima = defineCommand({
  name: 'serahterima',
  roles: ['admin', 'superadmin'],
  chats: ['private'],
  help: (m, role) => (role === 'superadmin' ? m.handover.helpSuperadmin : m.handover.helpAdmin),
  usage: (m) => m.handover.usage,
  args: wordArgs(handoverArgs),
  run: (ctx, request, deps) => (request.kind === 'cancel' ? cancelHandovers(deps, ctx.actor) : requestHandover(deps, ctx.actor, request)),
});

/** The Terima / Tolak buttons the new person receives; anyone may tap, only they may decide. */
export const handoverDecision = defineAction({
  prefix: HANDOVER_CALLBACK_PREFIX,
  roles,
  data: z
    .string()
    .regex(new RegExp(`^${HANDOVER_CALLBACK_PREFIX}:[ad]:\\d{1,10}$`))
    .transform((data) => {
      const [, verdict, id] = data.split(':');
      return { accept: verdict === 'a', handoverId: Number(id) };
    }),
  run: (ctx, args, deps) => decideHandover(deps, ctx.actor, args.handoverId, args.accept),
});
