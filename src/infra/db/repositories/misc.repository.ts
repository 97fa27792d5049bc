import type {
  AuditRepository,
  DeliveryFailureRepository,
  ProcessedUpdateRepository,
} from '../../../app/ports/repositories.port.ts';
import type { Tx } from './tx.ts';

export function auditRepository(tx: Tx): AuditRepository {
  return {
    async record(entry) {
      await tx.auditLog.create({
        data: {
          actorId: entry.actorId,
          action: entry.action,
          subject: entry.subject,
          details: JSON.stringify(entry.details ?? {}, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)),
          createdAt: entry.at,
        },
      });
    },
  };
}

export function processedUpdateRepository(tx: Tx): ProcessedUpdateRepository {
  return {
    async claim(updateId, at) {
      const existing = await tx.processedUpdate.findUnique({ where: { updateId } });
      if (!existing) {
        await tx.processedUpdate.create({ data: { updateId, processedAt: at } });
        return 'new';
      }
      if (existing.status === 'done') return 'done';
      await tx.processedUpdate.update({ where: { updateId }, data: { processedAt: at } });
      return 'unfinished';
    },
    async finish(updateId, at) {
      await tx.processedUpdate.updateMany({ where: { updateId }, data: { status: 'done', finishedAt: at } });
    },
    async pruneBefore(before) {
      const { count } = await tx.processedUpdate.deleteMany({ where: { processedAt: { lt: before } } });
      return count;
    },
  };
}

export function deliveryFailureRepository(tx: Tx): DeliveryFailureRepository {
  return {
    async record(input) {
      await tx.deliveryFailure.create({
        data: { chatId: input.chatId, errorCode: input.errorCode, description: input.description, createdAt: input.at },
      });
    },
  };
}
