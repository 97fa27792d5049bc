import { z } from 'zod';
import type { OutboxAttachment, OutboxEntry, OutboxKind, OutboxLane, OutboxRepository, StoredOutboxMessage } from '../../../app/ports/repositories.port.ts';
import type { Button } from '../../../app/reply.ts';
import { isMediaKind, isUploadKind, uploadProblem, type MediaRef, type UploadKind } from '../../../domain/media.ts';
import type { OutboxMessage } from '../generated/client.ts';
import type { Tx } from './tx.ts';

const buttonsSchema = z.array(z.array(z.union([z.object({ text: z.string(), callbackData: z.string() }), z.object({ text: z.string(), url: z.string() })])));
const kinds: readonly OutboxKind[] = ['nudge', 'escalation', 'digest', 'notice', 'directive', 'recap'];

function toStored(row: OutboxMessage, attachments: ReadonlyMap<number, OutboxAttachment>): StoredOutboxMessage {
  const buttons: Button[][] | undefined = row.buttons ? buttonsSchema.parse(JSON.parse(row.buttons)) : undefined;
  const lane: OutboxLane = row.lane === 'urgent' || row.lane === 'high' ? row.lane : 'bulk';
  // An attachment row's mediaKind says what it is uploaded as; it has no media of its own.
  const media = row.attachmentId === null ? mediaOf(row) : undefined;
  const attachment = row.attachmentId === null ? undefined : attachments.get(row.attachmentId);
  return {
    id: row.id,
    chatId: row.chatId,
    text: row.text,
    ...(buttons ? { buttons } : {}),
    kind: kinds.find((k) => k === row.kind) ?? 'notice',
    lane,
    ...(row.dedupeKey ? { dedupeKey: row.dedupeKey } : {}),
    ...(media ? { media } : {}),
    ...(row.pin ? { pin: true } : {}),
    ...(row.attachmentId !== null ? { attachmentId: row.attachmentId } : {}),
    ...(row.editMessageId !== null ? { editMessageId: row.editMessageId } : {}),
    attempts: row.attempts,
    ...(attachment ? { attachment } : {}),
  };
}

/** The row's media; a kind this code does not know, or no file id, leaves it a text row (its caption). */
function mediaOf(row: OutboxMessage): MediaRef | undefined {
  if (!isMediaKind(row.mediaKind) || !row.mediaFileId) return undefined;
  return { kind: row.mediaKind, fileId: row.mediaFileId };
}

/** Rows per INSERT / keys per IN list: well under SQLite's (and Prisma's) bound-parameter limits. */
const CHUNK = 100;

/** The columns of a new row, in one place for every way rows are written. */
function rowData(entry: OutboxEntry, at: Date, attachmentKinds: ReadonlyMap<number, UploadKind>) {
  const attachmentKind = entry.attachmentId === undefined ? undefined : attachmentKinds.get(entry.attachmentId);
  return {
    chatId: entry.chatId,
    text: entry.text,
    buttons: entry.buttons ? JSON.stringify(entry.buttons) : null,
    kind: entry.kind,
    lane: entry.lane,
    dedupeKey: entry.dedupeKey ?? null,
    mediaKind: attachmentKind ?? entry.media?.kind ?? null,
    mediaFileId: entry.media?.fileId ?? null,
    pin: entry.pin ?? false,
    attachmentId: entry.attachmentId ?? null,
    editMessageId: entry.editMessageId ?? null,
    createdAt: at,
  };
}

