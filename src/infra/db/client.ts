import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/client.ts';
import { sqliteFilePath } from './database-url.ts';
import { sqliteFastSql, type FastSql } from './fast-sql.ts';
import { betterSqliteClientOf, cacheStatements, type StatementCache } from './statement-cache.ts';

export type Db = PrismaClient;

/** Prisma, and plain SQL on Prisma's own connection for the statements every update runs. */
export interface OpenedDb {
  readonly prisma: Db;
  readonly sql: FastSql;
}

const BUSY_TIMEOUT_MS = 5_000;

/** Opens the SQLite database through Prisma's driver adapter, in WAL mode with a busy timeout. */
export async function openDatabase(databaseUrl: string): Promise<OpenedDb> {
  const file = sqliteFilePath(databaseUrl);
  const adapter = new PrismaBetterSqlite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS });
  // Prisma connects lazily and may reconnect: every connection gets its statement cache, and
  // the fast path always uses the current one.
  let statements: StatementCache | null = null;
  const connect = adapter.connect.bind(adapter);
  adapter.connect = async () => {
    const connection = await connect();
    const client = betterSqliteClientOf(connection);
    if (!client) throw new Error('The SQLite driver adapter no longer exposes its connection: check the @prisma/adapter-better-sqlite3 version.');
    statements = cacheStatements(client);
    return connection;
  };
  const prisma = new PrismaClient({ adapter });
  // The adapter sets no journal mode; WAL lets readers work while the bot writes.
  await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await prisma.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  await prisma.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  const sql = sqliteFastSql(() => {
    if (!statements) throw new Error('The database is not connected.');
    return statements;
  });
  return { prisma, sql };
}
