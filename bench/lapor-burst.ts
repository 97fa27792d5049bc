/**
 * The /lapor burst through the whole kopdar stack: the real bot (startKopdar: telegraf long
 * polling → commands → use cases → Prisma/SQLite → dispatcher) against the fake Bot API server
 * with Telegram's limits enforced, running in the observer process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { builtInDefaults, builtInDirectiveSettings, builtInRateLimits } from '../src/app/settings/definitions.ts';
import { createAppDeps } from '../src/app/composition.ts';
import { createRecapRenderer } from '../src/infra/render/recap-renderer.ts';
import { importOpds } from '../src/app/usecases/opd-import.ts';
import { parseConfig } from '../src/config.ts';
import { systemClock } from '../src/infra/clock/system-clock.ts';
import { openMigratedDatabase } from '../src/infra/db/open.ts';
import { createLogger } from '../src/infra/logging/logger.ts';
import { startKopdar, type RunningKopdar } from '../src/runtime.ts';
import { cpuMsSince, idleCpuRate, maxRssMb, percentile, sampleRss, SETTLE_MS, summarize, until, type LatencySummary } from './lib/measure.ts';
import { spawnObserver, type Observer, type ObserverResults } from './lib/observer-api.ts';
import { canonicalUrlOf, type Workload } from './lib/workload.ts';

export const BENCH_TOKEN = '123456789:AAHbenchTOKENforKOPDARburstRun_secret';
const SUPERADMIN_ID = 1001;

export interface LaporBurstOptions {
  /** Upper bound for the whole burst (records and replies), ms. */
  readonly timeoutMs: number;
  /** How often the observer polls the database file for new reports, ms. */
  readonly watchIntervalMs: number;
}

export interface LaporBurstResult {
  readonly bot: 'kopdar';
  readonly updates: number;
  readonly admins: number;
  readonly completed: boolean;
  readonly records: {
    readonly rows: number;
    readonly distinctCanonicalUrls: number;
    /** Expected canonical URLs found exactly once. */
    readonly expectedFoundOnce: number;
    readonly unexpectedRows: number;
    readonly processedUpdates: number;
    /** Time from the first push to the last record seen committed, ms. */
    readonly lastCommittedMs: number;
    readonly perSecond: number;
  };
  /** Push → row visible to another connection (polled every watchIntervalMs). */
  readonly updateToCommitted: LatencySummary;
  /** Push → the Report's createdAt (taken by the use case inside its transaction, system clock). */
  readonly updateToCreatedAt: LatencySummary;
  readonly replies: {
    readonly expected: number;
    readonly delivered: number;
    readonly recorded: number;
    readonly alreadyReported: number;
    readonly refused: number;
    readonly other: number;
    /** Admins who got exactly perAdmin replies, all ✅. */
    readonly adminsServedExactly: number;
    readonly firstMs: number;
    /** First push → last reply handled by the server, ms. */
    readonly lastMs: number;
  };
  readonly delivery: { readonly seconds: number; readonly limitSeconds: number; readonly ratio: number };
  readonly rateLimited: { readonly serverAnswers: number; readonly dispatcherSaw: number };
  readonly sendFailures: Record<string, number>;
  readonly rateLimitedDetail: ObserverResults['rateLimitedDetail'];
  readonly cpu: {
    readonly windowMs: number;
    readonly botMs: number;
    readonly perUpdateMs: number;
    /** Bot CPU from the push until every record was committed (seen by the observer), and its wall time. */
    readonly processingMs: number;
    readonly processingWallMs: number;
    /** Bot CPU after that, while the remaining replies were paced out. */
    readonly deliveryMs: number;
    /** Bot CPU per second of wall time while idle, measured for 2 s just before the burst. */
    readonly idleMsPerSecond: number;
    readonly fakeServerMs: number;
  };
  /** Spacing of successive replies as the server received them. */
  readonly pacing: {
    readonly meanIntervalMs: number;
    readonly p50IntervalMs: number;
    readonly p99IntervalMs: number;
    readonly maxIntervalMs: number;
    /** Replies delivered before the last record was committed, and the rate after that. */
    readonly deliveredWhileProcessing: number;
    readonly ratePerSecondAfterProcessing: number;
  };
  readonly memory: { readonly rssBeforeBurstMb: number; readonly burstPeakRssMb: number; readonly processPeakRssMb: number; readonly fakeServerPeakRssMb: number };
  readonly logs: { readonly lines: number; readonly handled: number; readonly failed: number; readonly duplicates: number; readonly rateLimitWarnings: number; readonly problems: readonly string[] };
  readonly setupMs: number;
}

