import { Telegraf } from 'telegraf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telegrafGateway } from '../../src/telegram/gateway.ts';
import type { TelegramGateway } from '../../src/infra/outbox/gateway.port.ts';
import { FakeTelegramServer } from '../helpers/fake-telegram/server.ts';
import { TEST_TOKEN } from '../helpers/kopdar-harness.ts';
import { readPng, readWorkbook, samplePng, sampleWorkbook } from '../helpers/sample-files.ts';

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

  it('sends photos, videos and documents by file_id with an HTML caption and buttons', async () => {
    const buttons = [[{ text: '✅ Siap, dilaksanakan', callbackData: 'ack:1' }]];
    for (const [kind, method] of [['photo', 'sendPhoto'], ['video', 'sendVideo'], ['document', 'sendDocument']] as const) {
      const outcome = await gateway.deliver({ kind: 'media', chatId: 60n, media: { kind, fileId: `file-${kind}` }, caption: `<b>ARAHAN</b> ${kind} &amp; lain`, buttons });
      expect(outcome).toEqual({ ok: true, messageId: expect.any(Number) });
      const sent = await tg.waitFor((c) => c.method === method && c.chatId === 60);
      expect(sent).toMatchObject({ media: { kind, fileId: `file-${kind}` }, caption: `<b>ARAHAN</b> ${kind} &amp; lain`, plainText: `ARAHAN ${kind} & lain`, parseMode: 'HTML' });
      expect(sent.replyMarkup).toEqual({ inline_keyboard: [[{ text: '✅ Siap, dilaksanakan', callback_data: 'ack:1' }]] });
      expect(outcome).toMatchObject({ messageId: sent.messageId });
    }
    expect(await gateway.deliver({ kind: 'media', chatId: 61n, media: { kind: 'photo', fileId: 'bare' }, caption: '' })).toMatchObject({ ok: true });
    expect((await tg.waitFor((c) => c.method === 'sendPhoto' && c.chatId === 61)).params).not.toHaveProperty('caption');
  });

  it('edits a media caption and pins a message, loud or silent', async () => {
    const sent = await gateway.deliver({ kind: 'media', chatId: -62n, media: { kind: 'photo', fileId: 'p' }, caption: 'Arahan <b>segera</b>' });
    const messageId = sent.ok ? (sent.messageId ?? 0) : 0;
    expect(await gateway.deliver({ kind: 'editCaption', chatId: -62n, messageId, caption: 'Arahan <b>segera</b> — ✅ 3 OPD' })).toEqual({ ok: true, messageId });
    expect(await gateway.deliver({ kind: 'editCaption', chatId: -62n, messageId, caption: 'Arahan <b>segera</b> — ✅ 3 OPD' })).toEqual({ ok: true }); // not modified: fine
    expect(await gateway.deliver({ kind: 'pin', chatId: -62n, messageId })).toEqual({ ok: true, messageId });
    expect(await gateway.deliver({ kind: 'pin', chatId: -62n, messageId, silent: true })).toEqual({ ok: true, messageId });
    const pins = tg.sent.filter((c) => c.method === 'pinChatMessage' && c.chatId === -62);
    expect(pins.map((c) => [c.messageId, c.params.disable_notification])).toEqual([
      [messageId, false],
      [messageId, true],
    ]);
    expect(tg.pinnedMessages(-62)).toEqual([messageId]);
  });

  it('classifies media and pin failures like messages', async () => {
    const photo = (chatId: bigint, caption = 'foto') => ({ kind: 'media' as const, chatId, media: { kind: 'photo' as const, fileId: 'p' }, caption });
    tg.failNext('sendPhoto', { chatId: 63, error: { error_code: 429, description: 'Too Many Requests: retry after 5', parameters: { retry_after: 5 } } });
    expect(await gateway.deliver(photo(63n))).toEqual({ ok: false, error: { kind: 'rate_limited', retryAfterSeconds: 5 } });
    tg.blockChat(64);
    expect(await gateway.deliver(photo(64n))).toMatchObject({ ok: false, error: { kind: 'blocked' } });
    tg.removeChat(65);
    expect(await gateway.deliver(photo(65n))).toMatchObject({ ok: false, error: { kind: 'chat_not_found' } });
    tg.failNext('sendVideo', { chatId: 66, error: { error_code: 500, description: 'Internal Server Error' } });
    expect(await gateway.deliver({ kind: 'media', chatId: 66n, media: { kind: 'video', fileId: 'v' }, caption: 'x' })).toMatchObject({ ok: false, error: { kind: 'transient' } });
    tg.migrateGroup(-67, -1000000000067);
    expect(await gateway.deliver(photo(-67n))).toEqual({ ok: false, error: { kind: 'migrated', newChatId: -1000000000067n } });
    expect(await gateway.deliver(photo(68n, 'x'.repeat(1025)))).toMatchObject({ ok: false, error: { kind: 'rejected', code: 400, description: expect.stringMatching(/caption is too long/) } });
    expect(await gateway.deliver({ kind: 'media', chatId: 68n, media: { kind: 'document', fileId: 'no such file' }, caption: '' })).toMatchObject({
      ok: false,
      error: { kind: 'rejected', code: 400, description: expect.stringMatching(/wrong file identifier/) },
    });

    expect(await gateway.deliver({ kind: 'pin', chatId: 68n, messageId: 999 })).toMatchObject({ ok: false, error: { kind: 'rejected', code: 400, description: expect.stringMatching(/message to pin not found/) } });
    tg.failNext('pinChatMessage', { chatId: -69, error: { error_code: 400, description: 'Bad Request: not enough rights to manage pinned messages in the chat' } });
    expect(await gateway.deliver({ kind: 'pin', chatId: -69n, messageId: 1 })).toMatchObject({ ok: false, error: { kind: 'rejected', code: 400 } });
    tg.failNext('pinChatMessage', { chatId: -70, error: { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } } });
    expect(await gateway.deliver({ kind: 'pin', chatId: -70n, messageId: 1 })).toEqual({ ok: false, error: { kind: 'rate_limited', retryAfterSeconds: 3 } });
    expect(await gateway.deliver({ kind: 'pin', chatId: 64n, messageId: 1 })).toMatchObject({ ok: false, error: { kind: 'blocked' } });
    expect(await gateway.deliver({ kind: 'pin', chatId: -67n, messageId: 1 })).toMatchObject({ ok: false, error: { kind: 'migrated' } });
  });

  it('uploads a document and a photo the bot made: the exact bytes and name arrive, and the outcome carries the file_id to send them again by', async () => {
    const workbook = await sampleWorkbook('Rekap', [['OPD', 'Laporan'], ['DINKES', 4]]);
    const buttons = [[{ text: 'Rekap lengkap', url: 'https://example.org/rekap' }]];
    const doc = await gateway.deliver({ kind: 'media', chatId: 80n, media: { kind: 'document', fileName: 'rekap-2026-11.xlsx', bytes: workbook }, caption: '<b>Rekap</b> November', buttons });
    const docCall = await tg.waitFor((c) => c.method === 'sendDocument' && c.chatId === 80);
    expect(doc).toEqual({ ok: true, messageId: docCall.messageId, fileId: docCall.media?.fileId });
    expect(docCall).toMatchObject({ upload: { fieldName: 'document', fileName: 'rekap-2026-11.xlsx' }, plainText: 'Rekap November', parseMode: 'HTML' });
    expect(docCall.replyMarkup).toEqual({ inline_keyboard: [[{ text: 'Rekap lengkap', url: 'https://example.org/rekap' }]] });
    expect(docCall.upload?.bytes).toEqual(workbook);
    expect(await readWorkbook(docCall.upload?.bytes ?? new Uint8Array())).toEqual({ sheet: 'Rekap', rows: [['OPD', 'Laporan'], ['DINKES', 4]] });

    // A view into a larger buffer: exactly its own bytes are uploaded.
    const backing = new Uint8Array(10_000);
    const png = samplePng(640, 360);
    backing.set(png, 123);
    const chart = backing.subarray(123, 123 + png.byteLength);
    const photo = await gateway.deliver({ kind: 'media', chatId: 80n, media: { kind: 'photo', fileName: 'grafik.png', bytes: chart }, caption: '' });
    const photoCall = await tg.waitFor((c) => c.method === 'sendPhoto' && c.chatId === 80);
    expect(photoCall.params).not.toHaveProperty('caption');
    expect(photoCall.upload).toMatchObject({ fileName: 'grafik.png', bytes: png });
    expect(readPng(photoCall.upload?.bytes ?? new Uint8Array(), 639, 359)).toMatchObject({ width: 640, height: 360 });
    const largest = (photoCall.file?.fileIds ?? []).at(-1);
    expect(photo).toEqual({ ok: true, messageId: photoCall.messageId, fileId: largest });

    // Sent again by those file_ids: no upload, the same files.
    const fileIdOf = (outcome: typeof doc) => (outcome.ok ? (outcome.fileId ?? '') : '');
    expect(await gateway.deliver({ kind: 'media', chatId: 81n, media: { kind: 'document', fileId: fileIdOf(doc) }, caption: 'lagi' })).toEqual({ ok: true, messageId: expect.any(Number) });
    expect(await gateway.deliver({ kind: 'media', chatId: 81n, media: { kind: 'photo', fileId: fileIdOf(photo) }, caption: 'lagi' })).toMatchObject({ ok: true });
    const again = tg.sent.filter((c) => c.chatId === 81);
    expect(again.map((c) => [c.method, c.upload, c.file?.fileName])).toEqual([
      ['sendDocument', undefined, 'rekap-2026-11.xlsx'],
      ['sendPhoto', undefined, 'grafik.png'],
    ]);
  });

  it('an upload fails like any message, and a file name that would break the multipart header is made safe', async () => {
    const file = { kind: 'document' as const, fileName: 'rekap "final"\r\n.xlsx', bytes: new TextEncoder().encode('PK workbook') };
    tg.failNext('sendDocument', { chatId: 82, error: { error_code: 429, description: 'Too Many Requests: retry after 4', parameters: { retry_after: 4 } } });
    expect(await gateway.deliver({ kind: 'media', chatId: 82n, media: file, caption: 'x' })).toEqual({ ok: false, error: { kind: 'rate_limited', retryAfterSeconds: 4 } });
    tg.failNext('sendDocument', { chatId: 82, error: { error_code: 500, description: 'Internal Server Error' } });
    expect(await gateway.deliver({ kind: 'media', chatId: 82n, media: file, caption: 'x' })).toMatchObject({ ok: false, error: { kind: 'transient' } });
    tg.blockChat(83);
    expect(await gateway.deliver({ kind: 'media', chatId: 83n, media: file, caption: 'x' })).toMatchObject({ ok: false, error: { kind: 'blocked' } });
    expect(await gateway.deliver({ kind: 'media', chatId: 82n, media: { ...file, kind: 'photo' }, caption: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'rejected', code: 400, description: expect.stringMatching(/IMAGE_PROCESS_FAILED/) },
    });
    expect(tg.uploads.filter((c) => c.chatId === 82)).toHaveLength(0);

    expect(await gateway.deliver({ kind: 'media', chatId: 82n, media: file, caption: 'x' })).toMatchObject({ ok: true, fileId: expect.any(String) });
    const [sent] = tg.uploads.filter((c) => c.chatId === 82);
    expect(sent?.upload?.fileName).toBe('rekap _final___.xlsx');
    expect(sent?.upload?.bytes).toEqual(file.bytes);
  });

  it('a network failure is transient and its message never carries the token', async () => {
    const offline = telegrafGateway(new Telegraf(TEST_TOKEN, { telegram: { apiRoot: 'http://127.0.0.1:1' } }).telegram);
    const outcome = await offline.deliver(text(1n));
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'transient' } });
    expect(JSON.stringify(outcome)).not.toContain(TEST_TOKEN);
  });
});
