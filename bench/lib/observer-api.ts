import path from 'node:path';
import type { LimitOptions } from '../../test/helpers/fake-telegram/types.ts';
import { RpcClient } from './rpc.ts';

/**
 * The observer is a separate process that plays Telegram (the FakeTelegramServer of the e2e
 * tests, limits enforced) and watches the bot's SQLite file for committed reports. Everything
 * the benchmarks measure about the bot's own process (CPU, RSS) is then the bot's alone.
 */

export interface PushInput {
  readonly from: { readonly id: number; readonly first_name: string; readonly username?: string };
  readonly text: string;
}

export interface Push {
  readonly updateId: number;
  /** Date.now() in the observer right after the update was queued for getUpdates. */
  readonly at: number;
}

export interface SentMessage {
  readonly chatId: number;
  readonly at: number;
  /** First code point of the text (✅ 🔁 ❌ for /lapor replies). */
  readonly marker: string;
  readonly text: string;
}

export interface RateLimitedDetail {
  readonly chatId: number;
  readonly at: number;
  /** ms since each of the last (up to 4) successful sends to the same chat, oldest first. */
  readonly msSinceSendsToChat: readonly number[];
  /** Successful sends to any chat in the 1,000 ms before. */
  readonly sendsInPrecedingSecond: number;
}

export interface SeenReport {
  readonly canonicalUrl: string;
  /** Date.now() when the row was first seen by a read-only connection polling the file. */
  readonly seenAt: number;
}

export interface ProcessUsage {
  /** user + system CPU of the process since it started, ms. */
  readonly cpuMs: number;
  /** Peak resident set size, MB. */
  readonly maxRssMb: number;
}

export interface ObserverResults {
  readonly sendMessageOk: number;
  readonly rateLimited: number;
  readonly perMethod: Record<string, number>;
  /** Successful outgoing calls of any method so far (a mark for `results({ sinceSent })`). */
  readonly sentCalls: number;
  /** Every successful sendMessage since the mark, in the order the server handled them. */
  readonly sent: readonly SentMessage[];
  /** Answers other than 200 for sendMessage, by status. */
  readonly sendFailures: Record<string, number>;
  /** The first 429s to sendMessage, with what preceded them, to tell which limit was hit. */
  readonly rateLimitedDetail: readonly RateLimitedDetail[];
  readonly reports: readonly SeenReport[];
  /** Polls of the database file, and the interval asked for. */
  readonly watchPolls: number;
  readonly usage: ProcessUsage;
}

export interface WaitResult {
  readonly reached: boolean;
  readonly sendMessageOk: number;
  readonly reports: number;
}

/** A message the bot sent, with the callback buttons under it. */
export interface BotMessage {
  readonly messageId: number;
  readonly at: number;
  readonly text: string;
  readonly buttons: readonly { readonly text: string; readonly data: string }[];
}

export interface ObserverApi {
  start(params: { token: string; limits: LimitOptions; botUsername?: string }): Promise<{ apiRoot: string }>;
  /** Queues every message as an update at once (one synchronous loop). */
  push(params: { messages: readonly PushInput[] }): { pushes: Push[] };
  /** A user taps an inline button under a bot message (one update, queued at once). */
  click(params: { from: PushInput['from']; chatId: number; messageId: number; data: string }): Push;
  /** The first sendMessage to `chatId` (past or future) whose plain text includes `contains`. */
  waitForMessage(params: { chatId: number; contains: string; timeoutMs: number }): Promise<BotMessage>;
  /** Starts polling the Report table of `databaseFile` every `intervalMs`. */
  watchReports(params: { databaseFile: string; intervalMs: number }): void;
  /**
   * Resolves once at least `sendMessageOk` successful sends and `reports` rows were seen (reached),
   * or once `orSendMessageOk` sends were seen whatever the reports (the bot has answered everything,
   * so no more rows will come), or at the timeout.
   */
  waitFor(params: { sendMessageOk: number; reports: number; orSendMessageOk?: number; timeoutMs: number }): Promise<WaitResult>;
  results(params: { sinceSent: number }): ObserverResults;
  /** CPU and peak RSS of the observer process so far. */
  usage(params: null): ProcessUsage;
  stop(params: null): Promise<ProcessUsage>;
}

export type Observer = RpcClient<ObserverApi>;

export function spawnObserver(): Observer {
  return RpcClient.spawn<ObserverApi>(path.join(import.meta.dirname, 'observer-process.ts'));
}
