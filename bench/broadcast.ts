/**
 * A broadcast to 2,000 private chats against the fake Bot API server enforcing Telegram's limits
 * (30 messages/s per bot), three ways, each in a fresh runner process with its own fake server
 * process:
 *   kopdar          a directive (/arahan segera …, then Send on the preview) to 2,000 admins
 *                   through the whole pipeline: telegraf polling → use case → 2,000 outbox rows
 *                   (and delivery records) in one transaction → OutboxRelay → Dispatcher.
 *   telegraf loop   `for (…) await bot.telegram.sendMessage(…)`; a 429 throws: counted, skipped.
 *   Promise.all     all 2,000 `sendMessage` calls at once; 429s counted.
 * The admins and their OPDs are written straight into the SQLite file (one transaction, like the
 * e2e load tests); everything from the superadmin's tap on Send onwards is the real bot.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { Telegraf, TelegramError } from 'telegraf';
import { parseConfig } from '../src/config.ts';
import { systemClock } from '../src/infra/clock/system-clock.ts';
import { openMigratedDatabase } from '../src/infra/db/open.ts';
import { createLogger } from '../src/infra/logging/logger.ts';
import { startKopdar, type RunningKopdar } from '../src/runtime.ts';
import { seedAdmins } from '../test/helpers/seed-admins.ts';
import { cpuMsSince, maxRssMb, SETTLE_MS, until } from './lib/measure.ts';
import { spawnObserver, type Observer, type ObserverResults } from './lib/observer-api.ts';
import { fixed } from './lib/report.ts';
import { spawnRunner } from './lib/runner-api.ts';

const TOKEN = '123456789:AAHbroadcastTOKENforKOPDARbench_secret';
const SUPERADMIN = { id: 1001, first_name: 'Sari' };
const FIRST_RECIPIENT = 730_000_001;
const ADMINS_PER_OPD = 5;
/** Telegram's (and the fake server's) global limit, messages per second. */
export const LIMIT_PER_SECOND = 30;
/** Target: kopdar's achieved rate at least this share of the limit. */
export const MIN_LIMIT_SHARE = 0.9;
/** What every recipient reads in the baselines (about as long as a directive's copy). */
const BASELINE_TEXT =
  '📣 <b>ARAHAN #1</b> · 🚨 SEGERA\n\nSiaga banjir: laporkan kondisi wilayah masing-masing hari ini.\n\nMohon konfirmasi dengan tombol di bawah ini.';

export type BroadcastBot = 'kopdar' | 'telegraf-loop' | 'promise-all';

export interface BroadcastRun {
  readonly bot: BroadcastBot;
  readonly recipients: number;
  /** Recipients that got the message at least once, and successful sends to recipients. */
  readonly delivered: number;
  readonly copies: number;
  readonly duplicates: number;
  /** 429 answers the fake server gave during the run. */
  readonly rateLimited: number;
  /** Other non-200 answers to sendMessage, by status. */
  readonly otherFailures: Record<string, number>;
  /** From the start (kopdar: the tap on Send; baselines: the first call) to the first / last delivery, ms. */
  readonly firstDeliveryMs: number;
  readonly lastDeliveryMs: number;
  /** Start → the run had nothing left to do (baselines: the last call returned; kopdar: dispatcher idle), ms. */
  readonly finishedMs: number;
  /**
   * Recipients reached ÷ (start → last delivery), msg/s: the broadcast's rate, when it reached
   * everyone (NaN when it did not: a broadcast that drops messages never completes).
   */
  readonly perSecond: number;
  /** Recipients reached ÷ (start → the run finished), msg/s, whether or not it reached everyone. */
  readonly goodputPerSecond: number;
  /** copies ÷ (first → last delivery): the sending pace once it ran, msg/s. */
  readonly pacePerSecond: number;
  /** Bot process CPU over the run, ms, and its lifetime peak RSS, MB. */
  readonly cpuMs: number;
  readonly peakRssMb: number;
  readonly completed: boolean;
  readonly notes: readonly string[];
}

export interface BroadcastParams {
  readonly recipients: number;
  readonly timeoutMs: number;
}

