/**
 * One measurement in a fresh process, so its peak RSS reflects only what it does (opening the
 * database with the app's own code and computing), never the data build. Started by
 * bench/nudges.ts with fork(); receives its job as JSON in argv[2] and answers with one IPC
 * message.
 *
 *   ours   runNudges(deps, { day, dryRun: true }) `runs` times (the first is cold).
 *   breakdown  the same runs with every repository call timed: where the time goes.
 *   naive  the baseline: SELECT opdId, MAX(createdAt) FROM Report GROUP BY opdId through the
 *          app's Prisma client, `runs` times.
 *   write  runNudges(deps, { day, dryRun: false }) once, on a copy of the data set with a
 *          community group bound (so the digest is built too), repository calls timed.
 */
import { readFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { createAppDeps } from '../../src/app/composition.ts';
import { createRecapRenderer } from '../../src/infra/render/recap-renderer.ts';
import type { Clock } from '../../src/app/ports/clock.port.ts';
import type { Repositories, UnitOfWork } from '../../src/app/ports/repositories.port.ts';
import { builtInDefaults, builtInDirectiveSettings, builtInRateLimits } from '../../src/app/settings/definitions.ts';
import { runNudges, type NudgeRunResult } from '../../src/app/usecases/nudges.ts';
import { localDateKey, localDateKeyer } from '../../src/domain/time/zoned.ts';
import { openDatabase } from '../../src/infra/db/client.ts';
import { openMigratedDatabase } from '../../src/infra/db/open.ts';
import { peakRssKb } from '../lib/child-process.ts';

export interface ChildJob {
  readonly mode: 'ours' | 'naive' | 'write' | 'breakdown';
  readonly file: string;
  readonly runs: number;
  readonly day: string;
  readonly now: string;
  readonly timezone: string;
}

export interface CallStats {
  calls: number;
  ms: number;
}

export interface RunBreakdown {
  readonly totalMs: number;
  readonly txBeginMs: number;
  readonly txCommitMs: number;
  /** Time inside each repository method ("activity.opdActivity", …). */
  readonly calls: Record<string, CallStats>;
}

export interface ChildResult {
  readonly mode: ChildJob['mode'];
  /** Wall time of each run in ms; the first one is cold (fresh process, Prisma not yet warmed). */
  readonly runsMs: number[];
  /** Opening the database with the app's code (migration check + Prisma client), ms. */
  readonly openMs: number;
  /** RSS after opening the database, before the first run (KB). */
  readonly rssAfterOpenKb: number;
  /**
   * Peak RSS of this process over the measured runs (KB): VmHWM from /proc/self/status. Not
   * process.resourceUsage().maxRSS: on Linux that survives fork + exec, so a child reports its
   * parent's peak (the data build's) when that was higher.
   */
  readonly maxRssKb: number;
  /** Peak RSS (VmHWM, KB) after each run: whether one run alone, or the repetition, sets the peak. */
  readonly peakAfterRunKb: number[];
  /** Highest RSS seen by a 5 ms sampler during the runs (KB), a cross-check of maxRssKb. */
  readonly sampledPeakRssKb: number;
  readonly summary: Record<string, number>;
  /** CPU time of this whole process (start-up included), ms. */
  readonly cpuMs: number;
  /** breakdown and write: where each run's time goes. */
  readonly breakdowns?: RunBreakdown[];
  /** breakdown only: instants turned into local days by one run, timed with localDateKeyer (as plan() does) and with Intl each time. */
  readonly localDays?: { calls: number; keyerMs: number; intlMs: number };
}

const fixedClock = (now: string): Clock => ({
  now: () => new Date(now),
  sleep: () => Promise.resolve(),
});

function summarise(result: NudgeRunResult): Record<string, number> {
  const { plan } = result;
  const level = (l: string) => plan.nudges.filter((n) => n.level === l).length;
  return {
    totalOpds: plan.totalOpds,
    nudged: plan.nudges.length,
    friendly: level('friendly'),
    firm: level('firm'),
    escalation: level('escalation'),
    recipients: plan.nudges.reduce((sum, n) => sum + n.recipients.length, 0),
    withoutAdmin: plan.withoutAdmin.length,
    onLeave: plan.onLeave.length,
    recorded: result.recorded,
    enqueued: result.enqueued,
  };
}

/** Wraps every repository method so the breakdown can say where a run's time goes. */
function timedUow(inner: UnitOfWork, stats: Map<string, CallStats>, tx: { beginMs: number; commitMs: number }): UnitOfWork {
  return {
    async run(work) {
      const called = performance.now();
      let finished = 0;
      const value = await inner.run(async (repos) => {
        tx.beginMs += performance.now() - called;
        const wrapped = Object.fromEntries(
          Object.entries(repos).map(([repoName, repo]) => [
            repoName,
            Object.fromEntries(
              Object.entries(repo as Record<string, unknown>).map(([method, fn]) => [
                method,
                typeof fn !== 'function'
                  ? fn
                  : async (...args: unknown[]) => {
                      const started = performance.now();
                      try {
                        return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
                      } finally {
                        const key = `${repoName}.${method}`;
                        const s = stats.get(key) ?? { calls: 0, ms: 0 };
                        s.calls++;
                        s.ms += performance.now() - started;
                        stats.set(key, s);
                      }
                    },
              ]),
            ),
          ]),
        ) as unknown as Repositories;
        const out = await work(wrapped);
        finished = performance.now();
        return out;
      });
      tx.commitMs += performance.now() - finished;
      return value;
    },
  };
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as ChildJob;
  const url = `file:${job.file}`;
  let sampledPeak = 0;
  const sample = () => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
  };
  const sampler = setInterval(sample, 5);
  const runsMs: number[] = [];
  const peakAfterRunKb: number[] = [];
  let summary: Record<string, number> = {};
  let breakdowns: RunBreakdown[] | undefined;
  let localDays: ChildResult['localDays'];
  let openMs: number;
  let rssAfterOpenKb: number;
  let maxRssKb: number;

  if (job.mode === 'naive') {
    const started = performance.now();
    const { prisma: db } = await openDatabase(url);
    openMs = performance.now() - started;
    rssAfterOpenKb = process.memoryUsage.rss() / 1024;
    for (let i = 0; i < job.runs; i++) {
      const t = performance.now();
      const rows = await db.$queryRawUnsafe<{ opdId: number; last: string }[]>('SELECT opdId, MAX(createdAt) AS last FROM "Report" GROUP BY opdId');
      // What the naive code would do next with each row: its local day.
      for (const row of rows) localDateKey(new Date(row.last), job.timezone);
      runsMs.push(performance.now() - t);
      peakAfterRunKb.push(peakRssKb());
      summary = { opdsWithReports: rows.length };
      sample();
    }
    maxRssKb = peakRssKb();
    await db.$disconnect();
  } else if (job.mode === 'ours' || job.mode === 'write') {
    if (job.mode === 'write') {
      // A bound community group, so the writing run also builds the daily digest.
      const setup = new BetterSqlite3(job.file);
      setup.prepare('INSERT OR REPLACE INTO "Setting" (key, value, updatedAt) VALUES (?, ?, ?)').run('community_chat_id', '-1001234567890', job.now.replace('Z', '+00:00'));
      setup.close();
    }
    const started = performance.now();
    const db = await openMigratedDatabase(url);
    openMs = performance.now() - started;
    rssAfterOpenKb = process.memoryUsage.rss() / 1024;
    const settings = { timezone: job.timezone, superadminIds: [], botUsername: 'kopdar_bench_bot', nudgeDefaults: builtInDefaults, directives: builtInDirectiveSettings, rateLimits: builtInRateLimits };
    // The writing run is instrumented too (its breakdown says where its time goes); a few µs
    // per repository call against its tens of seconds.
    const writeStats = new Map<string, CallStats>();
    const writeTx = { beginMs: 0, commitMs: 0 };
    const uow = job.mode === 'write' ? timedUow(db.uow, writeStats, writeTx) : db.uow;
    const deps = createAppDeps({ uow, clock: fixedClock(job.now), settings, recapRenderer: createRecapRenderer() });
    const runs = job.mode === 'write' ? 1 : job.runs;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const result = await runNudges(deps, { day: job.day, dryRun: job.mode !== 'write' });
      runsMs.push(performance.now() - t);
      peakAfterRunKb.push(peakRssKb());
      summary = summarise(result);
      sample();
    }
    maxRssKb = peakRssKb();
    if (job.mode === 'write') breakdowns = [{ totalMs: runsMs[0] ?? 0, txBeginMs: writeTx.beginMs, txCommitMs: writeTx.commitMs, calls: Object.fromEntries(writeStats) }];
    await db.close();
    if (job.mode === 'write') {
      // What the run really committed (the use case's counts say what it wrote, not what stayed).
      const check = new BetterSqlite3(job.file, { readonly: true });
      try {
        const count = (table: string) => (check.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
        summary = { ...summary, nudgeRowsCommitted: count('Nudge'), outboxRowsCommitted: count('OutboxMessage') };
      } finally {
        check.close();
      }
    }
  } else {
    // The breakdown: the same runs with every repository call timed, in a process of its own so
    // the measured figures carry no instrumentation. The first run is cold, the others warm.
    const started = performance.now();
    const db = await openMigratedDatabase(url);
    openMs = performance.now() - started;
    rssAfterOpenKb = process.memoryUsage.rss() / 1024;
    const settings = { timezone: job.timezone, superadminIds: [], botUsername: 'kopdar_bench_bot', nudgeDefaults: builtInDefaults, directives: builtInDirectiveSettings, rateLimits: builtInRateLimits };
    breakdowns = [];
    for (let i = 0; i < job.runs; i++) {
      const stats = new Map<string, CallStats>();
      const tx = { beginMs: 0, commitMs: 0 };
      const timedDeps = createAppDeps({ uow: timedUow(db.uow, stats, tx), clock: fixedClock(job.now), settings, recapRenderer: createRecapRenderer() });
      const t = performance.now();
      summary = summarise(await runNudges(timedDeps, { day: job.day, dryRun: true }));
      const totalMs = performance.now() - t;
      runsMs.push(totalMs);
      peakAfterRunKb.push(peakRssKb());
      breakdowns.push({ totalMs, txBeginMs: tx.beginMs, txCommitMs: tx.commitMs, calls: Object.fromEntries(stats) });
    }
    maxRssKb = peakRssKb();
    // The per-OPD loop turns two instants per OPD (last report, creation) into local days:
    // time that alone, as plan() does it (localDateKeyer) and with Intl for every instant.
    const rows = await db.uow.run((repos) => repos.activity.opdActivity());
    const instants = rows.flatMap((row) => (row.lastReportAt ? [row.lastReportAt, row.createdAt] : [row.createdAt]));
    const timeIt = (fn: (instant: Date) => string) => {
      const t0 = performance.now();
      for (const instant of instants) fn(instant);
      return performance.now() - t0;
    };
    localDays = { calls: instants.length, keyerMs: timeIt(localDateKeyer(job.timezone)), intlMs: timeIt((instant) => localDateKey(instant, job.timezone)) };
    await db.close();
  }
  clearInterval(sampler);
  const cpu = process.cpuUsage();
  const result: ChildResult = {
    mode: job.mode,
    runsMs,
    peakAfterRunKb,
    openMs,
    rssAfterOpenKb,
    maxRssKb,
    sampledPeakRssKb: sampledPeak / 1024,
    summary,
    cpuMs: (cpu.user + cpu.system) / 1000,
    ...(breakdowns ? { breakdowns } : {}),
    ...(localDays ? { localDays } : {}),
  };
  process.send?.(result);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
