import { z } from 'zod';
import { defineAction, type ActionOutcome } from './spec.ts';
import type { Outcome } from '../src/app/deps.ts';
import { listOpdsWithAdmins } from '../src/app/usecases/members.ts';
import { PAGE_PREFIX } from '../src/app/usecases/pages.ts';
import { leaderboardFor } from '../src/app/usecases/recap/rekap.ts';
import { parsePeriodRequest } from '../src/domain/recap/period.ts';

const pageData = z
  .string()
  .regex(new RegExp(`^${PAGE_PREFIX}:(opd|rank):\\d{1,4}(:[0-9W-]{7,8})?$`))
  .transform((data) => {
    const [, list = '', page = '1', argument] = data.split(':');
    return { list, page: Number(page), argument };
  });

/** The list, re-rendered at the page asked for, replaces the tapped message. */
function asEdit(outcome: Outcome): ActionOutcome {
  const first = outcome.replies[0];
  if (!first) return { replies: [] };
  return { replies: [], editedText: first.text, editedButtons: first.buttons ?? [] };
}

/** "◀ Sebelumnya" / "Berikutnya ▶" under /opd and /peringkat. */
export const pageButtonsAction = defineAction({
  prefix: PAGE_PREFIX,
  roles: ['superadmin', 'leader', 'admin'],
  data: pageData,
  async run(ctx, { list, page, argument }, deps) {
    if (list === 'opd') {
      if (ctx.actor.role === 'admin') return { replies: [], answer: deps.messages.common.buttonExpired };
      return asEdit(await listOpdsWithAdmins(deps, page));
    }
    const request = parsePeriodRequest(argument ?? '');
    if (!request) return { replies: [], answer: deps.messages.common.buttonExpired };
    return asEdit(await leaderboardFor(deps, ctx.actor, request, page, ctx.chat.kind === 'private'));
  },
});
