import { afterEach, describe, expect, it } from 'vitest';
import { FakeTelegramServer } from './server.ts';
import type { ApiResponse, Message, Update } from './types.ts';

const TOKEN = '123456:TEST-token';
const alice = { id: 501, first_name: 'Alice', username: 'alice' };

let tg: FakeTelegramServer;
afterEach(async () => {
  await tg.stop();
});

async function call<T>(
  method: string,
  params: Record<string, unknown> = {},
  options: { token?: string; form?: boolean; signal?: AbortSignal } = {},
): Promise<{ status: number; body: ApiResponse<T> }> {
  const body = options.form
    ? new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]))
    : JSON.stringify(params);
  const res = await fetch(`${tg.apiRoot}/bot${options.token ?? TOKEN}/${method}`, {
    method: 'POST',
    headers: { 'content-type': options.form ? 'application/x-www-form-urlencoded' : 'application/json' },
    body,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { status: res.status, body: (await res.json()) as ApiResponse<T> };
}

async function result<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
  const { body } = await call<T>(method, params);
  if (!body.ok) throw new Error(`${method} failed: ${body.description}`);
  return body.result;
}

describe('FakeTelegramServer basics', () => {
  it('answers getMe, refuses a wrong token with 401 and an unknown method with 404', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    await expect(result('getMe')).resolves.toMatchObject({ id: 123456, is_bot: true, username: 'kopdar_test_bot' });
    expect(await call('getMe', {}, { token: '1:wrong' })).toEqual({
      status: 401,
      body: { ok: false, error_code: 401, description: 'Unauthorized' },
    });
    expect(await call('sendTelepathy')).toEqual({
      status: 404,
      body: { ok: false, error_code: 404, description: 'Not Found' },
    });
    const get = await fetch(`${tg.apiRoot}/bot${TOKEN}/getme`);
    expect(((await get.json()) as ApiResponse<unknown>).ok).toBe(true);
    expect(tg.stats.perMethod).toMatchObject({ getMe: 1, sendTelepathy: 1, getme: 1 });
  });

  it('reads multipart bodies (uploads: see uploads.test.ts); a broken one is a 400', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    const form = new FormData();
    form.set('chat_id', '1');
    const res = await fetch(`${tg.apiRoot}/bot${TOKEN}/sendMessage`, { method: 'POST', body: form });
    expect(await res.json()).toEqual({ ok: false, error_code: 400, description: 'Bad Request: message text is empty' });
    const broken = await fetch(`${tg.apiRoot}/bot${TOKEN}/sendMessage`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: 'no parts here' });
    expect(await broken.json()).toMatchObject({ ok: false, error_code: 400 });
  });
});

