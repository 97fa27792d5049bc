/**
 * At most `max` requests in any `windowMs` as the receiving side may count them, whenever it
 * counts each one: at some instant after we sent it and before we got its answer. So a request
 * counts from the moment it is sent until `windowMs` after its answer came back (one still in
 * flight counts all along): however the network or the server delay requests, the receiver never
 * sees more than `max` inside one window. Pure: time is passed in.
 *
 * Only the last `max` answers can matter, so they are kept in a ring (answered in time order).
 */
export class ArrivalWindow {
  private readonly ring: number[];
  /** Index of the oldest kept answer. */
  private oldest = 0;
  private count = 0;
  private inFlight = 0;
  private readonly max: number;

  constructor(
    max: number,
    private readonly windowMs: number,
  ) {
    this.max = Math.max(1, Math.floor(max));
    this.ring = new Array<number>(this.max).fill(0);
  }

  /** When one more request may be sent (≥ now; Infinity while `max` are in flight). */
  readyAt(now: number): number {
    if (this.inFlight + this.count < this.max) return now;
    // Skip answers that have left the window; of the rest, the oldest must leave until one fits.
    let expired = 0;
    while (expired < this.count && this.at(expired) <= now - this.windowMs) expired++;
    const counted = this.inFlight + this.count - expired;
    if (counted < this.max) return now;
    const mustLeave = counted - this.max; // index among the answers still in the window
    if (expired + mustLeave >= this.count) return Infinity; // only an answer can make room
    return this.at(expired + mustLeave) + this.windowMs;
  }

  sent(): void {
    this.inFlight++;
  }

  /** The answer to one request sent earlier came back (whatever it said). */
  answered(now: number): void {
    if (this.inFlight > 0) this.inFlight--;
    if (this.count < this.max) {
      this.ring[(this.oldest + this.count) % this.max] = now;
      this.count++;
      return;
    }
    this.ring[this.oldest] = now;
    this.oldest = (this.oldest + 1) % this.max;
  }

  /** The i-th oldest kept answer. */
  private at(i: number): number {
    return this.ring[(this.oldest + i) % this.max] ?? 0;
  }
}
