import { describe, expect, it } from 'vitest';
import { text } from '../../helpers/fake-gateway.ts';
import { harness } from './harness.ts';

describe('Dispatcher lifecycle', () => {
  it('queues before start and sends once started', async () => {
    const { clock, dispatcher, gateway } = harness();
    const result = dispatcher.send(text(1));
    await clock.runUntilIdle();
    expect(gateway.calls).toHaveLength(0);
    expect(dispatcher.pending).toBe(1);
    dispatcher.start();
    await clock.runUntilIdle();
    await expect(result).resolves.toMatchObject({ status: 'sent' });
    expect(dispatcher.pending).toBe(0);
  });

  it('stop() drains queued and in-flight messages, then refuses new ones', async () => {
    const { clock, dispatcher, gateway, elapsed } = harness({ latencyMs: 100 });
    dispatcher.start();
    const results = Array.from({ length: 6 }, () => dispatcher.send(text(1)));
    await clock.advance(10); // the first is now in flight
    let stopped = false;
    const stopping = dispatcher.stop().then(() => (stopped = true));

    await expect(dispatcher.send(text(2))).resolves.toMatchObject({
      status: 'failed',
      error: { kind: 'rejected' },
    });
    await clock.advance(1000);
    expect(stopped).toBe(false);
    expect(dispatcher.pending).toBeGreaterThan(0);

    await clock.runUntilIdle();
    await stopping;
    expect(stopped).toBe(true);
    expect(dispatcher.pending).toBe(0);
    expect((await Promise.all(results)).map((r) => r.status)).toEqual(Array(6).fill('sent'));
    expect(gateway.calls).toHaveLength(6);
    expect(elapsed()).toBeGreaterThanOrEqual(3000); // 6 messages at burst 3 then 1/s
  });

  it('stop() without start() still drains', async () => {
    const { clock, dispatcher } = harness();
    const result = dispatcher.send(text(1));
    const stopping = dispatcher.stop();
    await clock.runUntilIdle();
    await stopping;
    await expect(result).resolves.toMatchObject({ status: 'sent' });
  });

  it('stop() resolves at once when nothing is pending', async () => {
    const { dispatcher } = harness();
    dispatcher.start();
    await dispatcher.stop();
    expect(dispatcher.pending).toBe(0);
  });
});