describe('getUpdates', () => {
  it('long-polls and returns as soon as an update arrives, with command entities', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    const started = Date.now();
    const poll = result<Update[]>('getUpdates', { timeout: 10 });
    await new Promise((r) => setTimeout(r, 50));
    const text = '/lapor@kopdar_test_bot https://instagram.com/p/abc.';
    const id = tg.sendText({ from: alice, text });
    const updates = await poll;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      update_id: id,
      message: {
        message_id: 1,
        from: { id: 501, is_bot: false, first_name: 'Alice', username: 'alice' },
        chat: { id: 501, type: 'private', first_name: 'Alice', username: 'alice' },
        text,
        entities: [
          { type: 'bot_command', offset: 0, length: 22 },
          { type: 'url', offset: 23, length: 27 },
        ],
      },
    });
    expect(typeof updates[0]?.message?.date).toBe('number');
  });

  it('returns after the timeout with nothing, and at once with timeout 0', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    const started = Date.now();
    await expect(result('getUpdates', { timeout: 1 })).resolves.toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await expect(result('getUpdates')).resolves.toEqual([]);
  });

  it('keeps updates until a higher offset confirms them, and honours limit', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    const ids = [1, 2, 3].map((n) => tg.sendText({ from: alice, text: `m${n}` }));
    const [first = 0, second = 0, third = 0] = ids;
    expect((await result<Update[]>('getUpdates', { limit: 2 })).map((u) => u.update_id)).toEqual([first, second]);
    expect((await result<Update[]>('getUpdates')).map((u) => u.update_id)).toEqual(ids); // not confirmed yet
    expect((await result<Update[]>('getUpdates', { offset: second })).map((u) => u.update_id)).toEqual([second, third]);
    expect((await result<Update[]>('getUpdates')).map((u) => u.update_id)).toEqual([second, third]);
    await expect(result('getUpdates', { offset: third + 1 })).resolves.toEqual([]);
  });

  it('accepts form-encoded parameters', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    const id = tg.sendText({ from: alice, text: 'hi' });
    const { body } = await call<Update[]>('getUpdates', { offset: String(id), allowed_updates: ['message'] }, { form: true });
    expect(body.ok && body.result.map((u) => u.update_id)).toEqual([id]);
  });

  it('answers a second concurrent getUpdates with 409 Conflict', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    const first = call<Update[]>('getUpdates', { timeout: 5 });
    await new Promise((r) => setTimeout(r, 50));
    const second = await call('getUpdates', { timeout: 5 });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ ok: false, error_code: 409, description: expect.stringMatching(/^Conflict: /) });
    tg.sendText({ from: alice, text: 'wake up' });
    expect((await first).status).toBe(200);
  });

  it('forgets a long poll whose client went away (no 409 for the next one)', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    const abort = new AbortController();
    const first = call('getUpdates', { timeout: 5 }, { signal: abort.signal }).catch(() => 'aborted');
    await new Promise((r) => setTimeout(r, 50));
    abort.abort();
    await expect(first).resolves.toBe('aborted');
    const next = call<Update[]>('getUpdates', { timeout: 1 });
    tg.sendText({ from: alice, text: 'still there' });
    expect((await next).status).toBe(200);
  });

  it('redelivers an update already confirmed, for at-least-once tests', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    const id = tg.sendText({ from: alice, text: '/lapor x' });
    await result('getUpdates', { offset: id + 1 });
    tg.redeliver(id);
    const again = await result<Update[]>('getUpdates', { offset: id + 1, timeout: 1 });
    expect(again.map((u) => u.update_id)).toEqual([id]);
    expect(again[0]?.message?.text).toBe('/lapor x');
    await expect(result('getUpdates', { offset: id + 1 })).resolves.toEqual([]);
  });

  it('only creates update types the bot asked for', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    await result('getUpdates', { allowed_updates: ['message'] });
    tg.clickButton({ from: alice, chatId: alice.id, messageId: 1, data: 'x' });
    const id = tg.sendText({ from: alice, text: 'hi' });
    expect((await result<Update[]>('getUpdates')).map((u) => u.update_id)).toEqual([id]);
  });

  it('drops pending updates on deleteWebhook with drop_pending_updates', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    tg.sendText({ from: alice, text: 'old' });
    await expect(result('deleteWebhook', { drop_pending_updates: true })).resolves.toBe(true);
    await expect(result('getUpdates')).resolves.toEqual([]);
  });
});

