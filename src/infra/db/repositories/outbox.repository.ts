import { z } from 'zod';
import type { OutboxEntry, OutboxKind, OutboxLane, OutboxRepository, StoredOutboxMessage } from '../../../app/ports/repositories.port.ts';
import type { Button } from '../../../app/reply.ts';
import type { OutboxMessage } from '../generated/client.ts';
import type { Tx } from './tx.ts';

const buttonsSchema = z.array(z.array(z.union([z.object({ text: z.string(), callbackData: z.string() }), z.object({ text: z.string(), url: z.string() })])));
const kinds: readonly OutboxKind[] = ['nudge', 'escalation', 'digest', 'notice', 'directive'];

function toStored(row: OutboxMessage): StoredOutboxMessage {
  const buttons: Button[][] | undefined = row.buttons ? buttonsSchema.parse(JSON.parse(row.buttons)) : undefined;
  const lane: OutboxLane = row.lane === 'urgent' ? 'urgent' : 'bulk';
  return {
    id: row.id,
    chatId: row.chatId,
    text: row.text,
    ...(buttons ? { buttons } : {}),
    kind: kinds.find((k) => k === row.kind) ?? 'notice',
    lane,
    ...(row.dedupeKey ? { dedupeKey: row.dedupeKey } : {}),
    attempts: row.attempts,
  };
}

export function outboxRepository(tx: Tx): OutboxRepository {
  const add = async (entry: OutboxEntry, at: Date): Promise<number | null> => {
    if (entry.dedupeKey && (await tx.outboxMessage.findUnique({ where: { dedupeKey: entry.dedupeKey }, select: { id: true } }))) return null;
    const row = await tx.outboxMessage.create({
      data: {
        chatId: entry.chatId,
        text: entry.text,
        buttons: entry.buttons ? JSON.stringify(entry.buttons) : null,
        kind: entry.kind,
        lane: entry.lane,
        dedupeKey: entry.dedupeKey ?? null,
        createdAt: at,
      },
      select: { id: true },
    });
    return row.id;
  };
  return {
    async enqueue(entries, at) {
      let written = 0;
      for (const entry of entries) if ((await add(entry, at)) !== null) written++;
      return written;
    },
    add: (entry, at) => add(entry, at),
    async pending(limit) {
      return (await tx.outboxMessage.findMany({ where: { status: 'pending' }, orderBy: { id: 'asc' }, take: limit })).map(toStored);
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
