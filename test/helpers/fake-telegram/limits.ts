import type { LimitOptions } from './types.ts';

export type Admission = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };

type Now = () => number;

/**
 * Telegram's flood limits on the real clock: the server simulates Telegram for e2e tests and
 * benchmarks, where the bot runs in real time. Global and group limits are sliding windows
 * (at most N in any window); per chat is a token bucket, because "1/s with short bursts" is a
 * bucket by definition and no window can express it. Written independently of the app's
 * limiter on purpose, so a mistake there is not mirrored here.
 */
export class ServerLimits {
  private readonly global: Window;
  private readonly chats = new Map<number, Bucket>();
  private readonly groups = new Map<number, Window>();
  private readonly perChatBurst: number;
  private readonly perChatPerSecond: number;
  private readonly perGroupPerMinute: number;
  private readonly toleranceMs: number;

  constructor(
    private readonly options: LimitOptions,
    private readonly now: Now = () => performance.now(),
  ) {
    this.toleranceMs = options.toleranceMs ?? 50;
    this.global = new Window(options.globalPerSecond ?? 30, 1000, this.toleranceMs);
    this.perChatBurst = options.perChatBurst ?? 3;
    this.perChatPerSecond = options.perChatPerSecond ?? 1;
    this.perGroupPerMinute = options.perGroupPerMinute ?? 20;
  }

  /** Admits (and counts) one message to `chatId`, or says how long to wait. */
  admit(chatId: number): Admission {
    if (!this.options.enforce) return { ok: true };
    const now = this.now();
    const bucket = this.chats.get(chatId) ?? new Bucket(this.perChatBurst, this.perChatPerSecond, now);
    const group = chatId < 0 ? (this.groups.get(chatId) ?? new Window(this.perGroupPerMinute, 60_000, this.toleranceMs)) : undefined;
    const waitMs = Math.max(
      this.global.waitMs(now),
      bucket.waitMs(now, this.toleranceMs),
      group?.waitMs(now) ?? 0,
    );
    if (waitMs > 0) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    this.global.record(now);
    bucket.take(now);
    this.chats.set(chatId, bucket);
    if (group) {
      group.record(now);
      this.groups.set(chatId, group);
    }
    return { ok: true };
  }
}

/** At most `max` events in any `windowMs`, counting only the last `windowMs - tolerance`. */
class Window {
  private readonly events: number[] = [];

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly toleranceMs: number,
  ) {}

  waitMs(now: number): number {
    const span = this.windowMs - this.toleranceMs;
    while (this.events.length > 0 && (this.events[0] ?? now) <= now - span) this.events.shift();
    if (this.events.length < this.max) return 0;
    const oldest = this.events[this.events.length - this.max] ?? now;
    return Math.max(1, oldest + span - now);
  }

  record(now: number): void {
    this.events.push(now);
  }
}

class Bucket {
  private tokens: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private updatedAt: number,
  ) {
    this.tokens = capacity;
  }

  /** 0 if a token is there (or will be within the tolerance), else ms until it is. */
  waitMs(now: number, toleranceMs: number): number {
    this.refill(now);
    const missing = 1 - this.tokens - (toleranceMs * this.perSecond) / 1000;
    return missing <= 0 ? 0 : Math.ceil((missing * 1000) / this.perSecond);
  }

  take(now: number): void {
    this.refill(now);
    this.tokens -= 1; // may dip below 0 within the tolerance; it is paid back by refill
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) * this.perSecond) / 1000);
    this.updatedAt = now;
  }
}
