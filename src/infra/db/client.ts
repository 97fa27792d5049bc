import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/client.ts';
import { sqliteFilePath } from './database-url.ts';

export type Db = PrismaClient;

const BUSY_TIMEOUT_MS = 5_000;

/** Opens the SQLite database through Prisma's driver adapter, in WAL mode with a busy timeout. */
export async function openDatabase(databaseUrl: string): Promise<Db> {
  const file = sqliteFilePath(databaseUrl);
  const adapter = new PrismaBetterSqlite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS });
  const db = new PrismaClient({ adapter });
  // The adapter sets no journal mode; WAL lets readers work while the bot writes.
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  return db;
}
