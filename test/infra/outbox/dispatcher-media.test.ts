import { describe, expect, it, vi } from 'vitest';
import type { OutgoingMessage } from '../../../src/infra/outbox/gateway.port.ts';
import { chatIdOf } from '../../../src/infra/outbox/types.ts';
import { maxInWindow, text } from '../../helpers/fake-gateway.ts';
import { harness } from './harness.ts';

const photo = (chatId: bigint | number, caption = 'foto'): OutgoingMessage => ({
  kind: 'media',
  chatId: BigInt(chatId),
  media: { kind: 'photo', fileId: 'AgACphoto' },
  caption,
});
const pin = (chatId: bigint | number, messageId: number): OutgoingMessage => ({ kind: 'pin', chatId: BigInt(chatId), messageId });

/** Text, media and pins in turn, each labelled with its position. */
const mixed = (chatId: bigint | number, count: number): OutgoingMessage[] =>
  Array.from({ length: count }, (_, i) => (i % 3 === 0 ? text(chatId, `#${i}`) : i % 3 === 1 ? photo(chatId, `#${i}`) : pin(chatId, i)));

const label = (m: OutgoingMessage): string => {
  switch (m.kind) {
    case 'text':
    case 'editText':
      return m.text;
    case 'media':
    case 'editCaption':
      return m.caption;
    case 'pin':
      return `#${m.messageId}`;
    case 'callbackAnswer':
      return m.callbackQueryId;
  }
};

describe('Dispatcher with media and pins', () => {
  it('media, caption edits and pins are chat messages; only callback answers are not', () => {
    expect(chatIdOf(photo(5))).toBe(5n);
    expect(chatIdOf(pin(-6, 1))).toBe(-6n);
    expect(chatIdOf({ kind: 'editCaption', chatId: 7n, messageId: 1, caption: 'x' })).toBe(7n);
    expect(chatIdOf({ kind: 'callbackAnswer', callbackQueryId: 'q' })).toBeUndefined();
  });

  it('counts media and pins against a private chat like text: the burst, then 1 per second', async () => {
    const { clock, dispatcher, times } = harness();
    dispatcher.start();
    const results = mixed(1, 12).map((m) => dispatcher.send(m));
    await clock.runUntilIdle();
    await Promise.all(results);
    const at = times(1n);
    expect(at).toHaveLength(12);
    expect(maxInWindow(at, 1000)).toBe(3);
    expect((at[11] ?? 0) - (at[0] ?? 0)).toBeGreaterThanOrEqual(9 * 1000);
  });

  it('keeps a group at 20 per minute across text, media and pins', async () => {
    const { clock, dispatcher, times } = harness();
    dispatcher.start();
    const group = -1001n;
    const results = mixed(group, 45).map((m) => dispatcher.send(m, 'urgent'));
    await clock.runUntilIdle();
    await Promise.all(results);
    const at = times(group);
    expect(at).toHaveLength(45);
    expect(maxInWindow(at, 60_000)).toBe(20);
    expect(maxInWindow(at, 1000)).toBeLessThanOrEqual(3);
  });

  it('never exceeds 30 per second overall with a media broadcast', async () => {
    const { clock, dispatcher, times } = harness({ latencyMs: 120 });
    dispatcher.start();
    const results = Array.from({ length: 200 }, (_, i) => dispatcher.send(photo(i + 1), 'urgent'));
    await clock.runUntilIdle();
    await Promise.all(results);
    const at = times();
    expect(at).toHaveLength(200);
    expect(maxInWindow(at, 1000)).toBeLessThanOrEqual(30);
    expect(maxInWindow(at, 1000)).toBeGreaterThanOrEqual(29);
  });

  it('keeps one chat in order across text, media and pins, through retries and a 429', async () => {
    const { clock, gateway, dispatcher } = harness({ latencyMs: 50 });
    gateway.script((m) => m.kind === 'media' && m.caption === '#1', { kind: 'transient', description: 'Bad Gateway' }, { kind: 'transient', description: 'Bad Gateway' });
    gateway.script((m) => m.kind === 'pin' && m.messageId === 5, { kind: 'rate_limited', retryAfterSeconds: 2 });
    dispatcher.start();
    const messages = mixed(-500, 9);
    const results = messages.map((m) => dispatcher.send(m, 'bulk'));
    await clock.runUntilIdle();
    const settled = await Promise.all(results);
    expect(settled.every((r) => r.status === 'sent')).toBe(true);
    const delivered = gateway.calls.filter((c) => c.outcome.ok).map((c) => label(c.message));
    expect(delivered).toEqual(messages.map(label));
    expect(dispatcher.rateLimitedCount).toBe(1);
  });

  it('a media message and a queued pin follow a group migration, and so do later ones', async () => {
    const onChatMigrated = vi.fn();
    const { clock, gateway, dispatcher } = harness({ hooks: { onChatMigrated } });
    gateway.failChat(-100n, { kind: 'migrated', newChatId: -1009n });
    dispatcher.start();
    const sent = dispatcher.send(photo(-100, 'arahan'), 'urgent');
    const pinned = dispatcher.send(pin(-100, 1), 'urgent');
    await clock.runUntilIdle();
    await expect(sent).resolves.toEqual({ status: 'sent', messageId: 1, chatId: -1009n });
    await expect(pinned).resolves.toEqual({ status: 'sent', messageId: 1, chatId: -1009n });
    const later = dispatcher.send(pin(-100, 1), 'urgent');
    await clock.runUntilIdle();
    await expect(later).resolves.toMatchObject({ chatId: -1009n });
    expect(gateway.calls.map((c) => [c.message.kind, chatIdOf(c.message)])).toEqual([
      ['media', -100n],
      ['media', -1009n],
      ['pin', -1009n],
      ['pin', -1009n],
    ]);
    expect(onChatMigrated).toHaveBeenCalledExactlyOnceWith(-100n, -1009n);
  });

  it('a pin refused for good is a final failure of that pin only', async () => {
    const onFinalFailure = vi.fn();
    const { clock, gateway, dispatcher } = harness({ hooks: { onFinalFailure } });
    const refusal = { kind: 'rejected', code: 400, description: 'Bad Request: not enough rights to manage pinned messages in the chat' } as const;
    gateway.script((m) => m.kind === 'pin', refusal);
    dispatcher.start();
    const results = [dispatcher.send(photo(-7), 'urgent'), dispatcher.send(pin(-7, 1), 'urgent'), dispatcher.send(text(-7, 'next'), 'urgent')];
    await clock.runUntilIdle();
    const [a, b, c] = await Promise.all(results);
    expect(a).toMatchObject({ status: 'sent' });
    expect(b).toEqual({ status: 'failed', error: refusal });
    expect(c).toMatchObject({ status: 'sent' });
    expect(onFinalFailure).toHaveBeenCalledExactlyOnceWith(pin(-7, 1), refusal, 'urgent');
  });
});
