import { describe, expect, it, vi } from 'vitest';
import type { GatewayError } from '../../../src/infra/outbox/gateway.port.ts';
import { text } from '../../helpers/fake-gateway.ts';
import { harness } from './harness.ts';

const transient: GatewayError = { kind: 'transient', description: '502 Bad Gateway' };

describe('Dispatcher error handling', () => {
  it('pauses every send for exactly retry_after on a 429, then retries (not as an attempt)', async () => {
    const onRateLimited = vi.fn();
    const { clock, gateway, dispatcher, times } = harness({ hooks: { onRateLimited }, limits: { maxAttempts: 2 } });
    gateway.failChat(1n, { kind: 'rate_limited', retryAfterSeconds: 3 }, transient);
    dispatcher.start();
    const first = dispatcher.send(text(1, 'limited'));
    const others = [2, 3, 4, 5].map((chat) => dispatcher.send(text(chat), 'bulk'));
    await clock.runUntilIdle();

    // maxAttempts 2: a 429 and one transient error still leave the message deliverable.
    await expect(first).resolves.toMatchObject({ status: 'sent', chatId: 1n });
    await Promise.all(others);
    const at = times();
    expect(at[0]).toBe(0); // the 429
    expect(at[1]).toBe(3000); // nothing at all before retry_after has passed
    expect(at.slice(1).every((t) => t >= 3000)).toBe(true);
    expect(dispatcher.rateLimitedCount).toBe(1);
    expect(onRateLimited).toHaveBeenCalledWith(3);
  });

  it('starts no send during the pause even with other sends in flight', async () => {
    const { clock, gateway, dispatcher, times } = harness({ latencyMs: 50 });
    gateway.failChat(5n, { kind: 'rate_limited', retryAfterSeconds: 2 });
    dispatcher.start();
    const results = Array.from({ length: 20 }, (_, i) => dispatcher.send(text(i + 1), 'bulk'));
    await clock.runUntilIdle();
    expect((await Promise.all(results)).every((r) => r.status === 'sent')).toBe(true);
    const limitedCall = gateway.calls.find((c) => !c.outcome.ok);
    const answeredAt = (limitedCall?.at ?? NaN) - (gateway.calls[0]?.at ?? 0) + 50;
    const at = times();
    expect(at.filter((t) => t > answeredAt && t < answeredAt + 2000)).toEqual([]);
    expect(at).toContain(answeredAt + 2000);
  });

  it('retries transient errors with exponential backoff without holding up other chats', async () => {
    const { clock, gateway, dispatcher, times } = harness();
    gateway.failChat(1n, transient, transient);
    dispatcher.start();
    const flaky = dispatcher.send(text(1));
    const others = Array.from({ length: 3 }, () => dispatcher.send(text(2)));
    await clock.runUntilIdle();
    await expect(flaky).resolves.toEqual({ status: 'sent', messageId: 1, chatId: 1n });
    await Promise.all(others);
    // random() = 1: delays are 500 then 1000 ms after each failure.
    expect(times(1n)).toEqual([0, 500, 1500]);
    expect(times(2n).every((t) => t < 500)).toBe(true);
  });

  it('treats a throwing gateway as a network error and retries', async () => {
    const { clock, gateway, dispatcher } = harness();
    gateway.failChat(1n, new Error('ECONNRESET'));
    dispatcher.start();
    const sent = dispatcher.send(text(1));
    await clock.runUntilIdle();
    await expect(sent).resolves.toMatchObject({ status: 'sent' });
    expect(gateway.calls).toHaveLength(2);
  });

  it('gives up after maxAttempts transient errors and reports the failure once', async () => {
    const onFinalFailure = vi.fn();
    const { clock, gateway, dispatcher } = harness({ hooks: { onFinalFailure }, limits: { maxAttempts: 4 } });
    gateway.failChat(1n, ...Array.from({ length: 10 }, () => transient));
    dispatcher.start();
    const result = dispatcher.send(text(1));
    await clock.runUntilIdle();
    await expect(result).resolves.toEqual({ status: 'failed', error: transient });
    expect(gateway.calls).toHaveLength(4);
    expect(onFinalFailure).toHaveBeenCalledTimes(1);
  });

  it.each<GatewayError>([
    { kind: 'blocked', description: 'Forbidden: bot was blocked by the user' },
    { kind: 'chat_not_found', description: 'Bad Request: chat not found' },
    { kind: 'rejected', code: 400, description: 'Bad Request: message text is empty' },
  ])('treats $kind as final: one call, hook called once', async (error) => {
    const onFinalFailure = vi.fn();
    const { clock, gateway, dispatcher } = harness({ hooks: { onFinalFailure } });
    gateway.failChat(7n, error);
    dispatcher.start();
    const message = text(7);
    const result = dispatcher.send(message);
    await clock.runUntilIdle();
    await expect(result).resolves.toEqual({ status: 'failed', error });
    expect(gateway.calls).toHaveLength(1);
    expect(onFinalFailure).toHaveBeenCalledTimes(1);
    expect(onFinalFailure).toHaveBeenCalledWith(message, error, 'interactive');
  });

  it('follows a group migrated to a supergroup, for this and later messages', async () => {
    const onChatMigrated = vi.fn();
    const { clock, gateway, dispatcher } = harness({ hooks: { onChatMigrated } });
    gateway.failChat(-100n, { kind: 'migrated', newChatId: -1001234567890n });
    dispatcher.start();
    const first = dispatcher.send(text(-100, 'one'));
    const queued = dispatcher.send(text(-100, 'two'));
    await clock.runUntilIdle();
    await expect(first).resolves.toEqual({ status: 'sent', messageId: 1, chatId: -1001234567890n });
    await expect(queued).resolves.toEqual({ status: 'sent', messageId: 2, chatId: -1001234567890n });
    expect(onChatMigrated).toHaveBeenCalledExactlyOnceWith(-100n, -1001234567890n);

    const later = dispatcher.send(text(-100, 'three'));
    await clock.runUntilIdle();
    await expect(later).resolves.toMatchObject({ chatId: -1001234567890n });
    const chats = gateway.calls.map((c) => (c.message.kind === 'text' ? c.message.chatId : undefined));
    expect(chats).toEqual([-100n, -1001234567890n, -1001234567890n, -1001234567890n]);
  });

  it('refuses a migration loop instead of retrying forever', async () => {
    const { clock, gateway, dispatcher } = harness();
    gateway.script(() => true, ...Array.from({ length: 10 }, (_, i) => ({ kind: 'migrated', newChatId: BigInt(-200 - i) }) as const));
    dispatcher.start();
    const result = dispatcher.send(text(-100));
    await clock.runUntilIdle();
    await expect(result).resolves.toMatchObject({ status: 'failed', error: { kind: 'rejected' } });
    expect(gateway.calls.length).toBeLessThanOrEqual(4);
  });

  it('survives hooks that throw', async () => {
    const { clock, gateway, dispatcher } = harness({
      hooks: {
        onFinalFailure: () => Promise.reject(new Error('db down')),
        onRateLimited: () => {
          throw new Error('metrics down');
        },
      },
    });
    gateway.failChat(1n, { kind: 'rate_limited', retryAfterSeconds: 1 }, { kind: 'blocked', description: 'x' });
    dispatcher.start();
    const result = dispatcher.send(text(1));
    const next = dispatcher.send(text(2));
    await clock.runUntilIdle();
    await expect(result).resolves.toMatchObject({ status: 'failed' });
    await expect(next).resolves.toMatchObject({ status: 'sent' });
  });
});
