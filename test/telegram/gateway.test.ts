import { Telegraf } from 'telegraf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telegrafGateway } from '../../src/telegram/gateway.ts';
import type { TelegramGateway } from '../../src/infra/outbox/gateway.port.ts';
import { FakeTelegramServer } from '../helpers/fake-telegram/server.ts';
import { TEST_TOKEN } from '../helpers/kopdar-harness.ts';

let tg: FakeTelegramServer;
let gateway: TelegramGateway;

beforeAll(async () => {
  tg = await FakeTelegramServer.start({ token: TEST_TOKEN, limits: { enforce: false } });
  gateway = telegrafGateway(new Telegraf(TEST_TOKEN, { telegram: { apiRoot: tg.apiRoot } }).telegram);
});
afterAll(async () => tg.stop());

const text = (chatId: bigint) => ({ kind: 'text' as const, chatId, text: 'Halo <b>Bapak/Ibu</b>', buttons: [[{ text: 'Ya', callbackData: 'x:1' }]] });

describe('telegraf gateway over real HTTP', () => {
  it('sends HTML with buttons and returns the message id', async () => {
    const outcome = await gateway.deliver(text(42n));
    expect(outcome).toEqual({ ok: true, messageId: expect.any(Number) });
    const sent = await tg.waitForMessage(42, /Bapak\/Ibu/);
    expect(sent.parseMode).toBe('HTML');
    expect(sent.replyMarkup).toEqual({ inline_keyboard: [[{ text: 'Ya', callback_data: 'x:1' }]] });
  });

  it('classifies every kind of failure for the dispatcher', async () => {
    tg.failNext('sendMessage', { chatId: 43, error: { error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } } });
    expect(await gateway.deliver(text(43n))).toEqual({ ok: false, error: { kind: 'rate_limited', retryAfterSeconds: 7 } });
    tg.blockChat(44);
    expect(await gateway.deliver(text(44n))).toMatchObject({ ok: false, error: { kind: 'blocked' } });
    tg.removeChat(45);
    expect(await gateway.deliver(text(45n))).toMatchObject({ ok: false, error: { kind: 'chat_not_found' } });
    tg.failNext('sendMessage', { chatId: 46, error: { error_code: 502, description: 'Bad Gateway' } });
    expect(await gateway.deliver(text(46n))).toMatchObject({ ok: false, error: { kind: 'transient' } });
    tg.migrateGroup(-47, -1000000000047);
    expect(await gateway.deliver(text(-47n))).toEqual({ ok: false, error: { kind: 'migrated', newChatId: -1000000000047n } });
    expect(await gateway.deliver({ kind: 'text', chatId: 48n, text: '<b>unclosed' })).toMatchObject({ ok: false, error: { kind: 'rejected', code: 400 } });
  });

  it('a network failure is transient and its message never carries the token', async () => {
    const offline = telegrafGateway(new Telegraf(TEST_TOKEN, { telegram: { apiRoot: 'http://127.0.0.1:1' } }).telegram);
    const outcome = await offline.deliver(text(1n));
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'transient' } });
    expect(JSON.stringify(outcome)).not.toContain(TEST_TOKEN);
  });
});
