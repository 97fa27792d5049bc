import type {
  AuditRepository,
  DeliveryFailureRepository,
  ProcessedUpdateRepository,
} from '../../../app/ports/repositories.port.ts';
import type { FastSql } from '../fast-sql.ts';
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

export function processedUpdateRepository(tx: Tx, sql: FastSql): ProcessedUpdateRepository {
  return {
    async markHandled(updateId, at) {
      // One statement: a new id is inserted as done; a row left by an older version that never
      // finished ('processing') is taken over; a done one changes nothing, and that is the answer.
      const changed = await sql.run(
        `INSERT INTO "ProcessedUpdate" ("updateId", "status", "processedAt", "finishedAt") VALUES (?, 'done', ?, ?)
         ON CONFLICT ("updateId") DO UPDATE SET "status" = 'done', "processedAt" = excluded."processedAt", "finishedAt" = excluded."finishedAt"
         WHERE "ProcessedUpdate"."status" <> 'done'`,
        [updateId, at, at],
      );
      return changed > 0;
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
