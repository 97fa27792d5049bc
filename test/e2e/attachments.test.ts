import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutboxEntry } from '../../src/app/ports/repositories.port.ts';
import { captionForFile } from '../../src/domain/text/delivery.ts';
import { startHarness, type Harness } from '../helpers/kopdar-harness.ts';
import { readPng, readWorkbook, samplePng, sampleWorkbook } from '../helpers/sample-files.ts';

/**
 * No command replies with a file yet (/rekap will): this file adds a test-only /berkas to the
 * command list, so the real bot is driven end to end, from the update to the upload.
 * "/berkas" answers a short caption; "/berkas panjang" one too long for a caption.
 */
vi.mock('../../commands/index.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../commands/index.ts')>();
  const { defineCommand } = await import('../../commands/spec.ts');
  const { z } = await import('zod');
  const files = await import('../helpers/sample-files.ts');
  const berkas = defineCommand({
    name: 'berkas',
    roles: ['superadmin'],
    chats: ['private'],
    help: () => ({ usage: '/berkas', description: 'Berkas uji' }),
    usage: () => '/berkas',
    args: z.object({ text: z.string() }),
    run: async (_ctx, args) => {
      const long = args.text === 'panjang';
      const text = long ? `<b>Rekap November</b>\n\n${'DINKES melapor 12 kali &amp; tepat waktu. '.repeat(40)}` : '<b>Rekap</b> November &amp; grafiknya';
      return {
        replies: [
          {
            text,
            buttons: [[{ text: 'Rekap lengkap', url: 'https://example.org/rekap' }]],
            attachment: { kind: 'document', fileName: 'rekap-2026-11.xlsx', bytes: await files.sampleWorkbook('Rekap', [['OPD', 'Laporan'], ['DINKES', 12]]) },
          },
          { text: 'Grafik laporan', attachment: { kind: 'photo', fileName: 'grafik.png', bytes: files.samplePng(800, 400) } },
        ],
      };
    },
  });
  return { ...actual, commands: [...actual.commands, berkas] };
});

const superadmin = { id: 1001, first_name: 'Sari', username: 'sari' };

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

