/**
 * A token bucket over caller-supplied time (ms), so it is pure and works with any clock.
 * Holds up to `capacity` tokens and refills `ratePerSecond` of them each second.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly ratePerSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Earliest instant (whole ms, ≥ now) at which one token is available. */
  readyAt(now: number): number {
    this.refill(now);
    if (this.tokens >= 1 - EPSILON) return now;
    return now + Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSecond);
  }

  /** Takes one token; callers check readyAt first (taking early is a bug, not a wait). */
  take(now: number): void {
    this.refill(now);
    if (this.tokens < 1 - EPSILON) throw new Error('TokenBucket.take called before readyAt');
    this.tokens = Math.max(0, this.tokens - 1);
  }

  /** True when the bucket is full again, i.e. forgetting it changes nothing. */
  isIdle(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.capacity - EPSILON;
  }

  private refill(now: number): void {
    // A clock that goes backwards (wall-clock adjustment) must not mint or destroy tokens.
    const elapsed = Math.max(0, now - this.updatedAt);
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed * this.ratePerSecond) / 1000);
    this.updatedAt = Math.max(this.updatedAt, now);
  }
}

/** Float refill arithmetic can land a hair below 1 at the very instant readyAt promised. */
const EPSILON = 1e-9;
