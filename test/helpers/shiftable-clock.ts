import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from '../../src/app/ports/clock.port.ts';

/**
 * For end-to-end runs: waits are real (the fake Bot API server enforces real-time limits), but
 * "now" can be moved forward, so a test reaches tomorrow without sleeping until then.
 */
export class ShiftableClock implements Clock {
  private offsetMs: number;

  /** `startAt` makes "now" begin at that instant (and run on in real time from there). */
  constructor(startAt?: Date | string) {
    this.offsetMs = startAt === undefined ? 0 : new Date(startAt).getTime() - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return delay(Math.max(0, ms), undefined, signal ? { signal } : undefined);
  }

  setTimer(ms: number, callback: () => void): () => void {
    const timer = setTimeout(callback, Math.max(0, ms));
    return () => clearTimeout(timer);
  }

  shift(ms: number): void {
    if (ms < 0) throw new Error('ShiftableClock only moves forward');
    this.offsetMs += ms;
  }
}