function query<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe('files the bot makes', () => {
  it('a reply with an attachment arrives as that document with its caption and buttons; a second reply as a photo', async () => {
    h = await startHarness({ superadminIds: [superadmin.id] });
    const since = h.tg.sent.length;
    h.tg.sendText({ from: superadmin, text: '/berkas' });
    const doc = await h.tg.waitFor((c) => c.method === 'sendDocument' && c.chatId === superadmin.id, { since, timeoutMs: 10_000 });
    const photo = await h.tg.waitFor((c) => c.method === 'sendPhoto' && c.chatId === superadmin.id, { since, timeoutMs: 10_000 });

    expect(doc).toMatchObject({ caption: '<b>Rekap</b> November &amp; grafiknya', plainText: 'Rekap November & grafiknya', parseMode: 'HTML', upload: { fileName: 'rekap-2026-11.xlsx' } });
    expect(doc.replyMarkup).toEqual({ inline_keyboard: [[{ text: 'Rekap lengkap', url: 'https://example.org/rekap' }]] });
    expect(await readWorkbook(doc.upload?.bytes ?? new Uint8Array())).toEqual({ sheet: 'Rekap', rows: [['OPD', 'Laporan'], ['DINKES', 12]] });
    expect(photo).toMatchObject({ plainText: 'Grafik laporan', upload: { fileName: 'grafik.png' } });
    expect(readPng(photo.upload?.bytes ?? new Uint8Array())).toMatchObject({ width: 800, height: 400 });
    expect(photo.at).toBeGreaterThanOrEqual(doc.at); // in reply order
    expect(h.tg.sent.slice(since).filter((c) => c.method === 'sendMessage' && c.chatId === superadmin.id)).toEqual([]);
    expect(h.tg.stats.rateLimited).toBe(0);
  });

  it('a caption over 1,024 characters: the text goes first as a message, then the file without a caption, buttons under the file', async () => {
    h = await startHarness({ superadminIds: [superadmin.id] });
    const since = h.tg.sent.length;
    h.tg.sendText({ from: superadmin, text: '/berkas panjang' });
    await h.tg.waitFor((c) => c.method === 'sendPhoto' && c.chatId === superadmin.id, { since, timeoutMs: 10_000 });

    const calls = h.tg.sent.slice(since).filter((c) => c.chatId === superadmin.id && c.method !== 'setMyCommands');
    expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'sendDocument', 'sendPhoto']);
    const [text, doc] = calls;
    expect(text?.plainText).toMatch(/^Rekap November\n\nDINKES melapor 12 kali & tepat waktu\./);
    expect(text?.plainText?.length).toBeGreaterThan(1024);
    expect(text?.replyMarkup).toBeUndefined();
    expect(doc?.params).not.toHaveProperty('caption');
    expect(doc?.replyMarkup).toEqual({ inline_keyboard: [[{ text: 'Rekap lengkap', url: 'https://example.org/rekap' }]] });
    expect(doc?.upload?.fileName).toBe('rekap-2026-11.xlsx');
  });

  it('the outbox: a monthly workbook to three leaders, its summary too long for a caption, is uploaded once and reaches each leader after the summary', async () => {
    h = await startHarness({ superadminIds: [superadmin.id] });
    const leaders = [3001, 3002, 3003];
    const bytes = await sampleWorkbook('Rekap Bulanan', [['OPD', 'Laporan'], ['DINKES', 30], ['DISHUB', 21]]);
    const summary = `<b>Rekap bulan November</b>\n\n${'Seluruh OPD melapor tepat waktu. '.repeat(50)}`;
    const { deps } = h.kopdar;
    await deps.uow.run(async (repos) => {
      const at = deps.clock.now();
      const attachmentId = await repos.outbox.addAttachment({ kind: 'document', fileName: 'rekap-bulanan-2026-11.xlsx', bytes }, at);
      const { before, caption } = captionForFile(summary);
      const entries = leaders.flatMap((chat, i): OutboxEntry[] => [
        ...before.map((text, part): OutboxEntry => ({ chatId: BigInt(chat), text, kind: 'digest', lane: 'bulk', dedupeKey: `rekap:2026-11:${i}:${part}` })),
        { chatId: BigInt(chat), text: caption, kind: 'digest', lane: 'bulk', attachmentId, dedupeKey: `rekap:2026-11:${i}:file` },
      ]);
      await repos.outbox.enqueue(entries, at);
    });
    h.kopdar.relay.wake();
    await h.tg.waitFor((c) => c.method === 'sendDocument' && c.chatId === 3003, { timeoutMs: 10_000 });
    await h.kopdar.relay.whenIdle();

    for (const chat of leaders) {
      const calls = h.tg.sent.filter((c) => c.chatId === chat);
      expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'sendDocument']);
      expect(calls[1]?.file?.fileName).toBe('rekap-bulanan-2026-11.xlsx');
      expect(calls[1]?.file?.bytes).toEqual(bytes);
    }
    expect(h.tg.uploads.map((c) => c.chatId)).toEqual([3001]);
    const fileId = h.tg.uploads[0]?.media?.fileId;
    expect(h.tg.sent.filter((c) => c.method === 'sendDocument').map((c) => c.media?.fileId)).toEqual([fileId, fileId, fileId]);
    expect(query<{ fileId: string }>(h.databaseFile, 'SELECT fileId FROM Attachment')).toEqual([{ fileId }]);
    expect(query<{ status: string }>(h.databaseFile, 'SELECT DISTINCT status FROM OutboxMessage')).toEqual([{ status: 'sent' }]);
    await h.waitForLog((l) => l.event === 'outbox.uploaded' && l.fileName === 'rekap-bulanan-2026-11.xlsx' && l.size === bytes.byteLength);
    // The log says which file and how big, never what is in it.
    expect(h.logLines.filter((line) => line.length > 2000 || line.includes('"bytes"'))).toEqual([]);
    expect(h.tg.stats.rateLimited).toBe(0);
  });
});
