import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from '../../app/ports/clock.port.ts';

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) => delay(Math.max(0, ms), undefined, signal ? { signal } : undefined),
  setTimer: (ms, callback) => {
    const timer = setTimeout(callback, Math.max(0, ms));
    return () => clearTimeout(timer);
  },
};
