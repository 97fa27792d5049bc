import type { OpdInput, OpdRepository } from '../../../app/ports/repositories.port.ts';
import { booleanColumn, intColumn, textColumn, type FastSql } from '../fast-sql.ts';
import type { Tx } from './tx.ts';
import { toOpd } from './mappers.ts';

export function opdRepository(tx: Tx, sql: FastSql): OpdRepository {
  return {
    async findByCode(code) {
      const row = await tx.opd.findUnique({ where: { code } });
      return row ? toOpd(row) : null;
    },
    async findById(id) {
      // Every /lapor of an admin reads their OPD: plain SQL (see fast-sql.ts).
      const row = await sql.get('SELECT "id", "code", "name", "type", "active" FROM "Opd" WHERE "id" = ?', [id]);
      return row
        ? toOpd({ id: intColumn(row, 'id'), code: textColumn(row, 'code'), name: textColumn(row, 'name'), type: textColumn(row, 'type'), active: booleanColumn(row, 'active') })
        : null;
    },
    async list() {
      return (await tx.opd.findMany({ orderBy: { code: 'asc' } })).map(toOpd);
    },
    async upsert(input: OpdInput, at) {
      const existing = await tx.opd.findUnique({ where: { code: input.code } });
      if (!existing) {
        await tx.opd.create({ data: { ...input, createdAt: at } });
        return 'created';
      }
      if (existing.name === input.name && existing.type === input.type && existing.active) return 'unchanged';
      await tx.opd.update({ where: { id: existing.id }, data: { name: input.name, type: input.type, active: true } });
      return 'updated';
    },
    countAdmins(opdId) {
      return tx.user.count({ where: { opdId, role: 'admin' } });
    },
  };
}