interface LogSink {
  readonly lines: string[];
  readonly stream: Writable;
}

function memorySink(): LogSink {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, stream };
}

/** A fresh, migrated SQLite file with one OPD per admin and every admin registered. */
async function seedDatabase(databaseUrl: string, workload: Workload): Promise<void> {
  const database = await openMigratedDatabase(databaseUrl);
  try {
    const deps = createAppDeps({
      uow: database.uow,
      clock: systemClock,
      settings: { timezone: 'Asia/Jakarta', superadminIds: [BigInt(SUPERADMIN_ID)], botUsername: 'kopdar_test_bot', nudgeDefaults: builtInDefaults, directives: builtInDirectiveSettings, rateLimits: builtInRateLimits },
      recapRenderer: createRecapRenderer(),
    });
    await importOpds(
      deps,
      workload.opdCodes.map((kode, i) => ({ kode, nama: `OPD Bench ${i + 1}`, jenis: 'dinas' })),
    );
    await deps.uow.run(async (repos) => {
      for (const [i, admin] of workload.admins.entries()) {
        // The same profile the updates carry, so identifying them later changes nothing.
        const person = await repos.users.upsertProfile({ telegramId: BigInt(admin.id), username: admin.username, firstName: admin.first_name, lastName: null });
        const opd = await repos.opds.findByCode(workload.opdCodes[i] ?? '');
        if (!opd) throw new Error(`seed: OPD ${workload.opdCodes[i]} missing`);
        await repos.users.setRole(person.id, 'admin', opd.id);
      }
    });
  } finally {
    await database.close();
  }
}

interface DbCheck {
  readonly rows: { canonicalUrl: string; createdAt: number }[];
  readonly processedUpdates: number;
}

function readDatabase(file: string): DbCheck {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const raw = db.prepare('SELECT canonicalUrl, createdAt FROM Report ORDER BY id').all() as { canonicalUrl: string; createdAt: string | number }[];
    const processed = db.prepare('SELECT COUNT(*) AS n FROM ProcessedUpdate').get() as { n: number };
    return {
      rows: raw.map((r) => ({ canonicalUrl: r.canonicalUrl, createdAt: typeof r.createdAt === 'number' ? r.createdAt : Date.parse(r.createdAt) })),
      processedUpdates: processed.n,
    };
  } finally {
    db.close();
  }
}

function pacingOf(times: readonly number[], processingEnd: number): LaporBurstResult['pacing'] {
  const sorted = [...times].sort((a, b) => a - b);
  const intervals = sorted.slice(1).map((t, i) => t - (sorted[i] ?? t));
  const during = sorted.filter((t) => t <= processingEnd).length;
  const after = sorted.filter((t) => t > processingEnd);
  const last = sorted.at(-1) ?? Number.NaN;
  const sum = intervals.reduce((a, b) => a + b, 0);
  return {
    meanIntervalMs: sum / intervals.length,
    p50IntervalMs: percentile(intervals, 50),
    p99IntervalMs: percentile(intervals, 99),
    maxIntervalMs: percentile(intervals, 100),
    deliveredWhileProcessing: during,
    ratePerSecondAfterProcessing: after.length / ((last - processingEnd) / 1000),
  };
}

