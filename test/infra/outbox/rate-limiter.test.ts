import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src/infra/outbox/backoff.ts';
import { defaultLimits, resolveLimits } from '../../../src/infra/outbox/limits.ts';
import { RateLimiter } from '../../../src/infra/outbox/rate-limiter.ts';
import { SlidingWindow } from '../../../src/infra/outbox/sliding-window.ts';
import { TokenBucket } from '../../../src/infra/outbox/token-bucket.ts';

describe('TokenBucket', () => {
  it('allows a burst up to capacity, then refills at the rate', () => {
    const bucket = new TokenBucket(3, 1, 0);
    for (let i = 0; i < 3; i++) {
      expect(bucket.readyAt(0)).toBe(0);
      bucket.take(0);
    }
    expect(bucket.readyAt(0)).toBe(1000);
    expect(bucket.readyAt(400)).toBe(1000);
    expect(() => bucket.take(999)).toThrow();
    bucket.take(1000);
    expect(bucket.readyAt(1000)).toBe(2000);
  });

  it('never holds more than its capacity after a long idle time', () => {
    const bucket = new TokenBucket(2, 1, 0);
    for (let i = 0; i < 2; i++) bucket.take(100_000);
    expect(bucket.readyAt(100_000)).toBe(101_000);
    expect(bucket.isIdle(102_000)).toBe(true);
  });

  it('rounds fractional waits up to whole milliseconds', () => {
    const bucket = new TokenBucket(1, 30, 0);
    bucket.take(0);
    expect(bucket.readyAt(0)).toBe(34);
  });
});

describe('SlidingWindow', () => {
  it('allows max events per window and frees a slot when the oldest leaves', () => {
    const window = new SlidingWindow(2, 60_000);
    window.record(0);
    window.record(10);
    expect(window.readyAt(20)).toBe(60_000);
    expect(window.readyAt(60_000)).toBe(60_000);
    window.record(60_000);
    expect(window.readyAt(60_000)).toBe(60_010);
    expect(window.isIdle(120_001)).toBe(true);
  });
});

describe('RateLimiter', () => {
  it('paces the global bucket and applies the group window only to negative ids', () => {
    const limiter = new RateLimiter({ ...defaultLimits, perGroupPerMinute: 2, perChatBurst: 5 }, 0);
    limiter.take(-5n, 0);
    expect(limiter.globalReadyAt(0)).toBe(100); // a backlog goes three at a time, at the third slot
    limiter.take(-5n, 34);
    expect(limiter.chatReadyAt(-5n, 68)).toBe(60_000);
    limiter.take(7n, 68);
    expect(limiter.chatReadyAt(7n, 102)).toBe(102);
  });

  it('forgets chats whose limits have recovered', () => {
    const limiter = new RateLimiter(defaultLimits, 0);
    for (let i = 0; i < 10; i++) limiter.take(BigInt(i + 1), i * 34);
    expect(limiter.trackedChats).toBe(10);
    limiter.prune(10_000);
    expect(limiter.trackedChats).toBe(0);
  });
});

describe('backoffDelay', () => {
  it('doubles from the base, caps at the max, and jitters only the upper half', () => {
    expect([1, 2, 3].map((n) => backoffDelay(n, 500, 30_000, () => 1))).toEqual([500, 1000, 2000]);
    expect([1, 2, 3].map((n) => backoffDelay(n, 500, 30_000, () => 0))).toEqual([250, 500, 1000]);
    expect(backoffDelay(20, 500, 30_000, () => 1)).toBe(30_000);
  });
});

describe('resolveLimits', () => {
  it('fills in defaults and refuses nonsense', () => {
    expect(resolveLimits({ globalPerSecond: 10 }).perChatBurst).toBe(3);
    expect(() => resolveLimits({ globalPerSecond: 0 })).toThrow(RangeError);
  });
});
