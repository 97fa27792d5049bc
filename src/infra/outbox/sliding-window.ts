/**
 * At most `max` events in any window of `windowMs` (half-open: an event exactly `windowMs`
 * after another is in the next window). Pure: time is passed in. Used for the 20/min group
 * limit, where a token bucket would either forbid short bursts or allow more than 20 a minute,
 * and for the bot's overall limit (see RateLimiter).
 *
 * Only the last `max` events can matter, so they are kept in a ring: every call is O(1).
 */
export class SlidingWindow {
  private readonly ring: number[];
  /** Index of the oldest kept event (the next one to overwrite once the ring is full). */
  private oldest = 0;
  private count = 0;
  private readonly max: number;

  constructor(
    max: number,
    private readonly windowMs: number,
  ) {
    this.max = Math.max(1, Math.floor(max));
    this.ring = new Array<number>(this.max).fill(0);
  }

  readyAt(now: number): number {
    if (this.count < this.max) return now;
    // The oldest of the last `max` events must leave the window before one more fits.
    return Math.max(now, (this.ring[this.oldest] ?? now) + this.windowMs);
  }

  record(now: number): void {
    if (this.count < this.max) {
      this.ring[(this.oldest + this.count) % this.max] = now;
      this.count++;
      return;
    }
    this.ring[this.oldest] = now;
    this.oldest = (this.oldest + 1) % this.max;
  }

  /** True when no event is inside the window any more, i.e. forgetting it changes nothing. */
  isIdle(now: number): boolean {
    if (this.count === 0) return true;
    const newest = this.ring[(this.oldest + this.count - 1) % this.max] ?? now;
    return newest <= now - this.windowMs;
  }
}