export function outboxRepository(tx: Tx): OutboxRepository {
  /** The kinds of the attachments entries reference; a reference to nothing is a bug, refused before anything is written. */
  const attachmentKindsOf = async (entries: readonly OutboxEntry[]): Promise<Map<number, UploadKind>> => {
    const kinds = new Map<number, UploadKind>();
    for (const entry of entries) {
      if (entry.attachmentId !== undefined && entry.media) throw new Error('outbox: an entry has either media or an attachment, not both');
    }
    const ids = [...new Set(entries.flatMap((e) => (e.attachmentId === undefined ? [] : [e.attachmentId])))];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await tx.attachment.findMany({ where: { id: { in: ids.slice(i, i + CHUNK) } }, select: { id: true, kind: true } });
      for (const row of rows) if (isUploadKind(row.kind)) kinds.set(row.id, row.kind);
    }
    const missing = ids.find((id) => !kinds.has(id));
    if (missing !== undefined) throw new Error(`outbox: attachment ${missing} does not exist`);
    return kinds;
  };

  /**
   * The attachments of rows about to be sent. The bytes are read only for those not uploaded yet
   * (then once per attachment, however many rows share it); the rest go by file_id.
   */
  const attachmentsOf = async (rows: readonly OutboxMessage[]): Promise<Map<number, OutboxAttachment>> => {
    const found = new Map<number, OutboxAttachment>();
    const ids = [...new Set(rows.flatMap((r) => (r.attachmentId === null ? [] : [r.attachmentId])))];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const described = await tx.attachment.findMany({ where: { id: { in: chunk } }, select: { id: true, kind: true, fileName: true, fileId: true } });
      const toUpload = described.filter((a) => a.fileId === null).map((a) => a.id);
      const contents = new Map<number, Uint8Array>();
      if (toUpload.length > 0) {
        for (const row of await tx.attachment.findMany({ where: { id: { in: toUpload } }, select: { id: true, bytes: true } })) contents.set(row.id, row.bytes);
      }
      for (const a of described) {
        const kind: UploadKind = isUploadKind(a.kind) ? a.kind : 'document';
        const bytes = contents.get(a.id);
        if (a.fileId !== null) found.set(a.id, { id: a.id, media: { kind, fileId: a.fileId } });
        else if (bytes) found.set(a.id, { id: a.id, media: { kind, fileName: a.fileName, bytes } });
      }
    }
    return found;
  };

  /**
   * Writes the entries whose dedupe key is new (the first of equal keys wins) in multi-row
   * INSERTs: a 2,000-recipient directive is ~40 statements instead of ~4,000, so the transaction
   * that writes it stays short. Returns each entry's id, or null when it was skipped.
   */
  const addAll = async (entries: readonly OutboxEntry[], at: Date): Promise<(number | null)[]> => {
    const attachmentKinds = await attachmentKindsOf(entries);
    const keys = entries.flatMap((e) => (e.dedupeKey ? [e.dedupeKey] : []));
    const taken = new Set<string>();
    for (let i = 0; i < keys.length; i += CHUNK) {
      const rows = await tx.outboxMessage.findMany({ where: { dedupeKey: { in: keys.slice(i, i + CHUNK) } }, select: { dedupeKey: true } });
      for (const row of rows) if (row.dedupeKey) taken.add(row.dedupeKey);
    }
    const fresh: { entry: OutboxEntry; index: number }[] = [];
    entries.forEach((entry, index) => {
      if (entry.dedupeKey) {
        if (taken.has(entry.dedupeKey)) return;
        taken.add(entry.dedupeKey);
      }
      fresh.push({ entry, index });
    });
    const ids: (number | null)[] = entries.map(() => null);
    for (let i = 0; i < fresh.length; i += CHUNK) {
      const batch = fresh.slice(i, i + CHUNK);
      const rows = await tx.outboxMessage.createManyAndReturn({ data: batch.map(({ entry }) => rowData(entry, at, attachmentKinds)), select: { id: true, dedupeKey: true } });
      // RETURNING comes in no promised order; ids are assigned in insertion order.
      rows.sort((a, b) => a.id - b.id);
      batch.forEach(({ entry, index }, k) => {
        const row = rows[k];
        if (!row || row.dedupeKey !== (entry.dedupeKey ?? null)) throw new Error('outbox: inserted rows do not match the entries');
        ids[index] = row.id;
      });
    }
    return ids;
  };
  return {
    async enqueue(entries, at) {
      return (await addAll(entries, at)).filter((id) => id !== null).length;
    },
    add: async (entry, at) => (await addAll([entry], at))[0] ?? null,
    addAll: (entries, at) => addAll(entries, at),
    async pending(limit) {
      // segera (urgent) rows first, then penting (high), then the rest, so a directive written
      // behind a morning's nudges is read at once; oldest first within a lane.
      const rows: OutboxMessage[] = [];
      for (const lane of ['urgent', 'high'] as const) {
        if (rows.length < limit) rows.push(...(await tx.outboxMessage.findMany({ where: { status: 'pending', lane }, orderBy: { id: 'asc' }, take: limit - rows.length })));
      }
      if (rows.length < limit) {
        rows.push(...(await tx.outboxMessage.findMany({ where: { status: 'pending', lane: { notIn: ['urgent', 'high'] } }, orderBy: { id: 'asc' }, take: limit - rows.length })));
      }
      const attachments = await attachmentsOf(rows);
      return rows.map((row) => toStored(row, attachments));
    },
    async markSent(id, messageId, at) {
      await tx.outboxMessage.update({ where: { id }, data: { status: 'sent', messageId, sentAt: at, attempts: { increment: 1 } } });
    },
    async markFailed(id, error, at) {
      await tx.outboxMessage.update({ where: { id }, data: { status: 'failed', lastError: error.slice(0, 500), sentAt: at, attempts: { increment: 1 } } });
    },
    async retarget(oldChatId, newChatId) {
      const { count } = await tx.outboxMessage.updateMany({ where: { chatId: oldChatId, status: 'pending' }, data: { chatId: newChatId } });
      return count;
    },
    async addAttachment(file, at) {
      const problem = uploadProblem(file);
      if (problem) throw new Error(`outbox: ${file.kind} "${file.fileName}" cannot be sent: ${problem}`);
      // Prisma wants bytes over a plain ArrayBuffer; a copy also keeps later changes to the caller's buffer out.
      const row = await tx.attachment.create({ data: { kind: file.kind, fileName: file.fileName, bytes: new Uint8Array(file.bytes), createdAt: at }, select: { id: true } });
      return row.id;
    },
    async attachmentUploaded(id, fileId) {
      await tx.attachment.update({ where: { id }, data: { fileId } });
    },
    async discardUnreferencedAttachments(ids) {
      if (ids.length === 0) return 0;
      const used = await tx.outboxMessage.findMany({ where: { attachmentId: { in: [...ids] } }, select: { attachmentId: true }, distinct: ['attachmentId'] });
      const referenced = new Set(used.map((row) => row.attachmentId));
      const unused = ids.filter((id) => !referenced.has(id));
      if (unused.length === 0) return 0;
      const { count } = await tx.attachment.deleteMany({ where: { id: { in: unused } } });
      return count;
    },
  };
}