describe('sending', () => {
  it('sends messages with ids counting per chat, records them, and waits for them', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    tg.sendText({ from: alice, text: '/start' }); // message 1 in Alice's chat
    const waiting = tg.waitForMessage(501n, /Selamat/);
    const keyboard = { inline_keyboard: [[{ text: 'OK', callback_data: 'ack:1' }]] };
    const message = await result<Message>('sendMessage', {
      chat_id: 501,
      text: '<b>Selamat</b> datang &amp; salam',
      parse_mode: 'HTML',
      reply_markup: keyboard,
      reply_parameters: { message_id: 1 },
    });
    expect(message).toMatchObject({
      message_id: 2,
      from: { is_bot: true, username: 'kopdar_test_bot' },
      chat: { id: 501, type: 'private' },
      text: 'Selamat datang & salam',
      reply_markup: keyboard,
      reply_to_message: { message_id: 1, text: '/start' },
    });
    const recorded = await waiting;
    expect(recorded).toMatchObject({
      method: 'sendMessage',
      chatId: 501,
      text: '<b>Selamat</b> datang &amp; salam',
      plainText: 'Selamat datang & salam',
      replyMarkup: keyboard,
      messageId: 2,
    });
    const other = await result<Message>('sendMessage', { chat_id: -100200, text: 'grup' });
    expect(other).toMatchObject({ message_id: 1, chat: { id: -100200, type: 'group' } });
    expect(tg.stats.sendMessage).toBe(2);
  });

  it('accepts form-encoded sendMessage with JSON reply_markup', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    const { body } = await call<Message>(
      'sendMessage',
      { chat_id: '77', text: 'hai', reply_markup: { inline_keyboard: [[{ text: 'Go', url: 'https://x.id' }]] } },
      { form: true },
    );
    expect(body.ok && body.result.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Go', url: 'https://x.id' }]] });
  });

  it('refuses what Telegram refuses: bad HTML, empty or too long text, long callback_data', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    const bad = await call('sendMessage', { chat_id: 1, text: 'a <script> b', parse_mode: 'HTML' });
    expect(bad.body).toMatchObject({
      error_code: 400,
      description: 'Bad Request: can\'t parse entities: Unsupported start tag "script" at byte offset 2',
    });
    const unclosed = await call('sendMessage', { chat_id: 1, text: '<b>x', parse_mode: 'HTML' });
    expect(unclosed.body).toMatchObject({ description: expect.stringContaining("Can't find end tag") });
    expect((await call('sendMessage', { chat_id: 1, text: ' ' })).body).toMatchObject({
      description: 'Bad Request: message text is empty',
    });
    expect((await call('sendMessage', { chat_id: 1, text: 'x'.repeat(4097) })).body).toMatchObject({
      description: 'Bad Request: message is too long',
    });
    const markup = { inline_keyboard: [[{ text: 'x', callback_data: 'y'.repeat(65) }]] };
    expect((await call('sendMessage', { chat_id: 1, text: 'x', reply_markup: markup })).body).toMatchObject({
      description: 'Bad Request: BUTTON_DATA_INVALID',
    });
    expect(tg.sent).toHaveLength(0);
  });

  it('edits messages and refuses an edit that changes nothing', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    const sent = await result<Message>('sendMessage', { chat_id: 9, text: 'v1' });
    const edited = await result<Message>('editMessageText', { chat_id: 9, message_id: sent.message_id, text: 'v2' });
    expect(edited).toMatchObject({ message_id: sent.message_id, text: 'v2' });
    expect(typeof edited.edit_date).toBe('number');
    const same = await call('editMessageText', { chat_id: 9, message_id: sent.message_id, text: 'v2' });
    expect(same.body).toMatchObject({ description: expect.stringMatching(/^Bad Request: message is not modified/) });
    const markup = { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] };
    await expect(
      result('editMessageReplyMarkup', { chat_id: 9, message_id: sent.message_id, reply_markup: markup }),
    ).resolves.toMatchObject({ reply_markup: markup });
    expect((await call('editMessageText', { chat_id: 9, message_id: 99, text: 'x' })).body).toMatchObject({
      description: 'Bad Request: message to edit not found',
    });
    expect(tg.sent.map((c) => c.method)).toEqual(['sendMessage', 'editMessageText', 'editMessageReplyMarkup']);
  });

  it('delivers button clicks as callback queries and checks their answers', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    const markup = { inline_keyboard: [[{ text: 'Terima', callback_data: 'ack:7' }]] };
    const sent = await result<Message>('sendMessage', { chat_id: 501, text: 'Arahan', reply_markup: markup });
    const id = tg.clickButton({ from: alice, chatId: 501, messageId: sent.message_id, data: 'ack:7' });
    const [update] = await result<Update[]>('getUpdates');
    expect(update).toMatchObject({
      update_id: id,
      callback_query: { from: { id: 501 }, data: 'ack:7', message: { message_id: sent.message_id, text: 'Arahan' } },
    });
    const queryId = update?.callback_query?.id;
    expect(typeof queryId).toBe('string');
    await expect(result('answerCallbackQuery', { callback_query_id: queryId, text: 'Diterima' })).resolves.toBe(true);
    expect(await tg.waitFor((c) => c.method === 'answerCallbackQuery')).toMatchObject({
      callbackQueryId: queryId,
      chatId: 501,
      text: 'Diterima',
    });
    expect((await call('answerCallbackQuery', { callback_query_id: queryId })).status).toBe(400);
    await expect(result('sendChatAction', { chat_id: 501, action: 'typing' })).resolves.toBe(true);
  });

  it('rejects a waitFor that times out with a list of what was sent', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    await result('sendMessage', { chat_id: 5, text: 'something else' });
    await expect(tg.waitForMessage(5, 'expected', { timeoutMs: 100 })).rejects.toThrow(
      /no sendMessage to chat 5 matching expected within 100 ms[\s\S]*sendMessage chat=5 message=1 "something else"/,
    );
  });

  it('records setMyCommands by scope and language', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    const commands = [{ command: 'lapor', description: 'Laporkan postingan' }];
    await result('setMyCommands', { commands });
    await result('setMyCommands', { commands: [], scope: { type: 'chat', chat_id: -100 }, language_code: 'en' });
    expect(tg.commands.get('default')).toEqual(commands);
    expect(tg.commands.get('chat:-100:en')).toEqual([]);
    await expect(result('getMyCommands')).resolves.toEqual(commands);
    await result('deleteMyCommands');
    await expect(result('getMyCommands')).resolves.toEqual([]);
    expect((await call('setMyCommands', { commands: [{ command: 'Bad-Name', description: 'x' }] })).status).toBe(400);
  });
});

