import { reply, type AppDeps, type Outcome } from '../../deps.ts';
import { todayIn } from '../../today.ts';
import { buildRecap } from './build.ts';
import { recapReplies } from './files.ts';
import { pageButtons } from '../pages.ts';
import { pageOf } from '../../../domain/text/pages.ts';
import type { Person } from '../../../domain/model.ts';
import { resolvePeriod, type PeriodRequest } from '../../../domain/recap/period.ts';
import type { Recap } from '../../../domain/recap/recap.ts';

type Loaded = { readonly recap: Recap } | { readonly problem: Outcome };

async function load(deps: AppDeps, request: PeriodRequest): Promise<Loaded> {
  const m = deps.messages.recap;
  const period = resolvePeriod(request, todayIn(deps));
  if (!period) return { problem: reply(m.futurePeriod) };
  const recap = await buildRecap(deps, period);
  if (recap.opds.length === 0) return { problem: reply(m.noOpds) };
  return { recap };
}

/**
 * /rekap: superadmins and leaders get every OPD (summary, workbook, chart); an admin gets their
 * own OPD with its rank, and the chart that shows where it stands.
 */
export async function recapFor(deps: AppDeps, actor: Person, request: PeriodRequest): Promise<Outcome> {
  const m = deps.messages.recap;
  if (actor.role === 'admin' && actor.opdId === null) return reply(m.noOpd);
  const loaded = await load(deps, request);
  if ('problem' in loaded) return loaded.problem;
  const { recap } = loaded;
  if (actor.role !== 'admin') return { replies: await recapReplies(deps, recap, m.summary(recap), true) };
  const own = recap.opds.find((o) => o.opdId === actor.opdId);
  if (!own) return reply(m.noOpd);
  return { replies: await recapReplies(deps, recap, m.opdSummary(recap, own), false) };
}

export const LEADERBOARD_PAGE_SIZE = 20;

/**
 * /peringkat: the leaderboard by KPI score, 20 OPDs a page with buttons to move; an admin's own
 * OPD is highlighted (and shown under the page it is not on) in a private chat — in a group the
 * message is everyone's, so nobody's OPD is singled out.
 */
export async function leaderboardFor(deps: AppDeps, actor: Person, request: PeriodRequest, page = 1, highlightOwn = true): Promise<Outcome> {
  const m = deps.messages;
  const loaded = await load(deps, request);
  if ('problem' in loaded) return loaded.problem;
  const { recap } = loaded;
  const shown = pageOf(recap.opds.filter((o) => o.rank !== null), page, LEADERBOARD_PAGE_SIZE);
  const own = highlightOwn && actor.role === 'admin' ? (recap.opds.find((o) => o.opdId === actor.opdId) ?? null) : null;
  const note = shown.pages > 1 ? m.pages.footer(shown.page, shown.pages, shown.total) : '';
  return reply(m.recap.leaderboard(recap, shown.items, own, note), { buttons: pageButtons(m, 'rank', shown, recap.period.key) });
}