function silentSink(lines: string[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
}

/** What the server saw from `start` on: delivered copies per recipient, failures, 429s. */
function tally(bot: BroadcastBot, params: BroadcastParams, seen: ObserverResults, rateLimitedBefore: number, start: number, end: number, cpuMs: number, notes: string[]): BroadcastRun {
  const recipients = new Set(Array.from({ length: params.recipients }, (_, i) => FIRST_RECIPIENT + i));
  const copies = seen.sent.filter((s) => recipients.has(s.chatId));
  const perChat = new Map<number, number>();
  for (const copy of copies) perChat.set(copy.chatId, (perChat.get(copy.chatId) ?? 0) + 1);
  const times = copies.map((c) => c.at);
  const first = times.length > 0 ? Math.min(...times) : Number.NaN;
  const last = times.length > 0 ? Math.max(...times) : Number.NaN;
  const otherFailures = Object.fromEntries(Object.entries(seen.sendFailures).filter(([status]) => status !== '429'));
  return {
    bot,
    recipients: params.recipients,
    delivered: perChat.size,
    copies: copies.length,
    duplicates: copies.length - perChat.size,
    rateLimited: seen.rateLimited - rateLimitedBefore,
    otherFailures,
    firstDeliveryMs: first - start,
    lastDeliveryMs: last - start,
    finishedMs: end - start,
    perSecond: perChat.size === params.recipients ? perChat.size / ((last - start) / 1000) : Number.NaN,
    goodputPerSecond: perChat.size / ((Math.max(end, last) - start) / 1000),
    pacePerSecond: copies.length / ((last - first) / 1000),
    cpuMs,
    peakRssMb: maxRssMb(),
    completed: perChat.size === params.recipients,
    notes,
  };
}

/** Runner side: the directive through the whole kopdar stack. */
export async function runKopdarBroadcast(params: BroadcastParams): Promise<BroadcastRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kopdar-bench-broadcast-'));
  const databaseFile = path.join(dir, 'data', 'kopdar.db');
  const databaseUrl = `file:${databaseFile}`;
  const observer: Observer = spawnObserver();
  let kopdar: RunningKopdar | undefined;
  try {
    const { apiRoot } = await observer.call('start', { token: TOKEN, limits: { enforce: true } });
    await (await openMigratedDatabase(databaseUrl)).close();
    if (params.recipients % ADMINS_PER_OPD !== 0) throw new Error(`bench: recipients must be a multiple of ${ADMINS_PER_OPD}`);
    seedAdmins(databaseFile, { opds: params.recipients / ADMINS_PER_OPD, adminsPerOpd: ADMINS_PER_OPD, firstTelegramId: FIRST_RECIPIENT });

    const logLines: string[] = [];
    const config = parseConfig({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot, DATABASE_URL: databaseUrl, SUPERADMIN_IDS: String(SUPERADMIN.id), LOG_LEVEL: 'info' });
    kopdar = await startKopdar({ config, logger: createLogger(config.logLevel, [TOKEN], silentSink(logLines)), clock: systemClock });
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS)); // start-up's JIT and GC settle first

    // The superadmin composes; the preview says how many will receive it.
    await observer.call('push', { messages: [{ from: SUPERADMIN, text: '/arahan segera Siaga banjir: laporkan kondisi wilayah masing-masing hari ini.' }] });
    const preview = await observer.call('waitForMessage', { chatId: SUPERADMIN.id, contains: 'Pratinjau arahan', timeoutMs: 30_000 }, 40_000);
    const send = preview.buttons.find((b) => b.text.includes('Kirim'));
    if (!send) throw new Error(`bench: no Send button under the preview: ${JSON.stringify(preview.buttons)}`);
    const notes = [`preview: ${preview.text.split('\n')[1] ?? ''}`];
    const before = await observer.call('results', { sinceSent: 0 });

    // ---- measured: from the tap on Send until every copy is delivered ----
    const cpuBefore = process.cpuUsage();
    const tap = await observer.call('click', { from: SUPERADMIN, chatId: SUPERADMIN.id, messageId: preview.messageId, data: send.data });
    const wait = await observer.call(
      'waitFor',
      { sendMessageOk: before.sendMessageOk + params.recipients, reports: 0, timeoutMs: params.timeoutMs },
      params.timeoutMs + 10_000,
    );
    const running = kopdar;
    await until(() => running.dispatcher.pending === 0 && running.relay.inFlightCount === 0, 10_000, 10);
    const end = Date.now();
    const cpuMs = cpuMsSince(cpuBefore);
    // ---- end of the measured window ----

    const seen = await observer.call('results', { sinceSent: before.sentCalls });
    const dispatcherSaw = kopdar.dispatcher.rateLimitedCount;
    await kopdar.stop();
    kopdar = undefined;
    await observer.call('stop', null);

    const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare("SELECT status, COUNT(*) AS n FROM OutboxMessage WHERE kind = 'directive' GROUP BY status").all() as { status: string; n: number }[];
      notes.push(`outbox rows: ${rows.map((r) => `${r.n} ${r.status}`).join(', ')}; dispatcher saw ${dispatcherSaw} 429s`);
    } finally {
      db.close();
    }
    if (!wait.reached) notes.push(`timed out after ${params.timeoutMs} ms with ${wait.sendMessageOk - before.sendMessageOk} sends`);
    const problems = logLines.filter((l) => /"level":(40|50|60)/.test(l)).length;
    if (problems > 0) notes.push(`${problems} warnings/errors logged, e.g. ${logLines.find((l) => /"level":(40|50|60)/.test(l))?.slice(0, 200) ?? ''}`);
    const run = tally('kopdar', params, seen, before.rateLimited, tap.at, end, cpuMs, notes);
    return { ...run, notes: [...notes, `tap → first copy ${fixed(run.firstDeliveryMs, 0)} ms (handling the tap, writing ${params.recipients} outbox rows and delivery records in one transaction)`] };
  } finally {
    await kopdar?.stop().catch(() => undefined);
    await observer.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runner side: a bare telegraf client, sending in a loop or all at once. */
export async function runNaiveBroadcast(params: BroadcastParams & { readonly mode: 'loop' | 'all' }): Promise<BroadcastRun> {
  const observer: Observer = spawnObserver();
  try {
    const { apiRoot } = await observer.call('start', { token: TOKEN, limits: { enforce: true } });
    const bot = new Telegraf(TOKEN, { telegram: { apiRoot } });
    const chats = Array.from({ length: params.recipients }, (_, i) => FIRST_RECIPIENT + i);
    const before = await observer.call('results', { sinceSent: 0 });
    let thrown429 = 0;
    let thrownOther = 0;
    const sendOne = async (chatId: number): Promise<void> => {
      try {
        await bot.telegram.sendMessage(chatId, BASELINE_TEXT, { parse_mode: 'HTML' });
      } catch (error) {
        if (error instanceof TelegramError && error.code === 429) thrown429++;
        else thrownOther++;
      }
    };

    // ---- measured: from the first call until the last one returned ----
    const cpuBefore = process.cpuUsage();
    const start = Date.now();
    if (params.mode === 'loop') {
      for (const chatId of chats) await sendOne(chatId); // a 429 throws: counted, and on to the next
    } else {
      await Promise.all(chats.map((chatId) => sendOne(chatId)));
    }
    const end = Date.now();
    const cpuMs = cpuMsSince(cpuBefore);
    // ---- end of the measured window ----

    const seen = await observer.call('results', { sinceSent: before.sentCalls });
    await observer.call('stop', null);
    const notes = [`telegraf threw ${thrown429} × 429${thrownOther > 0 ? ` and ${thrownOther} other errors` : ''}; those messages were not delivered`];
    return tally(params.mode === 'loop' ? 'telegraf-loop' : 'promise-all', params, seen, before.rateLimited, start, end, cpuMs, notes);
  } finally {
    await observer.close();
  }
}

// ---- orchestrator side ----------------------------------------------------------------------

export interface BroadcastTarget {
  readonly name: string;
  readonly met: boolean;
  readonly detail: string;
}

export interface BroadcastBench {
  readonly recipients: number;
  readonly kopdar: BroadcastRun;
  readonly loop: BroadcastRun;
  readonly all: BroadcastRun;
  readonly targets: readonly BroadcastTarget[];
  readonly table: string;
}

/** Ahead of a baseline: delivered to more recipients, or to all of them in less time. */
function ahead(kopdar: BroadcastRun, baseline: BroadcastRun): boolean {
  if (!kopdar.completed || kopdar.duplicates > 0) return false;
  if (!baseline.completed) return true;
  return kopdar.lastDeliveryMs < baseline.lastDeliveryMs;
}

export function evaluateBroadcast(kopdar: BroadcastRun, loop: BroadcastRun, all: BroadcastRun): BroadcastTarget[] {
  const ratio = kopdar.perSecond / LIMIT_PER_SECOND;
  const baselineDetail = (b: BroadcastRun): string =>
    `${b.delivered}/${b.recipients} delivered, ${b.rateLimited} × 429${b.completed ? `, last at ${fixed(b.lastDeliveryMs / 1000, 1)} s` : ''}`;
  return [
    {
      name: `≥ ${MIN_LIMIT_SHARE * 100}% of the limit`,
      met: kopdar.completed && ratio >= MIN_LIMIT_SHARE,
      detail: `${kopdar.delivered}/${kopdar.recipients} in ${fixed(kopdar.lastDeliveryMs / 1000, 1)} s from the tap = ${fixed(kopdar.perSecond, 1)} msg/s = ${fixed(ratio * 100, 1)}% of ${LIMIT_PER_SECOND}/s (≥ ${MIN_LIMIT_SHARE * 100}%)`,
    },
    { name: 'zero 429', met: kopdar.rateLimited === 0, detail: `${kopdar.rateLimited} answered by the server` },
    {
      name: 'ahead of the telegraf loop',
      met: ahead(kopdar, loop),
      detail: `kopdar ${kopdar.delivered}/${kopdar.recipients} exactly once (${kopdar.duplicates} duplicates); loop ${baselineDetail(loop)}`,
    },
    { name: 'ahead of Promise.all', met: ahead(kopdar, all), detail: `Promise.all ${baselineDetail(all)}` },
  ];
}

const share = (perSecond: number): string => `${fixed((perSecond / LIMIT_PER_SECOND) * 100, 0)}%`;

function row(label: string, cells: readonly string[]): string {
  return `${label.padEnd(24)}${cells.map((c) => c.padEnd(27)).join('')}`.trimEnd();
}

export function formatBroadcast(kopdar: BroadcastRun, loop: BroadcastRun, all: BroadcastRun, targets: readonly BroadcastTarget[]): string {
  const runs = [kopdar, loop, all];
  const n = kopdar.recipients;
  const ideal = n / LIMIT_PER_SECOND;
  const lines = [
    `Broadcast: one message to each of ${n} private chats, fake Bot API server enforcing ${LIMIT_PER_SECOND} msg/s (ideal: ${fixed(ideal, 1)} s)`,
    row('', ['kopdar (directive)', 'telegraf for…await', 'Promise.all']),
    row('delivered', runs.map((r) => `${r.delivered}/${n}${r.duplicates > 0 ? ` (+${r.duplicates} dup)` : ''}`)),
    row('429 answers', runs.map((r) => String(r.rateLimited))),
    row('time to last delivery', runs.map((r) => `${fixed(r.lastDeliveryMs / 1000, 1)} s`)),
    row('broadcast msg/s', runs.map((r) => (r.completed ? `${fixed(r.perSecond, 1)} (${share(r.perSecond)} of limit)` : `— (${r.recipients - r.delivered} never sent)`))),
    row('delivered ÷ run time', runs.map((r) => `${fixed(r.goodputPerSecond, 1)} (${share(r.goodputPerSecond)})`)),
    row('run finished after', runs.map((r) => `${fixed(r.finishedMs / 1000, 1)} s`)),
    row('pace first→last copy', runs.map((r) => `${fixed(r.pacePerSecond, 1)} msg/s`)),
    row('CPU (bot process)', runs.map((r) => `${fixed(r.cpuMs, 0)} ms`)),
    row('peak RSS', runs.map((r) => `${fixed(r.peakRssMb, 0)} MB`)),
    `targets: ${targets.map((t) => `${t.name} ${t.met ? 'MET' : 'NOT MET'}`).join(', ')}`,
    '',
    ...targets.map((t) => `  ${t.met ? 'MET    ' : 'NOT MET'}  ${t.name}: ${t.detail}`),
    '',
    'Notes:',
    "  - start = the superadmin's tap on Send (kopdar: handling the tap and writing the outbox included) or the first call (baselines).",
    '  - broadcast msg/s = recipients ÷ (start → last delivery), only for a run that reached everyone; the ratio is to the 30/s limit.',
    '  - delivered ÷ run time: what got through while the run lasted. The naive senders hit the server at its limit for the',
    '    first second and are refused (429) after that; telegraf does not retry, so those messages are simply lost.',
    ...runs.flatMap((r) => r.notes.map((note) => `  - ${r.bot}: ${note}`)),
  ];
  return lines.join('\n');
}

/** Orchestrator: the three runs, each in a fresh runner process; returns the figures and the table. */
export async function benchBroadcast(options: { recipients?: number } = {}): Promise<BroadcastBench> {
  const recipients = options.recipients ?? 2000;
  const kopdarTimeoutMs = Math.max(30_000, Math.ceil((recipients / LIMIT_PER_SECOND) * 2.5 * 1000));
  const runIn = async <T>(call: (runner: ReturnType<typeof spawnRunner>) => Promise<T>): Promise<T> => {
    const runner = spawnRunner();
    try {
      return await call(runner);
    } finally {
      await runner.close();
    }
  };
  console.log(`broadcast: telegraf for…await loop to ${recipients} chats…`);
  const loop = await runIn((r) => r.call('broadcastNaive', { recipients, timeoutMs: 120_000, mode: 'loop' }, 180_000));
  console.log(`broadcast: Promise.all to ${recipients} chats…`);
  const all = await runIn((r) => r.call('broadcastNaive', { recipients, timeoutMs: 120_000, mode: 'all' }, 180_000));
  console.log(`broadcast: kopdar directive to ${recipients} admins (at least ${fixed(recipients / LIMIT_PER_SECOND, 1)} s at ${LIMIT_PER_SECOND}/s)…`);
  const kopdar = await runIn((r) => r.call('broadcastKopdar', { recipients, timeoutMs: kopdarTimeoutMs }, kopdarTimeoutMs + 120_000));
  const targets = evaluateBroadcast(kopdar, loop, all);
  return { recipients, kopdar, loop, all, targets, table: formatBroadcast(kopdar, loop, all, targets) };
}
