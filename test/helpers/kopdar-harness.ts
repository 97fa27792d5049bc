import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { parseConfig } from '../../src/config.ts';
import { createLogger } from '../../src/infra/logging/logger.ts';
import { startKopdar, type RunningKopdar } from '../../src/runtime.ts';
import { systemClock } from '../../src/infra/clock/system-clock.ts';
import { FakeTelegramServer } from './fake-telegram/server.ts';
import type { SentCall } from './fake-telegram/types.ts';
import { ShiftableClock } from './shiftable-clock.ts';

export const TEST_TOKEN = '123456789:AAHtestTOKENforKOPDARe2eSuite_secret';

export interface Harness {
  readonly tg: FakeTelegramServer;
  readonly kopdar: RunningKopdar;
  readonly clock: ShiftableClock;
  readonly databaseUrl: string;
  readonly databaseFile: string;
  readonly logLines: string[];
  /** Invitation tokens handed out, in order (predictable, so tests can open the deep link). */
  readonly tokens: string[];
  /** Sends a private message (or one in `chat`) and waits for the bot's next matching answer there. */
  say(from: { id: number; first_name: string; username?: string }, text: string, match: RegExp): Promise<SentCall>;
  /** Resolves when `count` log lines (past or future) match; fails after timeoutMs. */
  waitForLog(match: (line: Record<string, unknown>) => boolean, count?: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  readonly superadminIds?: readonly number[];
  readonly enforceLimits?: boolean;
  readonly env?: Record<string, string>;
  /** The bot's "now" at start (moves on in real time, and forward with clock.shift). */
  readonly startAt?: string;
}

/** Starts the real bot (in this process) against a fake Bot API server and a fresh SQLite file. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const tg = await FakeTelegramServer.start({ token: TEST_TOKEN, limits: { enforce: options.enforceLimits ?? true } });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kopdar-e2e-'));
  const databaseFile = path.join(dir, 'data', 'kopdar.db');
  const databaseUrl = `file:${databaseFile}`;
  const config = parseConfig({
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: tg.apiRoot,
    DATABASE_URL: databaseUrl,
    SUPERADMIN_IDS: (options.superadminIds ?? [1001]).join(','),
    LOG_LEVEL: 'info',
    // The automatic recaps would fire on whatever day the suite runs (most tests start at the
    // real "now"); recap.test.ts switches them on with a fixed start time.
    RECAP_WEEKLY: 'mati',
    RECAP_MONTHLY: 'mati',
    ...options.env,
  });
  const logLines: string[] = [];
  const logEvents = new EventEmitter();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString('utf8').split('\n').filter((l) => l.length > 0));
      logEvents.emit('line');
      done();
    },
  });
  const waitForLog = (match: (line: Record<string, unknown>) => boolean, count = 1, timeoutMs = 10_000): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const seen = () => logLines.filter((l) => match(JSON.parse(l) as Record<string, unknown>)).length >= count;
      if (seen()) return resolve();
      const onLine = () => {
        if (!seen()) return;
        clearTimeout(timer);
        logEvents.off('line', onLine);
        resolve();
      };
      const timer = setTimeout(() => {
        logEvents.off('line', onLine);
        reject(new Error(`no ${count} matching log lines within ${timeoutMs} ms:\n${logLines.slice(-10).join('\n')}`));
      }, timeoutMs);
      logEvents.on('line', onLine);
    });
  const clock = new ShiftableClock(options.startAt);
  const tokens: string[] = [];
  let counter = 0;
  const newToken = (): string => {
    const token = `invite${String(++counter).padStart(4, '0')}tok`;
    tokens.push(token);
    return token;
  };
  const kopdar = await startKopdar({ config, logger: createLogger('info', [TEST_TOKEN], sink), clock, pacingClock: systemClock, newToken });
  return {
    tg,
    kopdar,
    clock,
    databaseUrl,
    databaseFile,
    logLines,
    tokens,
    waitForLog,
    async say(from, text, match) {
      const since = tg.sent.length;
      tg.sendText({ from, text });
      return tg.waitForMessage(from.id, match, { timeoutMs: 10_000, since });
    },
    async stop() {
      await kopdar.stop();
      await tg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
