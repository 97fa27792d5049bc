import { describe, expect, it } from 'vitest';
import { maxInWindow, text } from '../../helpers/fake-gateway.ts';
import { harness } from './harness.ts';

describe('Dispatcher rate limits', () => {
  it('keeps one private chat at its burst, then 1 message per second', async () => {
    const { clock, dispatcher, times } = harness();
    dispatcher.start();
    const results = Array.from({ length: 12 }, () => dispatcher.send(text(1)));
    await clock.runUntilIdle();
    await Promise.all(results);
    const at = times(1n);
    expect(at).toHaveLength(12);
    expect(maxInWindow(at, 1000)).toBe(3); // the burst, never more in any second
    for (const seconds of [2, 5, 10]) expect(maxInWindow(at, seconds * 1000)).toBeLessThanOrEqual(3 + seconds - 1);
    expect((at[11] ?? 0) - (at[0] ?? 0)).toBeGreaterThanOrEqual(9 * 1000); // 12 = burst 3 + 9 refills
  });

  it('never exceeds 30 per second overall, yet reaches that rate with slow HTTP calls', async () => {
    const { clock, dispatcher, times, gateway } = harness({ latencyMs: 80 });
    dispatcher.start();
    const results = Array.from({ length: 300 }, (_, i) => dispatcher.send(text(i + 1), 'bulk'));
    await clock.runUntilIdle();
    await Promise.all(results);
    const at = times();
    expect(at).toHaveLength(300);
    expect(maxInWindow(at, 1000)).toBeLessThanOrEqual(30);
    expect(maxInWindow(at, 1000)).toBeGreaterThanOrEqual(29);
    expect(gateway.maxInFlight).toBeGreaterThan(1);
    expect(gateway.maxInFlight).toBeLessThanOrEqual(8);
    expect(at[299]).toBeLessThan(10_500); // ~29.4/s
  });

  it('holds the in-flight count at maxInFlight', async () => {
    const { clock, dispatcher, gateway } = harness({ latencyMs: 1000, limits: { maxInFlight: 3 } });
    dispatcher.start();
    const results = Array.from({ length: 10 }, (_, i) => dispatcher.send(text(i + 1)));
    await clock.runUntilIdle();
    await Promise.all(results);
    expect(gateway.maxInFlight).toBe(3);
  });

  it('keeps a group at 20 messages per minute', async () => {
    const { clock, dispatcher, times } = harness();
    dispatcher.start();
    const group = -1001n;
    const results = Array.from({ length: 45 }, () => dispatcher.send(text(group), 'bulk'));
    await clock.runUntilIdle();
    await Promise.all(results);
    const at = times(group);
    expect(at).toHaveLength(45);
    expect(maxInWindow(at, 60_000)).toBe(20);
    expect(maxInWindow(at, 1000)).toBeLessThanOrEqual(3);
    expect(at[20]).toBeGreaterThanOrEqual((at[0] ?? 0) + 60_000);
  });

  it('counts edits against the chat like sends', async () => {
    const { clock, dispatcher, times } = harness();
    dispatcher.start();
    const results = Array.from({ length: 5 }, (_, i) =>
      dispatcher.send({ kind: 'editText', chatId: 9n, messageId: 1, text: `v${i}` }),
    );
    await clock.runUntilIdle();
    await Promise.all(results);
    expect(maxInWindow(times(9n), 1000)).toBe(3);
  });
});
