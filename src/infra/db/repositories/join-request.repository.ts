import type { JoinRequestRecord, JoinRequestRepository, JoinRequestStatus } from '../../../app/ports/repositories.port.ts';
import type { JoinRequest } from '../generated/client.ts';
import type { Tx } from './tx.ts';

const statuses: readonly JoinRequestStatus[] = ['pending', 'approved', 'rejected'];

function toRecord(row: JoinRequest): JoinRequestRecord {
  const status = statuses.find((s) => s === row.status) ?? 'pending';
  return { id: row.id, userId: row.userId, opdId: row.opdId, status, createdAt: row.createdAt, decidedById: row.decidedById };
}

export function joinRequestRepository(tx: Tx): JoinRequestRepository {
  return {
    async create({ userId, opdId, at }) {
      return toRecord(await tx.joinRequest.create({ data: { userId, opdId, createdAt: at } }));
    },
    async findById(id) {
      const row = await tx.joinRequest.findUnique({ where: { id } });
      return row ? toRecord(row) : null;
    },
    async findPending(userId) {
      const row = await tx.joinRequest.findFirst({ where: { userId, status: 'pending' }, orderBy: { id: 'desc' } });
      return row ? toRecord(row) : null;
    },
    async decide(id, status, deciderId, at) {
      const { count } = await tx.joinRequest.updateMany({
        where: { id, status: 'pending' },
        data: { status, decidedById: deciderId, decidedAt: at },
      });
      return count === 1;
    },
  };
}
