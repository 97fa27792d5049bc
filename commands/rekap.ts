import { z } from 'zod';
import { defineCommand } from './spec.ts';
import { leaderboardFor, recapFor } from '../src/app/usecases/recap/rekap.ts';
import { parsePeriodRequest, type PeriodRequest } from '../src/domain/recap/period.ts';

/** The period words after /rekap or /peringkat (none: this week). */
const periodArgs = z
  .object({ text: z.string() })
  .transform(({ text }, ctx): PeriodRequest => {
    const request = parsePeriodRequest(text);
    if (request) return request;
    ctx.addIssue({ code: 'custom', message: 'periode tidak dikenal' });
    return z.NEVER;
  });

/** /rekap [minggu|minggu lalu|bulan|bulan lalu|YYYY-MM]: summary, workbook and chart. */
export const rekap = defineCommand({
  name: 'rekap',
  roles: ['superadmin', 'leader', 'admin'],
  chats: ['private'],
  help: (m, role) => (role === 'admin' ? m.recap.helpAdmin : m.recap.help),
  usage: (m) => m.recap.usage,
  args: periodArgs,
  run: (ctx, request, deps) => recapFor(deps, ctx.actor, request),
});

/** /peringkat [minggu|bulan|YYYY-MM]: the KPI leaderboard. */
export const peringkat = defineCommand({
  name: 'peringkat',
  roles: ['superadmin', 'leader', 'admin'],
  chats: ['private', 'group'],
  help: (m) => m.recap.leaderboardHelp,
  usage: (m) => m.recap.leaderboardUsage,
  args: periodArgs,
  run: (ctx, request, deps) => leaderboardFor(deps, ctx.actor, request, 1, ctx.chat.kind === 'private'),
});
