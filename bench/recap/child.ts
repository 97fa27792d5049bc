/**
 * One measurement in a fresh process (so its peak RSS is its own). Started by bench/recap.ts;
 * receives its job as JSON in argv[2] and answers with one IPC message.
 *
 *   ours   the monthly recap as the bot makes it: buildRecap (grouped queries), then the
 *          workbook and the chart, `runs` times (the first is cold).
 *   naive  the baseline for the data part: every report of the month read as a row through
 *          the app's Prisma client and counted per OPD, platform and local day in JS.
 */
import { createAppDeps } from '../../src/app/composition.ts';
import type { Clock } from '../../src/app/ports/clock.port.ts';
import { builtInDefaults, builtInDirectiveSettings, builtInRateLimits } from '../../src/app/settings/definitions.ts';
import { buildRecap, startOfDay } from '../../src/app/usecases/recap/build.ts';
import { addDays } from '../../src/domain/calendar/local-date.ts';
import { monthPeriod } from '../../src/domain/recap/period.ts';
import { localDateKeyer } from '../../src/domain/time/zoned.ts';
import { openDatabase } from '../../src/infra/db/client.ts';
import { openMigratedDatabase } from '../../src/infra/db/open.ts';
import { createRecapRenderer } from '../../src/infra/render/recap-renderer.ts';
import { peakRssKb } from '../lib/child-process.ts';

export interface RecapChildJob {
  readonly mode: 'ours' | 'naive';
  readonly file: string;
  readonly runs: number;
  readonly month: string;
  readonly now: string;
  readonly timezone: string;
}

export interface RecapRun {
  readonly buildMs: number;
  readonly workbookMs: number;
  readonly chartMs: number;
  readonly totalMs: number;
  readonly workbookBytes: number;
  readonly chartBytes: number;
}

export interface RecapChildResult {
  readonly mode: RecapChildJob['mode'];
  readonly runs: RecapRun[];
  readonly openMs: number;
  /** VmHWM after the first run and after all runs (KB). */
  readonly peakAfterFirstKb: number;
  readonly maxRssKb: number;
  readonly summary: { readonly opds: number; readonly posts: number; readonly activeOpds: number; readonly directives: number };
}

const fixedClock = (now: string): Clock => ({ now: () => new Date(now), sleep: () => Promise.resolve() });

async function ours(job: RecapChildJob): Promise<RecapChildResult> {
  const opened = performance.now();
  const db = await openMigratedDatabase(`file:${job.file}`);
  const openMs = performance.now() - opened;
  const renderer = createRecapRenderer();
  const deps = createAppDeps({
    uow: db.uow,
    clock: fixedClock(job.now),
    settings: { timezone: job.timezone, superadminIds: [], botUsername: 'bench', nudgeDefaults: builtInDefaults, directives: builtInDirectiveSettings, rateLimits: builtInRateLimits },
    recapRenderer: renderer,
  });
  const runs: RecapRun[] = [];
  let peakAfterFirstKb = 0;
  let summary = { opds: 0, posts: 0, activeOpds: 0, directives: 0 };
  try {
    for (let i = 0; i < job.runs; i++) {
      const t0 = performance.now();
      const recap = await buildRecap(deps, monthPeriod(job.month, job.now.slice(0, 10)));
      const t1 = performance.now();
      const workbook = await renderer.workbook(recap);
      const t2 = performance.now();
      const chart = await renderer.chart(recap);
      const t3 = performance.now();
      runs.push({ buildMs: t1 - t0, workbookMs: t2 - t1, chartMs: t3 - t2, totalMs: t3 - t0, workbookBytes: workbook.byteLength, chartBytes: chart.byteLength });
      if (i === 0) peakAfterFirstKb = peakRssKb();
      summary = { opds: recap.totals.opds, posts: recap.totals.posts, activeOpds: recap.totals.activeOpds, directives: recap.directives.length };
    }
  } finally {
    await db.close();
  }
  return { mode: 'ours', runs, openMs, peakAfterFirstKb, maxRssKb: peakRssKb(), summary };
}

async function naive(job: RecapChildJob): Promise<RecapChildResult> {
  const opened = performance.now();
  const { prisma } = await openDatabase(`file:${job.file}`);
  const openMs = performance.now() - opened;
  const period = monthPeriod(job.month, job.now.slice(0, 10));
  const from = startOfDay(period.from, job.timezone);
  const to = startOfDay(addDays(period.until, 1), job.timezone);
  const runs: RecapRun[] = [];
  let peakAfterFirstKb = 0;
  let summary = { opds: 0, posts: 0, activeOpds: 0, directives: 0 };
  try {
    for (let i = 0; i < job.runs; i++) {
      const t0 = performance.now();
      const rows = await prisma.report.findMany({ where: { createdAt: { gte: from, lt: to } }, select: { opdId: true, platform: true, createdAt: true } });
      const dayOf = localDateKeyer(job.timezone);
      const counts = new Map<string, number>();
      const opds = new Set<number>();
      for (const r of rows) {
        const key = `${r.opdId}|${r.platform}|${dayOf(r.createdAt)}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        opds.add(r.opdId);
      }
      const buildMs = performance.now() - t0;
      runs.push({ buildMs, workbookMs: 0, chartMs: 0, totalMs: buildMs, workbookBytes: 0, chartBytes: 0 });
      if (i === 0) peakAfterFirstKb = peakRssKb();
      summary = { opds: 0, posts: rows.length, activeOpds: opds.size, directives: 0 };
    }
  } finally {
    await prisma.$disconnect();
  }
  return { mode: 'naive', runs, openMs, peakAfterFirstKb, maxRssKb: peakRssKb(), summary };
}

const job = JSON.parse(process.argv[2] ?? '{}') as RecapChildJob;
const result = await (job.mode === 'ours' ? ours(job) : naive(job));
process.send?.(result);
