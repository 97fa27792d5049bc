import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../../src/infra/outbox/gateway.port.ts';
import { text } from '../../helpers/fake-gateway.ts';
import { harness } from './harness.ts';

const label = (m: OutgoingMessage): string => {
  switch (m.kind) {
    case 'callbackAnswer':
      return m.callbackQueryId;
    case 'media':
    case 'editCaption':
      return m.caption;
    case 'pin':
      return `pin ${m.messageId}`;
    default:
      return m.text;
  }
};

describe('Dispatcher ordering', () => {
  it('sends callback answers first, then interactive, urgent, bulk', async () => {
    const { clock, gateway, dispatcher } = harness();
    const results = [
      dispatcher.send(text(1, 'bulk'), 'bulk'),
      dispatcher.send(text(2, 'urgent'), 'urgent'),
      dispatcher.send(text(3, 'interactive')),
      dispatcher.send({ kind: 'callbackAnswer', callbackQueryId: 'cb' }, 'bulk'),
    ];
    dispatcher.start();
    await clock.runUntilIdle();
    await Promise.all(results);
    expect(gateway.calls.map((c) => label(c.message))).toEqual(['cb', 'interactive', 'urgent', 'bulk']);
  });

  it('keeps the order of messages to one chat within a lane', async () => {
    const { clock, gateway, dispatcher } = harness();
    dispatcher.start();
    const results = Array.from({ length: 6 }, (_, i) => dispatcher.send(text(5, `m${i}`), 'bulk'));
    await clock.runUntilIdle();
    await Promise.all(results);
    expect(gateway.calls.map((c) => label(c.message))).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
  });

  it('lets a ready chat go while another chat waits for its bucket (no head-of-line blocking)', async () => {
    const { clock, dispatcher, times } = harness();
    dispatcher.start();
    const busy = Array.from({ length: 10 }, (_, i) => dispatcher.send(text(1, `a${i}`)));
    const other = dispatcher.send(text(2, 'b'), 'bulk');
    await clock.runUntilIdle();
    await Promise.all([...busy, other]);
    // Chat 1 spends its burst of 3 at once and then has to wait a second; chat 2's bulk
    // message goes in that gap instead of behind all ten.
    const [bAt] = times(2n);
    expect(bAt).toBeLessThan(times(1n)[3] ?? Infinity);
    expect(bAt).toBeLessThan(200);
  });

  it('answers callback queries without per-chat or global pacing', async () => {
    const { clock, dispatcher, times, gateway } = harness();
    dispatcher.start();
    const answers = Array.from({ length: 10 }, (_, i) =>
      dispatcher.send({ kind: 'callbackAnswer', callbackQueryId: `q${i}` }),
    );
    await clock.runUntilIdle();
    await Promise.all(answers);
    expect(gateway.calls).toHaveLength(10);
    expect(gateway.calls.every((c) => c.at === gateway.calls[0]?.at)).toBe(true);
    expect(times()).toEqual([]);
  });

  it('waits on a signal when idle instead of polling the clock', async () => {
    const { clock, dispatcher } = harness();
    dispatcher.start();
    await clock.advance(10);
    expect(clock.pendingSleepers).toBe(0);
    const sent = dispatcher.send(text(1));
    await clock.runUntilIdle();
    await expect(sent).resolves.toEqual({ status: 'sent', messageId: 1, chatId: 1n });
    expect(clock.pendingSleepers).toBe(0);
  });
});
