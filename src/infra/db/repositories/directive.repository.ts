import { z } from 'zod';
import type { DirectiveRecord, DirectiveRepository } from '../../../app/ports/repositories.port.ts';
import { isPriority, type Audience, type DirectiveStatus } from '../../../domain/directives/directive.ts';
import type { Directive } from '../generated/client.ts';
import type { Tx } from './tx.ts';

const audienceSchema: z.ZodType<Audience> = z.union([
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('opds'), codes: z.array(z.string()) }),
  z.object({ kind: z.literal('types'), types: z.array(z.string()) }),
]);
const statuses: readonly DirectiveStatus[] = ['draft', 'sent', 'cancelled'];
const mediaKinds = ['photo', 'video', 'document'] as const;

function toRecord(row: Directive): DirectiveRecord {
  const mediaKind = mediaKinds.find((k) => k === row.mediaKind);
  return {
    id: row.id,
    authorId: row.authorId,
    fromLeader: row.fromLeader,
    text: row.text,
    media: mediaKind && row.mediaFileId ? { kind: mediaKind, fileId: row.mediaFileId } : null,
    priority: isPriority(row.priority) ? row.priority : 'biasa',
    audience: audienceSchema.parse(JSON.parse(row.audience)),
    requireAck: row.requireAck,
    deadline: row.deadline,
    status: statuses.find((s) => s === row.status) ?? 'draft',
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    remindedAt: row.remindedAt,
    summarizedAt: row.summarizedAt,
  };
}

export function directiveRepository(tx: Tx): DirectiveRepository {
  return {
    async create(input) {
      const row = await tx.directive.create({
        data: {
          authorId: input.authorId,
          fromLeader: input.fromLeader,
          text: input.text,
          mediaKind: input.media?.kind ?? null,
          mediaFileId: input.media?.fileId ?? null,
          priority: input.priority,
          audience: JSON.stringify(input.audience),
          requireAck: input.requireAck,
          deadline: input.deadline,
          createdAt: input.createdAt,
        },
      });
      return toRecord(row);
    },
    async find(id) {
      const row = await tx.directive.findUnique({ where: { id } });
      return row ? toRecord(row) : null;
    },
    async updateDraft(id, patch) {
      const { count } = await tx.directive.updateMany({ where: { id, status: 'draft' }, data: patch });
      return count === 1;
    },
    async leaveDraft(id, status, at) {
      const { count } = await tx.directive.updateMany({ where: { id, status: 'draft' }, data: { status, ...(status === 'sent' ? { sentAt: at } : {}) } });
      return count === 1;
    },
    async markReminded(id, at) {
      await tx.directive.update({ where: { id }, data: { remindedAt: at } });
    },
    async markSummarized(id, at) {
      await tx.directive.update({ where: { id }, data: { summarizedAt: at } });
    },
    async recent(limit) {
      return (await tx.directive.findMany({ where: { status: { not: 'draft' } }, orderBy: { id: 'desc' }, take: limit })).map(toRecord);
    },
    async awaitingReminder() {
      const rows = await tx.directive.findMany({ where: { status: 'sent', requireAck: true, remindedAt: null, priority: { in: ['segera', 'penting'] } } });
      return rows.map(toRecord);
    },
    async pastDeadline(now) {
      return (await tx.directive.findMany({ where: { status: 'sent', summarizedAt: null, deadline: { lte: now } } })).map(toRecord);
    },
    async addDeliveries(deliveries) {
      for (let i = 0; i < deliveries.length; i += 100) await tx.directiveDelivery.createMany({ data: deliveries.slice(i, i + 100) });
    },
    async deliveryByOutboxId(outboxId) {
      return tx.directiveDelivery.findUnique({ where: { outboxId }, select: { directiveId: true, opdId: true } });
    },
    async deliveries(directiveId) {
      const rows = await tx.directiveDelivery.findMany({ where: { directiveId }, orderBy: { id: 'asc' } });
      const outbox = new Map(
        (await tx.outboxMessage.findMany({ where: { id: { in: rows.map((r) => r.outboxId) } }, select: { id: true, status: true, messageId: true, lastError: true } })).map((o) => [o.id, o]),
      );
      return rows.map((r) => {
        const row = outbox.get(r.outboxId);
        return { opdId: r.opdId, userId: r.userId, chatId: r.chatId, outboxId: r.outboxId, status: row?.status ?? 'pending', messageId: row?.messageId ?? null, error: row?.lastError ?? null };
      });
    },
    async acknowledge({ directiveId, opdId, userId, at }) {
      const existing = await tx.directiveAck.findUnique({ where: { directiveId_opdId: { directiveId, opdId } } });
      if (existing) return { first: false, ack: { opdId: existing.opdId, userId: existing.userId, at: existing.at } };
      await tx.directiveAck.create({ data: { directiveId, opdId, userId, at } });
      return { first: true, ack: { opdId, userId, at } };
    },
    async acks(directiveId) {
      return (await tx.directiveAck.findMany({ where: { directiveId }, orderBy: { at: 'asc' } })).map((a) => ({ opdId: a.opdId, userId: a.userId, at: a.at }));
    },
    async addQuestion(question) {
      await tx.directiveQuestion.create({ data: question });
    },
    async followUps(directiveId) {
      const groups = await tx.report.groupBy({ by: ['opdId'], where: { directiveId }, _count: { _all: true } });
      return new Map(groups.map((g) => [g.opdId, g._count._all]));
    },
  };
}
