import { afterEach, describe, expect, it } from 'vitest';
import { readPng, readWorkbook, samplePng, sampleWorkbook } from '../sample-files.ts';
import { FakeTelegramServer } from './server.ts';
import type { ApiResponse, Message } from './types.ts';

const TOKEN = '123456:TEST-token';

let tg: FakeTelegramServer;
afterEach(async () => {
  await tg.stop();
});

interface FilePart {
  readonly field: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly type?: string;
}

/** A multipart request as a Bot API client makes one: fields as text (JSON-typed ones as JSON), the file as a part. */
async function upload<T>(method: string, params: Record<string, unknown>, file?: FilePart): Promise<{ status: number; body: ApiResponse<T> }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(params)) form.append(name, typeof value === 'string' ? value : JSON.stringify(value));
  if (file) form.append(file.field, new Blob([file.bytes.slice()], file.type ? { type: file.type } : {}), file.fileName);
  const res = await fetch(`${tg.apiRoot}/bot${TOKEN}/${method}`, { method: 'POST', body: form });
  const body = (await res.json()) as ApiResponse<T>;
  expect(res.status).toBe(body.ok ? 200 : body.error_code);
  return { status: res.status, body };
}

async function ok<T>(method: string, params: Record<string, unknown>, file?: FilePart): Promise<T> {
  const { body } = await upload<T>(method, params, file);
  if (!body.ok) throw new Error(`${method} failed: ${body.description}`);
  return body.result;
}