describe('misbehaving Telegram', () => {
  it('fails the next calls as asked (429, 5xx), per chat if asked', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    tg.failNext('sendMessage', {
      chatId: 2,
      error: { error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } },
    });
    tg.failNext('sendMessage', { times: 2, error: { error_code: 502, description: 'Bad Gateway' } });
    expect(await call('sendMessage', { chat_id: 2, text: 'a' })).toEqual({
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 7',
        parameters: { retry_after: 7 },
      },
    });
    expect((await call('sendMessage', { chat_id: 3, text: 'b' })).status).toBe(502);
    expect((await call('sendMessage', { chat_id: 3, text: 'b' })).status).toBe(502);
    expect((await call('sendMessage', { chat_id: 3, text: 'b' })).status).toBe(200);
    expect(tg.stats.rateLimited).toBe(1);
  });

  it('answers blocked, missing and migrated chats with Telegram\'s errors', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    tg.blockChat(10);
    tg.removeChat(11);
    tg.migrateGroup(-12, -1001200000012n);
    expect((await call('sendMessage', { chat_id: 10, text: 'x' })).body).toEqual({
      ok: false,
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    expect((await call('sendMessage', { chat_id: 11, text: 'x' })).body).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: chat not found',
    });
    expect((await call('sendMessage', { chat_id: -12, text: 'x' })).body).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: group chat was upgraded to a supergroup chat',
      parameters: { migrate_to_chat_id: -1001200000012 },
    });
    await expect(result('sendMessage', { chat_id: -1001200000012, text: 'x' })).resolves.toMatchObject({
      chat: { type: 'supergroup' },
    });
  });

  it('enforces the per-chat burst with 429 and retry_after', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN, limits: { enforce: true, perChatBurst: 3 } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call('sendMessage', { chat_id: 1, text: `m${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await call('sendMessage', { chat_id: 1, text: 'again' });
    expect(limited.body).toMatchObject({
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    expect((await call('sendMessage', { chat_id: 2, text: 'other chat' })).status).toBe(200);
    expect(tg.stats.rateLimited).toBe(2);
  });

  it('enforces the global per-second limit', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN, limits: { enforce: true, globalPerSecond: 5 } });
    const statuses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => call('sendMessage', { chat_id: i + 1, text: 'x' }).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
  });

  it('enforces the per-group per-minute limit', async () => {
    tg = await FakeTelegramServer.start({
      token: TOKEN,
      limits: { enforce: true, perGroupPerMinute: 2, perChatBurst: 10 },
    });
    await result('sendMessage', { chat_id: -5, text: '1' });
    await result('sendMessage', { chat_id: -5, text: '2' });
    const third = await call('sendMessage', { chat_id: -5, text: '3' });
    expect(third.body).toMatchObject({ error_code: 429, parameters: { retry_after: 60 } });
    expect((await call('sendMessage', { chat_id: 5, text: 'private is fine' })).status).toBe(200);
  });
});

describe('playing the users', () => {
  it('sends group messages, replies to bot messages, and raw updates', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    const prompt = await result<Message>('sendMessage', { chat_id: 501, text: 'Kirim link:' });
    const reply = tg.sendText({ from: alice, text: 'https://x.com/a/status/1', replyTo: { text: 'Kirim link:', message_id: prompt.message_id } });
    const group = tg.sendText({
      from: alice,
      chat: { id: -100777, type: 'supergroup', title: 'Admin OPD' },
      text: 'hai @kopdar_test_bot /rekap',
    });
    const raw = tg.pushRawUpdate({ my_chat_member: { chat: { id: -100777 } } });
    const updates = await result<Update[]>('getUpdates');
    expect(updates.map((u) => u.update_id)).toEqual([reply, group, raw]);
    expect(updates[0]?.message).toMatchObject({
      message_id: 2,
      reply_to_message: { message_id: prompt.message_id, text: 'Kirim link:', from: { is_bot: true } },
      entities: [{ type: 'url', offset: 0, length: 24 }],
    });
    expect(updates[1]?.message).toMatchObject({
      chat: { id: -100777, type: 'supergroup', title: 'Admin OPD' },
      entities: [
        { type: 'mention', offset: 4, length: 16 },
        { type: 'bot_command', offset: 21, length: 6 },
      ],
    });
    expect(updates[2]).toEqual({ update_id: raw, my_chat_member: { chat: { id: -100777 } } });
  });

  it('logs every request with its answer, failures included', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    tg.blockChat(3);
    await call('sendMessage', { chat_id: 3, text: 'x' });
    expect(tg.requests).toEqual([
      expect.objectContaining({ method: 'sendMessage', chatId: 3, status: 403, description: 'Forbidden: bot was blocked by the user' }),
    ]);
  });
});

describe('waiting', () => {
  it('waits only for calls after a mark, and fails waiters when stopped', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    await result('sendMessage', { chat_id: 8, text: 'Laporan diterima' });
    const mark = tg.sent.length;
    const next = tg.waitForMessage(8, 'diterima', { since: mark });
    await result('sendMessage', { chat_id: 8, text: 'Laporan kedua diterima' });
    await expect(next).resolves.toMatchObject({ text: 'Laporan kedua diterima' });
    const never = expect(tg.waitForMessage(8, 'never', { timeoutMs: 10_000 })).rejects.toThrow(/stopped while waiting/);
    await tg.stop();
    await never;
    tg = await FakeTelegramServer.start({ token: TOKEN }); // for afterEach
  });
});
