import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArrivalWindow } from '../../../src/infra/outbox/arrival-window.ts';
import { Heap } from '../../../src/infra/outbox/heap.ts';
import { defaultLimits } from '../../../src/infra/outbox/limits.ts';
import { Pacer } from '../../../src/infra/outbox/pacer.ts';
import { RateLimiter } from '../../../src/infra/outbox/rate-limiter.ts';
import { SlidingWindow } from '../../../src/infra/outbox/sliding-window.ts';
import { maxInWindow } from '../../helpers/fake-gateway.ts';

/** When each of `count` events went, each taken as soon as the pacer allowed, from 0. */
function takeAsSoonAsAllowed(pacer: Pacer, count: number): number[] {
  const at: number[] = [];
  let now = 0;
  for (let i = 0; i < count; i++) {
    now = pacer.readyAt(now);
    at.push(now);
    pacer.take(now);
  }
  return at;
}

describe('Pacer', () => {
  it('spaces events evenly, to the fraction of a millisecond over time', () => {
    const pacer = new Pacer(1000 / 30, 10, 0);
    const at = takeAsSoonAsAllowed(pacer, 31);
    expect(at.slice(0, 4)).toEqual([0, 34, 67, 100]);
    expect(at[30]).toBe(1000); // 30 intervals of 33.3 ms, not 30 × 34
  });

  it('makes up for a late event, up to its catch-up allowance', () => {
    const pacer = new Pacer(100, 250, 0);
    pacer.take(0);
    pacer.take(130); // due at 100: 30 ms late
    expect(pacer.readyAt(130)).toBe(200); // back on schedule: 70 ms after the late one
    pacer.take(200);
    pacer.take(1000); // due at 300: 700 ms late, only 250 ms of it made up
    expect(pacer.readyAt(1000)).toBe(1000);
    pacer.take(1000);
    expect(pacer.readyAt(1000)).toBe(1000);
    pacer.take(1000);
    expect(pacer.readyAt(1000)).toBe(1050); // 1 + 250/100 events at once, then the schedule
    expect(() => pacer.take(1049)).toThrow();
  });

  it('lets a held-back backlog leave in groups, at the same rate', () => {
    const pacer = new Pacer(1000 / 30, 4000 / 30, 0, 3);
    const at = takeAsSoonAsAllowed(pacer, 31);
    // The first finds the pacer free; then three at a time, at the third one's slot.
    expect(at.slice(0, 7)).toEqual([0, 100, 100, 100, 200, 200, 200]);
    expect(at[30]).toBe(1000);
    // Once the pacer is free again, a lone event goes at once.
    expect(pacer.readyAt(5000)).toBe(5000);
  });

  it('refuses a group its catch-up could not let through', () => {
    expect(() => new Pacer(100, 150, 0, 3)).toThrow(RangeError);
  });

  it('sends one by one for a while after a restart, then in groups again', () => {
    const pacer = new Pacer(100, 400, 0, 3);
    pacer.take(0);
    pacer.restartAt(5000, 1000);
    pacer.take(5000);
    expect(pacer.readyAt(5000)).toBe(5100);
    for (let i = 0; i < 5; i++) pacer.take(6000); // 1 + 400/100 at once: the next slot is 6100
    expect(pacer.readyAt(6000)).toBe(6300);
  });

  it('forgets its credit when restarted (after a 429 pause)', () => {
    const pacer = new Pacer(100, 250, 0);
    pacer.take(0);
    pacer.restartAt(5000);
    expect(pacer.readyAt(4000)).toBe(5000);
    pacer.take(5000);
    expect(pacer.readyAt(5000)).toBe(5100);
  });
});

describe('SlidingWindow (ring)', () => {
  it('allows max events in any window, whatever the order of calls', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 200 }), (gaps) => {
        const window = new SlidingWindow(5, 1000);
        const at: number[] = [];
        let now = 0;
        for (const gap of gaps) {
          now = window.readyAt(now + gap);
          window.record(now);
          at.push(now);
        }
        expect(maxInWindow(at, 1000)).toBeLessThanOrEqual(5);
        expect(window.isIdle(now + 1000)).toBe(true);
        expect(window.isIdle(now + 999)).toBe(false);
      }),
    );
  });
});

