import type { DispatcherLimits } from './limits.ts';
import { ArrivalWindow } from './arrival-window.ts';
import { Pacer } from './pacer.ts';
import { SlidingWindow } from './sliding-window.ts';
import { TokenBucket } from './token-bucket.ts';

/**
 * All of Telegram's sending limits in one place, over caller-supplied time (pure, clock-driven).
 * A send needs the global limit and its chat's bucket; a group (negative id) also needs its
 * per-minute window. Callers ask `readyAt`, and `take` only when that instant has come.
 */
export class RateLimiter {
  /**
   * The global limit is three rules, all needed before a send:
   * - the pacer spaces sends evenly (1/30 s apart at 30/s) and makes up for a late timer (a
   *   busy event loop) by letting the next few go sooner, at most GLOBAL_CATCH_UP_INTERVALS';
   *   a backlog it holds back leaves GLOBAL_SEND_GROUP at a time (see Pacer), for a third of the
   *   wake-ups — on a small VM each wake-up costs about as much CPU as the HTTP call it makes;
   * - the send window holds that to globalPerSecond in any second of sending, so catching up
   *   never adds up to more than the limit;
   * - the arrival window makes sure Telegram, which counts a message when it arrives, never
   *   sees more than globalPerSecond within ARRIVAL_WINDOW_SHARE of a second either, however
   *   the network or Telegram delay some requests and not others (see ArrivalWindow). It costs
   *   nothing while answers come back within ~40 ms; slower ones lower the rate a little.
   */
  private readonly globalPacer: Pacer;
  private readonly globalWindow: SlidingWindow;
  private readonly globalArrivals: ArrivalWindow;
  private readonly chats = new Map<bigint, TokenBucket>();
  private readonly groups = new Map<bigint, SlidingWindow>();
  private takesSincePrune = 0;
  private backlog = true;
  private readonly windowMs: number;

  constructor(
    private readonly limits: DispatcherLimits,
    now: number,
  ) {
    const intervalMs = 1000 / limits.globalPerSecond;
    // A whole number of sends per window (30 at 30/s), the window's length to match the rate.
    const perWindow = Math.max(1, Math.floor(limits.globalPerSecond));
    const windowMs = (perWindow * 1000) / limits.globalPerSecond; // exact: 1000, not 30 × 33.33…
    this.globalPacer = new Pacer(intervalMs, GLOBAL_CATCH_UP_INTERVALS * intervalMs, now, GLOBAL_SEND_GROUP);
    this.windowMs = windowMs;
    this.globalWindow = new SlidingWindow(perWindow, windowMs);
    this.globalArrivals = new ArrivalWindow(perWindow, windowMs * ARRIVAL_WINDOW_SHARE);
  }

  /**
   * Whether enough messages wait to leave in groups; the dispatcher keeps it current. A message
   * or two never wait for a group to fill.
   */
  setBacklog(waiting: number): void {
    this.backlog = waiting >= GLOBAL_SEND_GROUP;
  }

  /** When the global limit allows the next message (whole ms, ≥ now; Infinity: after an answer). */
  globalReadyAt(now: number): number {
    const at = Math.max(this.globalPacer.readyAt(now, this.backlog), this.globalWindow.readyAt(now), this.globalArrivals.readyAt(now));
    return at === now ? now : Math.ceil(at);
  }

  /** No credit for the time before `at` (the end of a 429 pause): sends restart evenly paced. */
  restartGlobalAt(at: number): void {
    this.globalPacer.restartAt(at, this.windowMs);
  }

  /** When this chat's own limits allow the next message (ignores the global bucket). */
  chatReadyAt(chatId: bigint, now: number): number {
    const bucketAt = this.chats.get(chatId)?.readyAt(now) ?? now;
    const windowAt = isGroup(chatId) ? (this.groups.get(chatId)?.readyAt(now) ?? now) : now;
    return Math.max(bucketAt, windowAt);
  }

  /**
   * Counts one message to `chatId` as sent; call only when both the global limit and the chat's
   * allow it, and call `answered` once its answer is in.
   */
  take(chatId: bigint, now: number): void {
    this.globalPacer.take(now);
    this.globalWindow.record(now);
    this.globalArrivals.sent();
    this.bucketFor(chatId, now).take(now);
    if (isGroup(chatId)) this.windowFor(chatId).record(now);
    if (++this.takesSincePrune >= PRUNE_EVERY) this.prune(now);
  }

  /** The answer to a message counted by `take` came back (sent, refused, failed: any answer). */
  answered(now: number): void {
    this.globalArrivals.answered(now);
  }

  /** Number of chats with remembered state (for tests of the pruning). */
  get trackedChats(): number {
    return new Set([...this.chats.keys(), ...this.groups.keys()]).size;
  }

  /** Forgets chats whose limits have fully recovered, so a long run does not grow memory. */
  prune(now: number): void {
    this.takesSincePrune = 0;
    for (const [id, bucket] of this.chats) if (bucket.isIdle(now)) this.chats.delete(id);
    for (const [id, window] of this.groups) if (window.isIdle(now)) this.groups.delete(id);
  }

  private bucketFor(chatId: bigint, now: number): TokenBucket {
    let bucket = this.chats.get(chatId);
    if (!bucket) {
      bucket = new TokenBucket(this.limits.perChatBurst, this.limits.perChatPerSecond * PER_CHAT_SAFETY, now);
      this.chats.set(chatId, bucket);
    }
    return bucket;
  }

  private windowFor(chatId: bigint): SlidingWindow {
    let window = this.groups.get(chatId);
    if (!window) {
      window = new SlidingWindow(this.limits.perGroupPerMinute, 60_000);
      this.groups.set(chatId, window);
    }
    return window;
  }
}

/**
 * Per-chat sends are spaced 10% wider than the limit: Telegram counts arrivals, and a request
 * delayed on its way (a busy event loop, a slow connection) followed by one that is not would
 * otherwise arrive too close together. One chat's pace never limits the bot's overall rate.
 */
const PER_CHAT_SAFETY = 0.9;

/**
 * The arrival window's length as a share of the send window's (one second at 30/s). Telegram
 * lets the limit be approached (the fake server used in tests and benchmarks allows 50 ms);
 * counting each request up to its answer already covers any delay on the way.
 */
const ARRIVAL_WINDOW_SHARE = 0.96;

/** How many sends' worth of lateness the global pacer makes up (~133 ms at 30/s). */
const GLOBAL_CATCH_UP_INTERVALS = 4;

/**
 * Sends that leave together while the pacer holds a backlog (~67 ms apart at 30/s): at most
 * 1 + the catch-up, and a divisor of the 30 a window holds, so the windows never split a group
 * (nor do they with a third of a window's sends answered late). After a 429 pause, one window
 * of single sends.
 */
const GLOBAL_SEND_GROUP = 3;

/** Telegram gives groups, supergroups and channels negative ids; users are positive. */
export function isGroup(chatId: bigint): boolean {
  return chatId < 0n;
}

const PRUNE_EVERY = 512;
