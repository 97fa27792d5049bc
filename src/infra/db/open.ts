import type { UnitOfWork } from '../../app/ports/repositories.port.ts';
import { openDatabase } from './client.ts';
import { sqliteFilePath } from './database-url.ts';
import { migrateSqlite, pendingMigrations, type MigrationReport } from './migrate.ts';
import { prismaUnitOfWork } from './unit-of-work.ts';

export interface Database {
  readonly uow: UnitOfWork;
  readonly migration: MigrationReport;
  /** Checks the database answers; throws when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseHealth =
  | { readonly state: 'missing' }
  | { readonly state: 'outdated'; readonly pending: readonly string[] }
  | { readonly state: 'ready'; readonly opds: number };

/** Looks at the database without creating or migrating it (for `doctor`). */
export async function inspectDatabase(databaseUrl: string): Promise<DatabaseHealth> {
  const file = sqliteFilePath(databaseUrl);
  const pending = pendingMigrations(file);
  if (pending === null) return { state: 'missing' };
  if (pending.length > 0) return { state: 'outdated', pending };
  const { prisma } = await openDatabase(databaseUrl);
  try {
    return { state: 'ready', opds: await prisma.opd.count() };
  } finally {
    await prisma.$disconnect();
  }
}

/** Creates the file on first start, applies pending migrations, then opens Prisma on it. */
export async function openMigratedDatabase(databaseUrl: string): Promise<Database> {
  const migration = migrateSqlite(sqliteFilePath(databaseUrl));
  const db = await openDatabase(databaseUrl);
  return {
    uow: prismaUnitOfWork(db.prisma, db.sql),
    migration,
    ping: async () => {
      await db.prisma.$queryRawUnsafe('SELECT 1');
    },
    close: () => db.prisma.$disconnect(),
  };
}
