/**
 * Spaces events `intervalMs` apart on average, over caller-supplied time (ms; pure). Unlike a
 * one-token bucket, it keeps to its schedule when an event comes late: a send whose timer fired
 * 2 ms late lets the next one go 2 ms sooner, so a busy event loop does not slow the rate down
 * for good. How much lateness it makes up is bounded by `catchUpMs`; that is also the most it
 * lets through at once after a quiet spell (1 + catchUpMs / intervalMs events).
 *
 * (This is the "virtual scheduling" form of GCRA: `due` is when the next event is scheduled.)
 */
export class Pacer {
  private due: number;

  constructor(
    private readonly intervalMs: number,
    private readonly catchUpMs: number,
    now: number,
  ) {
    this.due = now; // no credit at start: the first event may go now, the next one interval later
  }

  /** Earliest instant (whole ms, ≥ now) at which the next event may go. */
  readyAt(now: number): number {
    return this.due <= now ? now : Math.ceil(this.due - EPSILON);
  }

  /** Records an event; callers check readyAt first. */
  take(now: number): void {
    if (now < this.due - EPSILON) throw new Error('Pacer.take called before readyAt');
    // Lateness up to catchUpMs stays on the schedule; beyond that the schedule restarts.
    this.due = Math.max(this.due, now - this.catchUpMs) + this.intervalMs;
  }

  /** Forgets any credit: the next event may go at `at` at the earliest (after a 429 pause). */
  restartAt(at: number): void {
    this.due = Math.max(this.due, at);
  }
}

/** Float sums of 1000/30 drift by far less than this; it keeps readyAt and take in agreement. */
const EPSILON = 1e-6;
