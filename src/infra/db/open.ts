import type { UnitOfWork } from '../../app/ports/repositories.port.ts';
import { openDatabase, type Db } from './client.ts';
import { sqliteFilePath } from './database-url.ts';
import { migrateSqlite, type MigrationReport } from './migrate.ts';
import { prismaUnitOfWork } from './unit-of-work.ts';

export interface Database {
  readonly uow: UnitOfWork;
  readonly migration: MigrationReport;
  /** Checks the database answers; throws when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Creates the file on first start, applies pending migrations, then opens Prisma on it. */
export async function openMigratedDatabase(databaseUrl: string): Promise<Database> {
  const migration = migrateSqlite(sqliteFilePath(databaseUrl));
  const db: Db = await openDatabase(databaseUrl);
  return {
    uow: prismaUnitOfWork(db),
    migration,
    ping: async () => {
      await db.$queryRawUnsafe('SELECT 1');
    },
    close: () => db.$disconnect(),
  };
}