export async function runLaporBurst(workload: Workload, options: LaporBurstOptions): Promise<LaporBurstResult> {
  const setupStarted = Date.now();
  const n = workload.messages.length;
  const perAdmin = n / workload.admins.length;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kopdar-bench-'));
  const databaseFile = path.join(dir, 'data', 'kopdar.db');
  const databaseUrl = `file:${databaseFile}`;
  const observer: Observer = spawnObserver();
  let kopdar: RunningKopdar | undefined;
  try {
    const { apiRoot } = await observer.call('start', { token: BENCH_TOKEN, limits: { enforce: true } });
    await seedDatabase(databaseUrl, workload);

    const sink = memorySink();
    const config = parseConfig({
      BOT_TOKEN: BENCH_TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      DATABASE_URL: databaseUrl,
      SUPERADMIN_IDS: String(SUPERADMIN_ID),
      LOG_LEVEL: 'info',
    });
    // The production logger at its default level, writing into memory instead of stdout.
    kopdar = await startKopdar({ config, logger: createLogger(config.logLevel, [BENCH_TOKEN], sink.stream), clock: systemClock });
    await observer.call('watchReports', { databaseFile, intervalMs: options.watchIntervalMs });
    const before = await observer.call('results', { sinceSent: 0 });
    const sentMark = before.sentCalls;
    const sentBefore = before.sendMessageOk;
    const setupMs = Date.now() - setupStarted;
    // Start-up leaves seconds of background work (JIT, GC of start-up garbage): let it settle,
    // then see what the bot costs while nothing happens (long poll waiting, timers, GC).
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const idleMsPerSecond = await idleCpuRate(2_000);

    // ---- the measured window: from the push until every record and every reply is done ----
    const observerCpuBefore = (await observer.call('usage', null)).cpuMs;
    const rssBeforeBurstMb = process.memoryUsage.rss() / 1_048_576;
    const rss = sampleRss(100);
    const cpuBefore = process.cpuUsage();
    const windowStart = Date.now();
    const { pushes } = await observer.call('push', { messages: workload.messages.map((m) => ({ from: m.from, text: m.text })) });
    // Two phases: until every record is committed (handling updates, first replies going out),
    // then until every reply is delivered (the dispatcher pacing at Telegram's limit).
    // (If every update got its reply but rows are missing, the bot refused or failed some: stop there.)
    const recordsDone = await observer.call(
      'waitFor',
      { sendMessageOk: 0, reports: n, orSendMessageOk: sentBefore + n, timeoutMs: options.timeoutMs },
      options.timeoutMs + 10_000,
    );
    const processingCpuMs = cpuMsSince(cpuBefore);
    const processingWallMs = Date.now() - windowStart;
    const remainingMs = Math.max(0, options.timeoutMs - processingWallMs);
    const wait = recordsDone.reached
      ? await observer.call('waitFor', { sendMessageOk: sentBefore + n, reports: n, timeoutMs: remainingMs }, remainingMs + 10_000)
      : recordsDone;
    const running = kopdar;
    // The server has logged the last send; let the bot take in the answer and go idle.
    await until(() => running.dispatcher.pending === 0, wait.reached ? 5_000 : 0, 10);
    const botCpuMs = cpuMsSince(cpuBefore);
    const windowMs = Date.now() - windowStart;
    const burstPeakRssMb = rss.stop();
    const observerCpuMs = (await observer.call('usage', null)).cpuMs - observerCpuBefore;
    // ---- end of the measured window ----

    const seen = await observer.call('results', { sinceSent: sentMark });
    const dispatcherSaw = kopdar.dispatcher.rateLimitedCount;
    await kopdar.stop();
    kopdar = undefined;
    const fakeServer = await observer.call('stop', null);
    const db = readDatabase(databaseFile);

    // Push time of each link, by canonical URL.
    const pushAt = new Map<string, number>();
    workload.messages.forEach((m, i) => {
      const push = pushes[i];
      if (push) pushAt.set(canonicalUrlOf(m.code), push.at);
    });
    const firstPush = Math.min(...pushes.map((p) => p.at));

    const counts = new Map<string, number>();
    for (const row of db.rows) counts.set(row.canonicalUrl, (counts.get(row.canonicalUrl) ?? 0) + 1);
    let expectedFoundOnce = 0;
    for (const url of pushAt.keys()) if (counts.get(url) === 1) expectedFoundOnce++;
    const unexpectedRows = db.rows.filter((r) => !pushAt.has(r.canonicalUrl)).length;

    const committed: number[] = [];
    for (const report of seen.reports) {
      const at = pushAt.get(report.canonicalUrl);
      if (at !== undefined) committed.push(report.seenAt - at);
    }
    const created: number[] = [];
    for (const row of db.rows) {
      const at = pushAt.get(row.canonicalUrl);
      if (at !== undefined) created.push(row.createdAt - at);
    }
    const lastCommittedMs = seen.reports.length > 0 ? Math.max(...seen.reports.map((r) => r.seenAt)) - firstPush : Number.NaN;

    const replies = seen.sent;
    const byMarker = (marker: string): number => replies.filter((r) => r.marker === marker).length;
    const perChat = new Map<number, { total: number; ok: number }>();
    for (const r of replies) {
      const entry = perChat.get(r.chatId) ?? { total: 0, ok: 0 };
      entry.total++;
      if (r.marker === '✅') entry.ok++;
      perChat.set(r.chatId, entry);
    }
    const adminsServedExactly = workload.admins.filter((a) => {
      const entry = perChat.get(a.id);
      return entry !== undefined && entry.total === perAdmin && entry.ok === perAdmin;
    }).length;
    const lastReplyMs = replies.length > 0 ? Math.max(...replies.map((r) => r.at)) - firstPush : Number.NaN;
    const firstReplyMs = replies.length > 0 ? Math.min(...replies.map((r) => r.at)) - firstPush : Number.NaN;
    const limitSeconds = n / 30;

    const events = sink.lines.map((line) => {
      try {
        return JSON.parse(line) as { event?: string; level?: number; msg?: string; err?: { message?: string } };
      } catch {
        return { event: 'unparsable', level: 60, msg: line };
      }
    });
    const eventCount = (name: string): number => events.filter((e) => e.event === name).length;
    // Warnings and errors, by kind (event and the first line of the error), most frequent first.
    const problemCounts = new Map<string, number>();
    for (const e of events) {
      if ((e.level ?? 0) < 40) continue;
      const detail = (e.err?.message ?? e.msg ?? '').split('\n').map((l) => l.trim()).filter((l) => l.length > 0).at(-1) ?? '';
      const key = `${e.event ?? 'log'}${detail ? `: ${detail.slice(0, 160)}` : ''}`;
      problemCounts.set(key, (problemCounts.get(key) ?? 0) + 1);
    }
    const problems = [...problemCounts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([key, count]) => `${count}× ${key}`);

    return {
      bot: 'kopdar',
      updates: n,
      admins: workload.admins.length,
      completed: wait.reached,
      records: {
        rows: db.rows.length,
        distinctCanonicalUrls: counts.size,
        expectedFoundOnce,
        unexpectedRows,
        processedUpdates: db.processedUpdates,
        lastCommittedMs,
        perSecond: db.rows.length / (lastCommittedMs / 1000),
      },
      updateToCommitted: summarize(committed),
      updateToCreatedAt: summarize(created),
      replies: {
        expected: n,
        delivered: replies.length,
        recorded: byMarker('✅'),
        alreadyReported: byMarker('🔁'),
        refused: byMarker('❌'),
        other: replies.length - byMarker('✅') - byMarker('🔁') - byMarker('❌'),
        adminsServedExactly,
        firstMs: firstReplyMs,
        lastMs: lastReplyMs,
      },
      delivery: { seconds: lastReplyMs / 1000, limitSeconds, ratio: lastReplyMs / 1000 / limitSeconds },
      rateLimited: { serverAnswers: seen.rateLimited, dispatcherSaw },
      sendFailures: seen.sendFailures,
      rateLimitedDetail: seen.rateLimitedDetail,
      cpu: {
        windowMs,
        botMs: botCpuMs,
        perUpdateMs: botCpuMs / n,
        processingMs: processingCpuMs,
        processingWallMs,
        deliveryMs: botCpuMs - processingCpuMs,
        idleMsPerSecond,
        fakeServerMs: observerCpuMs,
      },
      pacing: pacingOf(replies.map((r) => r.at), firstPush + lastCommittedMs),
      memory: { rssBeforeBurstMb, burstPeakRssMb, processPeakRssMb: maxRssMb(), fakeServerPeakRssMb: fakeServer.maxRssMb },
      logs: {
        lines: sink.lines.length,
        handled: eventCount('update.handled'),
        failed: eventCount('update.failed'),
        duplicates: eventCount('update.duplicate'),
        rateLimitWarnings: eventCount('delivery.rate_limited'),
        problems,
      },
      setupMs,
    };
  } finally {
    await kopdar?.stop().catch(() => undefined);
    await observer.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