async function json<T>(method: string, params: Record<string, unknown>): Promise<ApiResponse<T>> {
  const res = await fetch(`${tg.apiRoot}/bot${TOKEN}/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) });
  return (await res.json()) as ApiResponse<T>;
}

const keyboard = { inline_keyboard: [[{ text: 'Buka rekap', callback_data: 'rekap:1' }]] };

describe('FakeTelegramServer uploads (multipart/form-data)', () => {
  it('sendDocument with a file: the exact name and bytes are recorded, the answer is a real document, and its file_id sends it again', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    const bytes = await sampleWorkbook('Rekap November', [['OPD', 'Laporan'], ['DINKES', 12], ['DISHUB', 7]]);
    const sent = await ok<Message>('sendDocument', { chat_id: 7, caption: '<b>Rekap</b> November', parse_mode: 'HTML', reply_markup: keyboard }, { field: 'document', fileName: 'rekap-2026-11.xlsx', bytes });
    expect(sent).toMatchObject({
      message_id: 1,
      chat: { id: 7 },
      caption: 'Rekap November',
      reply_markup: keyboard,
      document: {
        file_id: expect.stringMatching(/^BQAC/),
        file_unique_id: expect.any(String),
        file_name: 'rekap-2026-11.xlsx',
        mime_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        file_size: bytes.byteLength,
      },
    });
    const fileId = sent.document?.file_id ?? '';

    const [call] = tg.uploads;
    expect(call).toMatchObject({ method: 'sendDocument', chatId: 7, caption: '<b>Rekap</b> November', plainText: 'Rekap November', media: { kind: 'document', fileId } });
    expect(call?.upload).toMatchObject({ fieldName: 'document', fileName: 'rekap-2026-11.xlsx' });
    expect(Buffer.from(call?.upload?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
    expect(call?.params).not.toHaveProperty('document'); // no bytes in the parameters a test prints
    expect(await readWorkbook(call?.upload?.bytes ?? new Uint8Array())).toEqual({ sheet: 'Rekap November', rows: [['OPD', 'Laporan'], ['DINKES', 12], ['DISHUB', 7]] });

    // A later send by file_id (JSON, no upload): same document, the file is reachable from the call.
    const again = await json<Message>('sendDocument', { chat_id: 8, document: fileId });
    expect(again).toMatchObject({ ok: true, result: { document: { file_id: fileId, file_name: 'rekap-2026-11.xlsx', file_size: bytes.byteLength } } });
    const resent = tg.sent.find((c) => c.chatId === 8);
    expect(resent?.upload).toBeUndefined();
    expect(resent?.file?.fileName).toBe('rekap-2026-11.xlsx');
    expect(tg.file(fileId)?.bytes).toEqual(bytes);
    expect(tg.uploads).toHaveLength(1);
    // A document's file_id is no photo.
    expect(await json('sendPhoto', { chat_id: 8, photo: fileId })).toMatchObject({ ok: false, error_code: 400, description: 'Bad Request: type of file mismatch' });
  });

  it('sendPhoto with a PNG: sizes smallest first, the largest being the upload, each size id sending the photo again', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    const bytes = samplePng(1600, 900);
    const sent = await ok<Message>('sendPhoto', { chat_id: -100, caption: 'Grafik' }, { field: 'photo', fileName: 'grafik.png', bytes, type: 'image/png' });
    const sizes = sent.photo ?? [];
    expect(sizes.map((s) => [s.width, s.height])).toEqual([
      [90, 51],
      [320, 180],
      [800, 450],
      [1280, 720],
      [1600, 900],
    ]);
    expect(new Set(sizes.map((s) => s.file_id)).size).toBe(sizes.length);
    const largest = sizes[sizes.length - 1]?.file_id ?? '';
    const [call] = tg.uploads;
    expect(call).toMatchObject({ method: 'sendPhoto', media: { kind: 'photo', fileId: largest }, upload: { fieldName: 'photo', fileName: 'grafik.png', mimeType: 'image/png' } });
    expect(readPng(call?.upload?.bytes ?? new Uint8Array(), 1599, 899)).toEqual({ width: 1600, height: 900, rgba: [255, 255, 128, 255] });

    for (const size of [sizes[0], sizes[sizes.length - 1]]) {
      expect(await json<Message>('sendPhoto', { chat_id: 5, photo: size?.file_id })).toMatchObject({ ok: true, result: { photo: sizes } });
    }
    expect(await json('sendDocument', { chat_id: 5, document: largest })).toMatchObject({ ok: false, description: 'Bad Request: type of file mismatch' });
  });

  it('refuses what Telegram refuses: a long caption, a non-image photo, bad dimensions, oversized files, no file at all', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN });
    const png = samplePng(20, 20);
    const photo = (bytes: Uint8Array) => ({ field: 'photo', fileName: 'p.png', bytes });
    expect((await upload('sendPhoto', { chat_id: 1, caption: 'a'.repeat(1025) }, photo(png))).body).toEqual({ ok: false, error_code: 400, description: 'Bad Request: message caption is too long' });
    expect((await upload('sendPhoto', { chat_id: 1 }, photo(new TextEncoder().encode('not an image')))).body).toMatchObject({ ok: false, description: 'Bad Request: IMAGE_PROCESS_FAILED' });
    expect((await upload('sendPhoto', { chat_id: 1 }, photo(samplePng(9000, 1001)))).body).toMatchObject({ ok: false, description: 'Bad Request: PHOTO_INVALID_DIMENSIONS' });
    expect((await upload('sendPhoto', { chat_id: 1 }, photo(samplePng(1000, 40)))).body).toMatchObject({ ok: false, description: 'Bad Request: PHOTO_INVALID_DIMENSIONS' });
    const bigPhoto = new Uint8Array(10 * 1024 * 1024 + 1);
    bigPhoto.set(png);
    expect((await upload('sendPhoto', { chat_id: 1 }, photo(bigPhoto))).body).toMatchObject({ ok: false, error_code: 400, description: 'Bad Request: file is too big' });
    const bigDocument = new Uint8Array(50 * 1024 * 1024 + 1);
    expect(await upload('sendDocument', { chat_id: 1 }, { field: 'document', fileName: 'besar.xlsx', bytes: bigDocument })).toEqual({
      status: 413,
      body: { ok: false, error_code: 413, description: 'Request Entity Too Large' },
    });
    expect((await upload('sendDocument', { chat_id: 1 }, { field: 'document', fileName: 'kosong.xlsx', bytes: new Uint8Array() })).body).toMatchObject({ ok: false, error_code: 400 });
    expect((await upload('sendDocument', { chat_id: 1, caption: 'tanpa berkas' })).body).toMatchObject({ ok: false, description: 'Bad Request: there is no document in the request' });
    // A file under another field is not the document.
    expect((await upload('sendDocument', { chat_id: 1 }, { field: 'photo', fileName: 'p.png', bytes: png })).body).toMatchObject({ ok: false, description: 'Bad Request: there is no document in the request' });
    expect(tg.sent).toHaveLength(0);
    // Plain fields of a multipart body are parameters like any others.
    await expect(ok<Message>('sendMessage', { chat_id: 3, text: '<i>lewat</i> multipart', parse_mode: 'HTML' })).resolves.toMatchObject({ text: 'lewat multipart' });
  });

  it('uploads meet blocked, missing and migrated chats, injected failures and the rate limits like any message', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN, limits: { enforce: true, perChatBurst: 1 } });
    const doc = { field: 'document', fileName: 'rekap.xlsx', bytes: new TextEncoder().encode('PK fake workbook') };
    tg.blockChat(2);
    tg.removeChat(3);
    tg.migrateGroup(-4, -1000000000004);
    expect((await upload('sendDocument', { chat_id: 2 }, doc)).body).toMatchObject({ ok: false, error_code: 403 });
    expect((await upload('sendDocument', { chat_id: 3 }, doc)).body).toMatchObject({ ok: false, description: 'Bad Request: chat not found' });
    expect((await upload('sendDocument', { chat_id: -4 }, doc)).body).toMatchObject({ ok: false, parameters: { migrate_to_chat_id: -1000000000004 } });
    tg.failNext('sendDocument', { chatId: 5, error: { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } } });
    expect((await upload('sendDocument', { chat_id: 5 }, doc)).body).toMatchObject({ ok: false, error_code: 429, parameters: { retry_after: 3 } });
    tg.failNext('sendPhoto', { error: { error_code: 502, description: 'Bad Gateway' } });
    expect(await upload('sendPhoto', { chat_id: 5 }, { field: 'photo', fileName: 'g.png', bytes: samplePng() })).toMatchObject({ status: 502 });
    expect(tg.uploads).toHaveLength(0); // a refused upload keeps nothing

    await ok('sendDocument', { chat_id: 5 }, doc);
    expect((await upload('sendDocument', { chat_id: 5 }, doc)).body).toMatchObject({ ok: false, error_code: 429 }); // 1/s per chat after a burst of 1
    expect(tg.uploads.map((c) => c.chatId)).toEqual([5]);
    expect(tg.stats.rateLimited).toBe(2);
  });
});
