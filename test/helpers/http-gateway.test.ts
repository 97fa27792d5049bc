import { afterEach, describe, expect, it } from 'vitest';
import { FakeTelegramServer } from './fake-telegram/server.ts';
import { HttpGateway } from './http-gateway.ts';

const TOKEN = '77:gateway';
let tg: FakeTelegramServer;
afterEach(async () => {
  await tg.stop();
});

describe('HttpGateway against the fake server', () => {
  it('sends text with buttons and maps each Telegram error to a GatewayError', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    const gateway = new HttpGateway({ apiRoot: tg.apiRoot, token: TOKEN });
    const text = (chatId: bigint) => ({ kind: 'text', chatId, text: 'Halo &amp; <b>semua</b>' }) as const;

    await expect(
      gateway.deliver({ ...text(1n), buttons: [[{ text: 'OK', callbackData: 'ok' }, { text: 'Web', url: 'https://x.id' }]] }),
    ).resolves.toEqual({ ok: true, messageId: 1 });
    expect(tg.sent[0]).toMatchObject({ plainText: 'Halo & semua', replyMarkup: { inline_keyboard: [[{ callback_data: 'ok' }, { url: 'https://x.id' }]] } });

    tg.failNext('sendMessage', { error: { error_code: 429, description: 'Too Many Requests: retry after 4', parameters: { retry_after: 4 } } });
    await expect(gateway.deliver(text(1n))).resolves.toEqual({ ok: false, error: { kind: 'rate_limited', retryAfterSeconds: 4 } });

    tg.failNext('sendMessage', { error: { error_code: 502, description: 'Bad Gateway' } });
    await expect(gateway.deliver(text(1n))).resolves.toMatchObject({ ok: false, error: { kind: 'transient' } });

    tg.blockChat(2);
    await expect(gateway.deliver(text(2n))).resolves.toEqual({
      ok: false,
      error: { kind: 'blocked', description: 'Forbidden: bot was blocked by the user' },
    });
    tg.removeChat(3);
    await expect(gateway.deliver(text(3n))).resolves.toMatchObject({ ok: false, error: { kind: 'chat_not_found' } });
    tg.migrateGroup(-4, -1004000000004n);
    await expect(gateway.deliver(text(-4n))).resolves.toEqual({
      ok: false,
      error: { kind: 'migrated', newChatId: -1004000000004n },
    });
    await expect(gateway.deliver({ kind: 'text', chatId: 5n, text: '<oops>' })).resolves.toMatchObject({
      ok: false,
      error: { kind: 'rejected', code: 400 },
    });
  });

  it('treats an unreachable server as transient', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    const gateway = new HttpGateway({ apiRoot: tg.apiRoot, token: TOKEN });
    await tg.stop();
    tg = await FakeTelegramServer.start({ token: TOKEN }); // for afterEach
    await expect(gateway.deliver({ kind: 'callbackAnswer', callbackQueryId: '1' })).resolves.toMatchObject({
      ok: false,
      error: { kind: 'transient' },
    });
  });
});
