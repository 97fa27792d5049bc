import { z } from 'zod';
import type { OutboxEntry, OutboxKind, OutboxLane, OutboxRepository, StoredOutboxMessage } from '../../../app/ports/repositories.port.ts';
import type { Button } from '../../../app/reply.ts';
import { isMediaKind, type MediaRef } from '../../../domain/media.ts';
import type { OutboxMessage } from '../generated/client.ts';
import type { Tx } from './tx.ts';

const buttonsSchema = z.array(z.array(z.union([z.object({ text: z.string(), callbackData: z.string() }), z.object({ text: z.string(), url: z.string() })])));
const kinds: readonly OutboxKind[] = ['nudge', 'escalation', 'digest', 'notice', 'directive'];

function toStored(row: OutboxMessage): StoredOutboxMessage {
  const buttons: Button[][] | undefined = row.buttons ? buttonsSchema.parse(JSON.parse(row.buttons)) : undefined;
  const lane: OutboxLane = row.lane === 'urgent' || row.lane === 'high' ? row.lane : 'bulk';
  const media = mediaOf(row);
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
    ...(row.editMessageId !== null ? { editMessageId: row.editMessageId } : {}),
    attempts: row.attempts,
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
function rowData(entry: OutboxEntry, at: Date) {
  return {
    chatId: entry.chatId,
    text: entry.text,
    buttons: entry.buttons ? JSON.stringify(entry.buttons) : null,
    kind: entry.kind,
    lane: entry.lane,
    dedupeKey: entry.dedupeKey ?? null,
    mediaKind: entry.media?.kind ?? null,
    mediaFileId: entry.media?.fileId ?? null,
    pin: entry.pin ?? false,
    editMessageId: entry.editMessageId ?? null,
    createdAt: at,
  };
}

export function outboxRepository(tx: Tx): OutboxRepository {
  /**
   * Writes the entries whose dedupe key is new (the first of equal keys wins) in multi-row
   * INSERTs: a 2,000-recipient directive is ~40 statements instead of ~4,000, so the transaction
   * that writes it stays short. Returns each entry's id, or null when it was skipped.
   */
  const addAll = async (entries: readonly OutboxEntry[], at: Date): Promise<(number | null)[]> => {
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
      const rows = await tx.outboxMessage.createManyAndReturn({ data: batch.map(({ entry }) => rowData(entry, at)), select: { id: true, dedupeKey: true } });
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
      return rows.map(toStored);
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
  };
}
