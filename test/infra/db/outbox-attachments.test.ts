import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../src/app/ports/repositories.port.ts';
import type { FileUpload } from '../../../src/domain/media.ts';
import { openMigratedDatabase } from '../../../src/infra/db/open.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function database() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kopdar-outbox-attachments-'));
  const file = path.join(dir, 'k.db');
  const db = await openMigratedDatabase(`file:${file}`);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => db.close());
  return { db, file };
}

function count(file: string, table: string): number {
  const db = new Sqlite(file, { readonly: true });
  try {
    return Number((db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n);
  } finally {
    db.close();
  }
}

const at = new Date('2026-11-23T01:00:00.000Z');
const workbook: FileUpload = { kind: 'document', fileName: 'rekap-2026-11.xlsx', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 255]) };
const row = (chatId: number, extra: Partial<OutboxEntry> = {}): OutboxEntry => ({ chatId: BigInt(chatId), text: `Rekap ${chatId}`, kind: 'digest', lane: 'bulk', ...extra });

describe('outbox repository: attachments', () => {
  it('stores a file once for many rows; pending rows carry its bytes until it is uploaded, then its file_id', async () => {
    const { db } = await database();
    const caller = new Uint8Array(workbook.bytes);
    const attachmentId = await db.uow.run(async (repos) => {
      const id = await repos.outbox.addAttachment({ ...workbook, bytes: caller }, at);
      await repos.outbox.enqueue([row(1, { attachmentId: id, dedupeKey: 'r:1' }), row(2, { attachmentId: id, dedupeKey: 'r:2' }), row(3)], at);
      return id;
    });
    caller.fill(0); // the stored file is a copy

    const before = await db.uow.run((repos) => repos.outbox.pending(10));
    expect(before).toEqual([
      { id: 1, chatId: 1n, text: 'Rekap 1', kind: 'digest', lane: 'bulk', dedupeKey: 'r:1', attachmentId, attempts: 0, attachment: { id: attachmentId, media: { ...workbook, bytes: workbook.bytes } } },
      { id: 2, chatId: 2n, text: 'Rekap 2', kind: 'digest', lane: 'bulk', dedupeKey: 'r:2', attachmentId, attempts: 0, attachment: { id: attachmentId, media: { ...workbook, bytes: workbook.bytes } } },
      { id: 3, chatId: 3n, text: 'Rekap 3', kind: 'digest', lane: 'bulk', attempts: 0 },
    ]);
    expect(before[0]?.attachment).toBe(before[1]?.attachment); // read once for both rows

    await db.uow.run((repos) => repos.outbox.attachmentUploaded(attachmentId, 'BQACfile'));
    const after = await db.uow.run((repos) => repos.outbox.pending(10));
    expect(after.map((r) => r.attachment)).toEqual([
      { id: attachmentId, media: { kind: 'document', fileId: 'BQACfile' } },
      { id: attachmentId, media: { kind: 'document', fileId: 'BQACfile' } },
      undefined,
    ]);
    // Dedupe keys work as for any row: the same recap enqueued again writes nothing.
    expect(await db.uow.run((repos) => repos.outbox.enqueue([row(1, { attachmentId, dedupeKey: 'r:1' })], at))).toBe(0);
  });

  it('refuses what Telegram would refuse, a reference to no attachment, and media together with an attachment, writing nothing', async () => {
    const { db, file } = await database();
    const fail = (work: Parameters<typeof db.uow.run>[0]) => expect(db.uow.run(work)).rejects.toThrow();
    await fail((repos) => repos.outbox.addAttachment({ ...workbook, bytes: new Uint8Array() }, at));
    await fail((repos) => repos.outbox.addAttachment({ kind: 'photo', fileName: 'besar.png', bytes: new Uint8Array(10 * 1024 * 1024 + 1) }, at));
    await fail(async (repos) => {
      await repos.outbox.enqueue([row(1)], at);
      return repos.outbox.enqueue([row(2, { attachmentId: 99 })], at);
    });
    await fail(async (repos) => {
      const attachmentId = await repos.outbox.addAttachment(workbook, at);
      return repos.outbox.enqueue([row(3, { attachmentId, media: { kind: 'photo', fileId: 'AgAC' } })], at);
    });
    expect(count(file, 'Attachment')).toBe(0);
    expect(count(file, 'OutboxMessage')).toBe(0);
    // A photo at the limit is fine.
    await expect(db.uow.run((repos) => repos.outbox.addAttachment({ kind: 'photo', fileName: 'pas.png', bytes: new Uint8Array(10 * 1024 * 1024) }, at))).resolves.toBe(1);
  });
});
