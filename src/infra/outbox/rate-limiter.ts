import type { DispatcherLimits } from './limits.ts';
import { SlidingWindow } from './sliding-window.ts';
import { TokenBucket } from './token-bucket.ts';

/**
 * All of Telegram's sending limits in one place, over caller-supplied time (pure, clock-driven).
 * A send needs the global bucket and its chat's bucket; a group (negative id) also needs its
 * per-minute window. Callers ask `readyAt`, and `take` only when that instant has come.
 */
export class RateLimiter {
  /**
   * The global bucket holds one token: sends are paced evenly (~33 ms apart at 30/s), so any
   * one-second window — however Telegram aligns it, and despite network jitter — holds at most
   * 30. A bigger bucket would let up to twice the rate through within one window.
   */
  private readonly global: TokenBucket;
  private readonly chats = new Map<bigint, TokenBucket>();
  private readonly groups = new Map<bigint, SlidingWindow>();
  private takesSincePrune = 0;

  constructor(
    private readonly limits: DispatcherLimits,
    now: number,
  ) {
    this.global = new TokenBucket(1, limits.globalPerSecond, now);
  }

  globalReadyAt(now: number): number {
    return this.global.readyAt(now);
  }

  /** When this chat's own limits allow the next message (ignores the global bucket). */
  chatReadyAt(chatId: bigint, now: number): number {
    const bucketAt = this.chats.get(chatId)?.readyAt(now) ?? now;
    const windowAt = isGroup(chatId) ? (this.groups.get(chatId)?.readyAt(now) ?? now) : now;
    return Math.max(bucketAt, windowAt);
  }

  /** Spends one global token and one of the chat's; call only when both are ready. */
  take(chatId: bigint, now: number): void {
    this.global.take(now);
    this.bucketFor(chatId, now).take(now);
    if (isGroup(chatId)) this.windowFor(chatId).record(now);
    if (++this.takesSincePrune >= PRUNE_EVERY) this.prune(now);
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

/** Telegram gives groups, supergroups and channels negative ids; users are positive. */
export function isGroup(chatId: bigint): boolean {
  return chatId < 0n;
}

const PRUNE_EVERY = 512;
