import type { HandoverRecord, HandoverRepository, HandoverStatus } from '../../../app/ports/repositories.port.ts';
import type { Handover } from '../generated/client.ts';
import type { Tx } from './tx.ts';

const statuses: readonly HandoverStatus[] = ['pending', 'accepted', 'declined', 'expired', 'cancelled'];

function toRecord(row: Handover): HandoverRecord {
  return {
    id: row.id,
    opdId: row.opdId,
    fromUserId: row.fromUserId,
    toUserId: row.toUserId,
    requestedById: row.requestedById,
    status: statuses.find((s) => s === row.status) ?? 'cancelled',
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    decidedAt: row.decidedAt,
  };
}

/** While pending, "<opdId>:<fromUserId>" (unique): one pending handover per OPD and outgoing admin. */
const pendingKey = (opdId: number, fromUserId: number): string => `${opdId}:${fromUserId}`;

export function handoverRepository(tx: Tx): HandoverRepository {
  return {
    async create({ opdId, fromUserId, toUserId, requestedById, at, expiresAt }) {
      const row = await tx.handover.create({
        data: { opdId, fromUserId, toUserId, requestedById, status: 'pending', pendingKey: pendingKey(opdId, fromUserId), createdAt: at, expiresAt },
      });
      return toRecord(row);
    },
    async findById(id) {
      const row = await tx.handover.findUnique({ where: { id } });
      return row ? toRecord(row) : null;
    },
    async findPending(opdId, fromUserId) {
      const row = await tx.handover.findUnique({ where: { pendingKey: pendingKey(opdId, fromUserId) } });
      return row ? toRecord(row) : null;
    },
    async pendingRequestedBy(userId) {
      const rows = await tx.handover.findMany({ where: { requestedById: userId, status: 'pending' }, orderBy: { id: 'asc' } });
      return rows.map(toRecord);
    },
    async decide(id, status, at) {
      const { count } = await tx.handover.updateMany({ where: { id, status: 'pending' }, data: { status, pendingKey: null, decidedAt: at } });
      return count === 1;
    },
  };
}
