import { Telegraf } from 'telegraf';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTelegramServer } from './server.ts';

// The e2e tests drive the real bot (telegraf 4.16) against this server; this checks the shapes
// telegraf relies on (launch, polling, command parsing, callback queries, stop) line up.
const TOKEN = '999:telegraf-compat';
const budi = { id: 700, first_name: 'Budi', username: 'budi' };

let tg: FakeTelegramServer;
let bot: Telegraf | undefined;
afterEach(async () => {
  bot?.stop();
  bot = undefined;
  await tg.stop();
});

describe('telegraf against the fake server', () => {
  it('launches, receives commands and button clicks, replies, and stops cleanly', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    bot = new Telegraf(TOKEN, { telegram: { apiRoot: tg.apiRoot } });
    const seen: string[] = [];
    bot.command('lapor', async (ctx) => {
      seen.push(`lapor:${ctx.payload}`);
      await ctx.reply(`Diterima, <b>${ctx.from.first_name}</b>`, {
        parse_mode: 'HTML',
        reply_markup: { inline_keyboard: [[{ text: 'Batal', callback_data: 'cancel' }]] },
      });
    });
    bot.on('callback_query', async (ctx) => {
      seen.push(`click:${'data' in ctx.callbackQuery ? ctx.callbackQuery.data : ''}`);
      await ctx.answerCbQuery('Dibatalkan');
      await ctx.editMessageText('Dibatalkan.');
    });
    const launched = bot.launch();
    launched.catch(() => undefined);

    tg.sendText({
      from: budi,
      chat: { id: -1001000000001, type: 'supergroup', title: 'Admin OPD' },
      text: '/lapor@kopdar_test_bot https://instagram.com/p/xyz',
    });
    const reply = await tg.waitForMessage(-1001000000001, 'Diterima, Budi');
    expect(reply.replyMarkup).toEqual({ inline_keyboard: [[{ text: 'Batal', callback_data: 'cancel' }]] });

    tg.clickButton({ from: budi, chatId: -1001000000001, messageId: reply.messageId ?? 0, data: 'cancel' });
    await tg.waitFor((c) => c.method === 'editMessageText' && c.text === 'Dibatalkan.');
    expect(seen).toEqual(['lapor:https://instagram.com/p/xyz', 'click:cancel']);
    expect(tg.sent.find((c) => c.method === 'answerCallbackQuery')?.text).toBe('Dibatalkan');

    bot.stop();
    bot = undefined;
    await launched;
    expect(tg.stats.perMethod.getMe).toBe(1);
    expect(tg.stats.perMethod.deleteWebhook).toBe(1);
    expect(tg.requests.filter((r) => r.status !== 200)).toEqual([]); // no 409 from stop's offset sync
  });
});
