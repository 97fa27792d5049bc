/**
 * At most `max` events in any window of `windowMs` (half-open: an event exactly `windowMs`
 * after another is in the next window). Pure: time is passed in. Used for the 20/min group
 * limit, where a token bucket would either forbid short bursts or allow more than 20 a minute.
 */
export class SlidingWindow {
  private readonly events: number[] = [];

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  readyAt(now: number): number {
    this.expire(now);
    if (this.events.length < this.max) return now;
    // The oldest event that must leave the window before one more fits.
    const oldest = this.events[this.events.length - this.max] ?? now;
    return Math.max(now, oldest + this.windowMs);
  }

  record(now: number): void {
    this.events.push(now);
  }

  isIdle(now: number): boolean {
    this.expire(now);
    return this.events.length === 0;
  }

  private expire(now: number): void {
    let drop = 0;
    while (drop < this.events.length && (this.events[drop] ?? now) <= now - this.windowMs) drop++;
    if (drop > 0) this.events.splice(0, drop);
  }
}
