import type { OfficialAccountRecord, OfficialAccountRepository } from '../../../app/ports/repositories.port.ts';
import { isPlatform } from '../../../domain/links/index.ts';
import type { OfficialAccount as OfficialAccountRow } from '../generated/client.ts';
import { toOpd } from './mappers.ts';
import type { Tx } from './tx.ts';

function toAccount(row: OfficialAccountRow): OfficialAccountRecord {
  if (!isPlatform(row.platform)) throw new Error(`Unknown platform stored: ${row.platform}`);
  return {
    id: row.id,
    opdId: row.opdId,
    platform: row.platform,
    handle: row.handle,
    url: row.url,
    lastVerifiedAt: row.lastVerifiedAt,
    createdAt: row.createdAt,
  };
}

const byPlatformThenHandle = [{ platform: 'asc' as const }, { handle: 'asc' as const }];

export function officialAccountRepository(tx: Tx): OfficialAccountRepository {
  return {
    async register(input) {
      // Inside a transaction the check and the write see the same snapshot; the unique index on
      // (platform, handle) is the final guard when two writers race (PostgreSQL).
      const existing = await tx.officialAccount.findUnique({
        where: { platform_handle: { platform: input.platform, handle: input.handle } },
        include: { opd: true },
      });
      if (!existing) {
        const created = await tx.officialAccount.create({
          data: {
            opdId: input.opdId,
            platform: input.platform,
            handle: input.handle,
            url: input.url,
            lastVerifiedAt: input.verified ? input.at : null,
            createdById: input.createdById,
            createdAt: input.at,
          },
        });
        return { outcome: 'created', account: toAccount(created) };
      }
      if (existing.opdId !== input.opdId) return { outcome: 'taken', account: toAccount(existing), owner: toOpd(existing.opd) };
      const urlChanged = existing.url !== input.url;
      if (!urlChanged && !input.verified) return { outcome: 'unchanged', account: toAccount(existing) };
      const updated = await tx.officialAccount.update({
        where: { id: existing.id },
        data: { url: input.url, ...(input.verified ? { lastVerifiedAt: input.at } : {}) },
      });
      return { outcome: urlChanged ? 'updated' : 'unchanged', account: toAccount(updated) };
    },
    async listForOpd(opdId, platform) {
      const rows = await tx.officialAccount.findMany({ where: { opdId, ...(platform ? { platform } : {}) }, orderBy: byPlatformThenHandle });
      return rows.map(toAccount);
    },
    async listAll() {
      const rows = await tx.officialAccount.findMany({ orderBy: [{ opdId: 'asc' }, ...byPlatformThenHandle] });
      return rows.map(toAccount);
    },
    async remove(opdId, platform, handle) {
      const { count } = await tx.officialAccount.deleteMany({ where: { opdId, platform, handle } });
      return count > 0;
    },
    async markVerified(opdId, at) {
      const { count } = await tx.officialAccount.updateMany({ where: { opdId }, data: { lastVerifiedAt: at } });
      return count;
    },
    async resetVerification(opdId) {
      const { count } = await tx.officialAccount.updateMany({ where: { opdId }, data: { lastVerifiedAt: null } });
      return count;
    },
  };
}
