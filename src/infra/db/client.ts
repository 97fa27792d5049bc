import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/client.ts';
import { sqliteFilePath } from './database-url.ts';
import { sqliteFastSql, TransactionTracker, type FastSqlSource, type SqliteConnection } from './fast-sql.ts';
import { betterSqliteClientOf, cacheStatements } from './statement-cache.ts';

export type Db = PrismaClient;

/** Prisma, and plain SQL on Prisma's own connection for the statements every update runs. */
export interface OpenedDb {
  readonly prisma: Db;
  readonly sql: FastSqlSource;
}

interface TransactionLike {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/** Notes in `tracker` when Prisma opens and closes a transaction on this adapter connection. */
function trackTransactions(connection: object, tracker: TransactionTracker): void {
  const start: unknown = (connection as { startTransaction?: unknown }).startTransaction;
  if (typeof start !== 'function') throw new Error('The SQLite driver adapter has no startTransaction: check the @prisma/adapter-better-sqlite3 version.');
  const startTransaction = async (...args: unknown[]): Promise<TransactionLike> => {
    const transaction = (await start.apply(connection, args)) as TransactionLike;
    const token = tracker.opened();
    const commit = transaction.commit.bind(transaction);
    const rollback = transaction.rollback.bind(transaction);
    transaction.commit = () => {
      tracker.closed(token);
      return commit();
    };
    transaction.rollback = () => {
      tracker.closed(token);
      return rollback();
    };
    return transaction;
  };
  Object.defineProperty(connection, 'startTransaction', { value: startTransaction, configurable: true, writable: true });
}

const BUSY_TIMEOUT_MS = 5_000;

/** Opens the SQLite database through Prisma's driver adapter, in WAL mode with a busy timeout. */
export async function openDatabase(databaseUrl: string): Promise<OpenedDb> {
  const file = sqliteFilePath(databaseUrl);
  const adapter = new PrismaBetterSqlite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS });
  // Prisma connects lazily and may reconnect: every connection gets its statement cache, and
  // the fast path always uses the current one.
  let current: SqliteConnection | null = null;
  const transactions = new TransactionTracker();
  const connect = adapter.connect.bind(adapter);
  adapter.connect = async () => {
    const connection = await connect();
    const client = betterSqliteClientOf(connection);
    if (!client) throw new Error('The SQLite driver adapter no longer exposes its connection: check the @prisma/adapter-better-sqlite3 version.');
    current = { statements: cacheStatements(client), inTransaction: () => client.inTransaction };
    trackTransactions(connection, transactions);
    return connection;
  };
  const prisma = new PrismaClient({ adapter });
  // The adapter sets no journal mode; WAL lets readers work while the bot writes.
  await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await prisma.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  await prisma.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  const sql = sqliteFastSql(() => {
    if (!current) throw new Error('The database is not connected.');
    return current;
  }, transactions);
  return { prisma, sql };
}
