import type { InvitationRecord, InvitationRepository } from '../../../app/ports/repositories.port.ts';
import { isRole } from '../../../domain/roles.ts';
import type { Invitation } from '../generated/client.ts';
import type { Tx } from './tx.ts';

function toRecord(row: Invitation): InvitationRecord {
  return {
    id: row.id,
    token: row.token,
    role: isRole(row.role) ? row.role : 'none',
    opdId: row.opdId,
    createdById: row.createdById,
    expiresAt: row.expiresAt,
    usedAt: row.usedAt,
  };
}

export function invitationRepository(tx: Tx): InvitationRepository {
  return {
    async create(input) {
      return toRecord(await tx.invitation.create({ data: input }));
    },
    async findByToken(token) {
      const row = await tx.invitation.findUnique({ where: { token } });
      return row ? toRecord(row) : null;
    },
    async markUsed(id, usedById, at) {
      const { count } = await tx.invitation.updateMany({ where: { id, usedAt: null }, data: { usedAt: at, usedById } });
      return count === 1;
    },
  };
}
