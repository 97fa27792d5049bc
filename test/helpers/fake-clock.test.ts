import { describe, expect, it } from 'vitest';
import { FakeClock } from './fake-clock.ts';

describe('FakeClock timers', () => {
  it('fires timers with sleepers in time order, only as time is advanced, and never once cancelled', async () => {
    const clock = new FakeClock('2026-01-01T00:00:00.000Z');
    const start = clock.now().getTime();
    const fired: string[] = [];
    clock.setTimer(30, () => fired.push(`timer 30 at ${clock.now().getTime() - start}`));
    const cancel = clock.setTimer(20, () => fired.push('cancelled'));
    void clock.sleep(10).then(() => fired.push('sleep 10'));
    clock.setTimer(0, () => fired.push('timer 0'));
    expect(clock.pendingSleepers).toBe(4);
    cancel();
    expect(clock.pendingSleepers).toBe(3);
    expect(fired).toEqual([]);

    await clock.advance(15);
    expect(fired).toEqual(['timer 0', 'sleep 10']);
    await clock.runUntilIdle();
    expect(fired).toEqual(['timer 0', 'sleep 10', 'timer 30 at 30']);
    expect(clock.pendingSleepers).toBe(0);
  });
});
