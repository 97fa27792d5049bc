import type { UserRepository } from '../../../app/ports/repositories.port.ts';
import type { Person } from '../../../domain/model.ts';
import { bigintColumn, intColumn, nullableDateColumn, nullableIntColumn, nullableTextColumn, textColumn, type FastSql } from '../fast-sql.ts';
import type { Tx } from './tx.ts';
import { toPerson } from './mappers.ts';

/** Every update starts by finding its sender: the one user read that runs as plain SQL. */
async function personByTelegramId(sql: FastSql, telegramId: bigint): Promise<{ person: Person; unreachableAt: Date | null } | null> {
  const row = await sql.get(
    'SELECT "id", "telegramId", "username", "firstName", "lastName", "role", "opdId", "unreachableAt" FROM "User" WHERE "telegramId" = ?',
    [telegramId],
  );
  if (!row) return null;
  const person = toPerson({
    id: intColumn(row, 'id'),
    telegramId: bigintColumn(row, 'telegramId'),
    username: nullableTextColumn(row, 'username'),
    firstName: textColumn(row, 'firstName'),
    lastName: nullableTextColumn(row, 'lastName'),
    role: textColumn(row, 'role'),
    opdId: nullableIntColumn(row, 'opdId'),
  });
  return { person, unreachableAt: nullableDateColumn(row, 'unreachableAt') };
}

export function userRepository(tx: Tx, sql: FastSql): UserRepository {
  return {
    async findById(id) {
      const row = await tx.user.findUnique({ where: { id } });
      return row ? toPerson(row) : null;
    },
    async findByTelegramId(telegramId) {
      return (await personByTelegramId(sql, telegramId))?.person ?? null;
    },
    async findByUsername(username) {
      // Usernames are stored lower-cased: Telegram treats them case-insensitively.
      const row = await tx.user.findFirst({ where: { username: username.replace(/^@/, '').toLowerCase() } });
      return row ? toPerson(row) : null;
    },
    async upsertProfile(input) {
      const profile = { ...input, username: input.username?.toLowerCase() ?? null };
      const known = await personByTelegramId(sql, profile.telegramId);
      const existing = known?.person;
      if (
        existing &&
        existing.username === profile.username &&
        existing.firstName === profile.firstName &&
        existing.lastName === profile.lastName &&
        known.unreachableAt === null
      ) {
        return existing;
      }
      if (profile.username && profile.username !== existing?.username) {
        // A username belongs to one person at a time: whoever held it before has changed theirs.
        await tx.user.updateMany({ where: { username: profile.username, telegramId: { not: profile.telegramId } }, data: { username: null } });
      }
      const row = await tx.user.upsert({
        where: { telegramId: profile.telegramId },
        create: { ...profile },
        // Someone who writes to the bot can be reached again.
        update: { username: profile.username, firstName: profile.firstName, lastName: profile.lastName, unreachableAt: null, unreachableReason: null },
      });
      return toPerson(row);
    },
    async setRole(id, role, opdId) {
      return toPerson(await tx.user.update({ where: { id }, data: { role, opdId } }));
    },
    async listByRole(role) {
      return (await tx.user.findMany({ where: { role }, orderBy: { id: 'asc' } })).map(toPerson);
    },
    async listAdmins(opdId) {
      const rows = await tx.user.findMany({
        where: { role: 'admin', ...(opdId === undefined ? {} : { opdId }) },
        orderBy: [{ opdId: 'asc' }, { id: 'asc' }],
      });
      return rows.map(toPerson);
    },
    async markUnreachable(telegramId, reason, at) {
      await tx.user.updateMany({ where: { telegramId }, data: { unreachableAt: at, unreachableReason: reason } });
    },
  };
}
