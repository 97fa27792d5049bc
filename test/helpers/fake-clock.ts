import type { Clock } from '../../src/app/ports/clock.port.ts';

interface Sleeper {
  readonly wakeAt: number;
  readonly resolve: () => void;
}

/**
 * A clock that only moves when the test moves it. Sleepers wake in time order as `advance`
 * passes their deadline; `runUntilIdle` keeps advancing to the next sleeper until none is left.
 */
export class FakeClock implements Clock {
  private current: number;
  private sleepers: Sleeper[] = [];

  constructor(start: Date | string = '2026-11-23T01:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** A timer is a sleeper too: `advance` calls it at its deadline, in order; counted as pending. */
  setTimer(ms: number, callback: () => void): () => void {
    const sleeper: Sleeper = { wakeAt: this.current + Math.max(0, ms), resolve: callback };
    this.sleepers.push(sleeper);
    return () => {
      this.sleepers = this.sleepers.filter((s) => s !== sleeper);
    };
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const sleeper: Sleeper = { wakeAt: this.current + Math.max(0, ms), resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener(
        'abort',
        () => {
          this.sleepers = this.sleepers.filter((s) => s !== sleeper);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }

  get pendingSleepers(): number {
    return this.sleepers.length;
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }

  /** Moves time forward by `ms`, waking every sleeper whose deadline passes, in order. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      await flushMicrotasks();
      const next = this.earliest();
      if (!next || next.wakeAt > target) break;
      this.current = Math.max(this.current, next.wakeAt);
      this.sleepers = this.sleepers.filter((s) => s !== next);
      next.resolve();
    }
    this.current = target;
    await flushMicrotasks();
  }

  /** Advances to each pending sleeper in turn until nothing sleeps (bounded, to catch loops). */
  async runUntilIdle(maxSteps = 100_000): Promise<void> {
    for (let step = 0; step < maxSteps; step++) {
      await flushMicrotasks();
      const next = this.earliest();
      if (!next) return;
      await this.advance(Math.max(0, next.wakeAt - this.current));
    }
    throw new Error(`FakeClock: still busy after ${maxSteps} steps`);
  }

  private earliest(): Sleeper | undefined {
    let best: Sleeper | undefined;
    for (const s of this.sleepers) if (!best || s.wakeAt < best.wakeAt) best = s;
    return best;
  }
}

async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await new Promise<void>((resolve) => setImmediate(resolve));
}
