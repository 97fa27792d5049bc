import { afterEach, describe, expect, it } from 'vitest';
import { FakeTelegramServer } from './server.ts';
import type { ApiResponse, Message } from './types.ts';

const TOKEN = '123456:TEST-token';

let tg: FakeTelegramServer;
afterEach(async () => {
  await tg.stop();
});

async function call<T>(method: string, params: Record<string, unknown>, form = false): Promise<ApiResponse<T>> {
  const res = await fetch(`${tg.apiRoot}/bot${TOKEN}/${method}`, {
    method: 'POST',
    headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
    body: form
      ? new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]))
      : JSON.stringify(params),
  });
  const body = (await res.json()) as ApiResponse<T>;
  expect(res.status).toBe(body.ok ? 200 : body.error_code);
  return body;
}

async function ok<T>(method: string, params: Record<string, unknown>, form = false): Promise<T> {
  const body = await call<T>(method, params, form);
  if (!body.ok) throw new Error(`${method} failed: ${body.description}`);
  return body.result;
}

const keyboard = { inline_keyboard: [[{ text: '✅ Siap', callback_data: 'ack:1' }]] };

describe('FakeTelegramServer media and pins', () => {
  it('sendPhoto, sendVideo and sendDocument take a file_id (JSON or form) and an HTML caption', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    const photo = await ok<Message>('sendPhoto', { chat_id: 7, photo: 'AgACphoto', caption: '<b>ARAHAN</b> &amp; foto', parse_mode: 'HTML', reply_markup: keyboard });
    expect(photo).toMatchObject({ message_id: 1, chat: { id: 7 }, photo: [{ file_id: 'AgACphoto' }], caption: 'ARAHAN & foto', reply_markup: keyboard });
    expect(photo.text).toBeUndefined();
    const video = await ok<Message>('sendVideo', { chat_id: '7', video: 'BAACvideo', caption: 'video', parse_mode: 'HTML' }, true);
    expect(video).toMatchObject({ message_id: 2, video: { file_id: 'BAACvideo' }, caption: 'video' });
    const doc = await ok<Message>('sendDocument', { chat_id: -100, document: 'BQACdoc' });
    expect(doc).toMatchObject({ document: { file_id: 'BQACdoc' } });
    expect(doc.caption).toBeUndefined();

    expect(tg.sent.map((c) => [c.method, c.chatId, c.messageId, c.media, c.caption, c.text, c.plainText])).toEqual([
      ['sendPhoto', 7, 1, { kind: 'photo', fileId: 'AgACphoto' }, '<b>ARAHAN</b> &amp; foto', '<b>ARAHAN</b> &amp; foto', 'ARAHAN & foto'],
      ['sendVideo', 7, 2, { kind: 'video', fileId: 'BAACvideo' }, 'video', 'video', 'video'],
      ['sendDocument', -100, 1, { kind: 'document', fileId: 'BQACdoc' }, '', '', ''],
    ]);
    expect(tg.sent[0]?.replyMarkup).toEqual(keyboard);
    // waitForMessage finds media by caption only when asked to.
    await expect(tg.waitForMessage(7, 'ARAHAN', { includeMedia: true })).resolves.toMatchObject({ method: 'sendPhoto' });
    await expect(tg.waitForMessage(7, 'ARAHAN', { timeoutMs: 50 })).rejects.toThrow(/no sendMessage to chat 7/);
  });

  it('validates captions like text, with the 1,024 limit counted after parsing', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    const exact = `<b>${'a'.repeat(1024)}</b>`; // 1,031 characters of HTML, 1,024 parsed
    await expect(ok('sendPhoto', { chat_id: 1, photo: 'p', caption: exact, parse_mode: 'HTML' })).resolves.toMatchObject({ caption: 'a'.repeat(1024) });
    expect(await call('sendPhoto', { chat_id: 1, photo: 'p', caption: 'a'.repeat(1025) })).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: message caption is too long',
    });
    // Emoji count as two (UTF-16), so 513 of them are over the limit.
    expect(await call('sendVideo', { chat_id: 1, video: 'v', caption: '😀'.repeat(513) })).toMatchObject({ ok: false, error_code: 400 });
    expect(await call('sendPhoto', { chat_id: 1, photo: 'p', caption: '<b>unclosed', parse_mode: 'HTML' })).toMatchObject({
      ok: false,
      description: expect.stringMatching(/can't parse entities/),
    });
    expect(await call('sendPhoto', { chat_id: 1, caption: 'x' })).toMatchObject({ ok: false, description: 'Bad Request: there is no photo in the request' });
    expect(await call('sendDocument', { chat_id: 1, document: 'not a file id' })).toMatchObject({
      ok: false,
      description: 'Bad Request: wrong file identifier/HTTP URL specified',
    });
    expect(tg.sent).toHaveLength(1);
  });

  it('refuses media to blocked, missing and migrated chats like messages, and counts them against the limits', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN, limits: { enforce: true, perChatBurst: 1 } });
    tg.blockChat(2);
    tg.removeChat(3);
    tg.migrateGroup(-4, -1000000000004);
    expect(await call('sendPhoto', { chat_id: 2, photo: 'p' })).toMatchObject({ ok: false, error_code: 403 });
    expect(await call('sendPhoto', { chat_id: 3, photo: 'p' })).toMatchObject({ ok: false, error_code: 400, description: 'Bad Request: chat not found' });
    expect(await call('sendPhoto', { chat_id: -4, photo: 'p' })).toMatchObject({ ok: false, parameters: { migrate_to_chat_id: -1000000000004 } });
    await ok('sendPhoto', { chat_id: 5, photo: 'p' });
    expect(await call('pinChatMessage', { chat_id: 5, message_id: 1 })).toMatchObject({ ok: false, error_code: 429 });
    expect(tg.stats.rateLimited).toBe(1);
  });

  it('pins and unpins messages that exist, recording each call', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    const first = await ok<Message>('sendPhoto', { chat_id: -100, photo: 'p', caption: 'segera' });
    const second = await ok<Message>('sendMessage', { chat_id: -100, text: 'lain' });
    await expect(ok('pinChatMessage', { chat_id: -100, message_id: first.message_id, disable_notification: true })).resolves.toBe(true);
    await ok('pinChatMessage', { chat_id: -100, message_id: second.message_id });
    expect(tg.pinnedMessages(-100)).toEqual([first.message_id, second.message_id]);
    expect(await call('pinChatMessage', { chat_id: -100, message_id: 99 })).toMatchObject({ ok: false, description: 'Bad Request: message to pin not found' });
    await ok('unpinChatMessage', { chat_id: -100 });
    expect(tg.pinnedMessages(-100)).toEqual([first.message_id]);
    await ok('unpinChatMessage', { chat_id: -100, message_id: first.message_id });
    expect(tg.pinnedMessages(-100)).toEqual([]);

    const pins = tg.sent.filter((c) => c.method.endsWith('ChatMessage'));
    expect(pins.map((c) => [c.method, c.chatId, c.messageId])).toEqual([
      ['pinChatMessage', -100, first.message_id],
      ['pinChatMessage', -100, second.message_id],
      ['unpinChatMessage', -100, undefined],
      ['unpinChatMessage', -100, first.message_id],
    ]);
    expect(pins[0]?.params.disable_notification).toBe(true);
  });

  it('edits a caption (not the text) of a media message', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    const photo = await ok<Message>('sendPhoto', { chat_id: 9, photo: 'p', caption: 'awal', reply_markup: keyboard });
    const text = await ok<Message>('sendMessage', { chat_id: 9, text: 'teks' });
    expect(await call('editMessageText', { chat_id: 9, message_id: photo.message_id, text: 'x' })).toMatchObject({
      ok: false,
      description: 'Bad Request: there is no text in the message to edit',
    });
    expect(await call('editMessageCaption', { chat_id: 9, message_id: text.message_id, caption: 'x' })).toMatchObject({
      ok: false,
      description: 'Bad Request: there is no caption in the message to edit',
    });
    const edited = await ok<Message>('editMessageCaption', { chat_id: 9, message_id: photo.message_id, caption: '<i>sudah</i> dibaca', parse_mode: 'HTML' });
    expect(edited).toMatchObject({ caption: 'sudah dibaca', photo: [{ file_id: 'p' }], edit_date: expect.any(Number) });
    expect(edited.reply_markup).toBeUndefined(); // an edit without reply_markup drops the keyboard, as in Telegram
    expect(await call('editMessageCaption', { chat_id: 9, message_id: photo.message_id, caption: '<i>sudah</i> dibaca', parse_mode: 'HTML' })).toMatchObject({
      ok: false,
      description: expect.stringMatching(/message is not modified/),
    });
    await expect(tg.waitForMessage(9, 'sudah', { includeMedia: true, includeEdits: true })).resolves.toMatchObject({ method: 'editMessageCaption' });
  });
});
