/**
 * Spaces events `intervalMs` apart on average, over caller-supplied time (ms; pure). Unlike a
 * one-token bucket, it keeps to its schedule when an event comes late: a send whose timer fired
 * 2 ms late lets the next one go 2 ms sooner, so a busy event loop does not slow the rate down
 * for good. How much lateness it makes up is bounded by `catchUpMs`; that is also the most it
 * lets through at once after a quiet spell (1 + catchUpMs / intervalMs events).
 *
 * With `group` > 1, events held back by the pacer leave `group` at a time: the wait runs on to
 * the last one's slot, and the catch-up lets the earlier ones go with it. Same rate, a third of
 * the wake-ups (group 3); an event that finds the pacer free still goes at once.
 *
 * (This is the "virtual scheduling" form of GCRA: `due` is when the next event is scheduled.)
 */
export class Pacer {
  private due: number;
  /** Until then, events leave one by one (after a restart: no group right after a 429 pause). */
  private singleUntil: number;

  constructor(
    private readonly intervalMs: number,
    private readonly catchUpMs: number,
    now: number,
    private readonly group = 1,
  ) {
    if (group < 1 || (group - 1) * intervalMs > catchUpMs + EPSILON) throw new RangeError('Pacer: a group must fit in the catch-up');
    this.due = now; // no credit at start: the first event may go now, the next one interval later
    this.singleUntil = now;
  }

  /**
   * Earliest instant (whole ms, ≥ now) at which the next event may go; `backlog`: enough events
   * are waiting to make up a group (otherwise one waits for its own slot only).
   */
  readyAt(now: number, backlog = true): number {
    if (this.due - EPSILON <= now) return now;
    const grouped = backlog && this.group > 1 && now >= this.singleUntil;
    return Math.ceil(this.due + (grouped ? (this.group - 1) * this.intervalMs : 0) - EPSILON);
  }

  /** Records an event; callers check readyAt first. */
  take(now: number): void {
    if (now < this.due - EPSILON) throw new Error('Pacer.take called before readyAt');
    // Lateness up to catchUpMs stays on the schedule; beyond that the schedule restarts.
    this.due = Math.max(this.due, now - this.catchUpMs) + this.intervalMs;
  }

  /**
   * Forgets any credit: the next event may go at `at` at the earliest (after a 429 pause), and
   * events leave one by one for `singleForMs` after that.
   */
  restartAt(at: number, singleForMs = 0): void {
    this.due = Math.max(this.due, at);
    this.singleUntil = Math.max(this.singleUntil, at + singleForMs);
  }
}

/** Float sums of 1000/30 drift by far less than this; it keeps readyAt and take in agreement. */
const EPSILON = 1e-6;