describe('ArrivalWindow', () => {
  it('counts a request from its sending until a window after its answer', () => {
    const window = new ArrivalWindow(2, 1000);
    window.sent();
    window.sent();
    expect(window.readyAt(0)).toBe(Infinity); // both in flight: only an answer makes room
    window.answered(300);
    expect(window.readyAt(300)).toBe(1300);
    window.answered(500);
    expect(window.readyAt(600)).toBe(1300);
    expect(window.readyAt(1300)).toBe(1300);
    window.sent();
    expect(window.readyAt(1300)).toBe(1500);
    expect(window.readyAt(2000)).toBe(2000);
  });

  it('keeps what the receiver can count within the limit, however long each request takes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 60 }), latency: fc.integer({ min: 0, max: 400 }), seen: fc.double({ min: 0, max: 1, noNaN: true }) }), {
          minLength: 1,
          maxLength: 300,
        }),
        (requests) => {
          // Sends as soon as the window allows (or the next answer makes room), with up to 8 in
          // flight; the receiver counts each at some instant between sending and answering.
          const window = new ArrivalWindow(10, 1000);
          const inFlight: { answerAt: number }[] = [];
          const counted: number[] = [];
          let now = 0;
          for (const { gap, latency, seen } of requests) {
            now += gap;
            for (;;) {
              inFlight.sort((a, b) => a.answerAt - b.answerAt);
              while (inFlight.length > 0 && (inFlight[0]?.answerAt ?? Infinity) <= now) window.answered(inFlight.shift()?.answerAt ?? now);
              const ready = inFlight.length < 8 ? window.readyAt(now) : Infinity;
              if (ready <= now) break;
              now = Math.min(ready, inFlight[0]?.answerAt ?? Infinity);
            }
            window.sent();
            inFlight.push({ answerAt: now + latency });
            counted.push(now + latency * seen);
          }
          expect(maxInWindow(counted, 1000)).toBeLessThanOrEqual(10);
        },
      ),
    );
  });
});

describe('RateLimiter global limit', () => {
  /** Takes as soon as allowed, to ever new chats, after the given delays; answers at once. */
  function run(limiter: RateLimiter, lateness: readonly number[], start = 0): number[] {
    const at: number[] = [];
    let now = start;
    lateness.forEach((late, i) => {
      now = limiter.globalReadyAt(now) + late;
      limiter.take(BigInt(i + 1), now);
      limiter.answered(now);
      at.push(now);
    });
    return at;
  }

  it('reaches 30 per second and makes up for timers that fire a little late', () => {
    const at = run(new RateLimiter(defaultLimits, 0), Array<number>(301).fill(2));
    expect(maxInWindow(at, 1000)).toBe(30);
    // Only the one-second window passes lateness on (2 ms a second), plus the last group's own
    // (each send here comes 2 ms after the previous); a one-token bucket lost it on every send:
    // 36 ms apart, 10.8 s for these 301.
    expect(at[300]).toBeLessThanOrEqual(2 + 10_000 + 10 * 2 + 2 * 2);
  });

  it('after a 429 pause sends one by one for a second, then in groups again, never over 30 a second', () => {
    const limiter = new RateLimiter(defaultLimits, 0);
    run(limiter, Array<number>(60).fill(0));
    limiter.restartGlobalAt(10_000);
    const at = run(limiter, Array<number>(90).fill(0), 10_000);
    expect(at.slice(0, 4)).toEqual([10_000, 10_034, 10_067, 10_100]);
    const later = at.filter((t) => t >= 11_000);
    expect(later.length).toBeGreaterThan(30);
    expect(maxInWindow(later.slice(0, 6), 1)).toBe(3); // groups of three at one instant
    expect(maxInWindow(at, 1000)).toBeLessThanOrEqual(30);
  });

  it('never lets 31 sends into one second, however late and bunched the timers', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 700 })), { minLength: 31, maxLength: 400 }), (lateness) => {
        const at = run(new RateLimiter(defaultLimits, 0), lateness);
        expect(maxInWindow(at, 1000)).toBeLessThanOrEqual(30);
        // Catching up never sends more than 1 + 4 at the same instant.
        expect(maxInWindow(at, 1)).toBeLessThanOrEqual(5);
      }),
    );
  });

  it('waits a window after slow answers before reusing their share of the limit', () => {
    const limiter = new RateLimiter(defaultLimits, 0);
    const at: number[] = [];
    let now = 0;
    for (let i = 0; i < 30; i++) {
      now = limiter.globalReadyAt(now);
      limiter.take(BigInt(i + 1), now);
      at.push(now);
    }
    // All 30 still in flight: the next send has to wait for an answer.
    expect(limiter.globalReadyAt(1500)).toBe(Infinity);
    limiter.answered(1500); // the first one's answer took 1.5 s: Telegram may count it that late
    expect(limiter.globalReadyAt(1500)).toBe(1500 + 960);
  });
});

describe('Heap', () => {
  it('hands items back in order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constant(-1))), (ops) => {
        const heap = new Heap<number>((a, b) => a < b);
        const model: number[] = [];
        for (const op of ops) {
          if (op < 0) {
            model.sort((a, b) => a - b);
            expect(heap.pop()).toBe(model.shift());
          } else {
            heap.push(op);
            model.push(op);
          }
          expect(heap.size).toBe(model.length);
          expect(heap.peek()).toBe(model.length > 0 ? Math.min(...model) : undefined);
        }
      }),
    );
  });
});
