import type { StatementCache } from './statement-cache.ts';

export type SqlValue = string | number | bigint | boolean | Date | null;
export type SqlRow = Readonly<Record<string, unknown>>;

/**
 * Plain SQL on the connection of the current transaction, for the few statements every update
 * runs (claiming it, finding the sender and their OPD, recording a report). Through Prisma's
 * query engine one of these costs about 0.25 ms of CPU; straight on the connection a few
 * hundredths — the difference between a burst of /lapor being handled in 4 s or in 1 s.
 *
 * Each unit of work gets one bound to its transaction (FastSqlSource): the statements run between
 * the BEGIN and COMMIT that Prisma's interactive transaction issued on the same connection, and
 * refuse to run once it has ended. A statement runs when called, not queued behind Prisma calls
 * still pending: await each before the next. SQL is written portably (double-quoted names,
 * ON CONFLICT), values go through the helpers below.
 */
export interface FastSql {
  /** The first row, or undefined. */
  get(sql: string, params: readonly SqlValue[]): Promise<SqlRow | undefined>;
  /** Runs a statement that returns no rows; the number of rows it changed. */
  run(sql: string, params: readonly SqlValue[]): Promise<number>;
}

/** Dates are stored as Prisma's SQLite adapter stores them (ISO text with +00:00), so both agree. */
export function sqliteDate(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

function sqliteValue(value: SqlValue): string | number | bigint | null {
  if (value instanceof Date) return sqliteDate(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** Hands each unit of work a FastSql bound to the transaction it runs in. */
export interface FastSqlSource {
  /** Call at the start of a transaction's callback: Prisma has issued its BEGIN by then. */
  forCurrentTransaction(): FastSql;
}

export class FastSqlOutsideTransactionError extends Error {
  override name = 'FastSqlOutsideTransactionError';
}

/**
 * Which of Prisma's transactions the connection is in. A FastSql refuses to run once its own
 * transaction has ended — committed, rolled back, or timed out by Prisma while the callback was
 * still working — since its statements would otherwise commit on their own or inside the next
 * update's transaction.
 */
export class TransactionTracker {
  private current: symbol | null = null;

  opened(): symbol {
    const token = Symbol('transaction');
    this.current = token;
    return token;
  }

  closed(token: symbol): void {
    if (this.current === token) this.current = null;
  }

  get open(): symbol | null {
    return this.current;
  }
}

/** The connection as the fast path needs it: its statements and whether a transaction is open. */
export interface SqliteConnection {
  readonly statements: StatementCache;
  inTransaction(): boolean;
}

/** FastSql on a better-sqlite3 connection (which returns integers as bigint: see the readers). */
export function sqliteFastSql(connection: () => SqliteConnection, transactions: TransactionTracker): FastSqlSource {
  return {
    forCurrentTransaction() {
      const token = transactions.open;
      const statementsInTransaction = (): StatementCache => {
        const current = connection();
        if (token === null || transactions.open !== token || !current.inTransaction()) {
          throw new FastSqlOutsideTransactionError('Plain SQL may only run inside the transaction it was given for; that transaction has ended.');
        }
        return current.statements;
      };
      // Always settled asynchronously, like a Prisma call: a failure is a rejection, never a throw.
      return {
        get: (sql, params) => settle(() => statementsInTransaction().get(sql).get(...params.map(sqliteValue)) as SqlRow | undefined),
        run: (sql, params) => settle(() => statementsInTransaction().get(sql).run(...params.map(sqliteValue)).changes),
      };
    },
  };
}

function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

// ---- readers: a column value as the type the domain wants, whatever the driver returned ----

export class UnexpectedColumnError extends Error {
  override name = 'UnexpectedColumnError';
}

function column(row: SqlRow, name: string): unknown {
  if (!(name in row)) throw new UnexpectedColumnError(`column ${name} missing from the row`);
  return row[name];
}

export function intColumn(row: SqlRow, name: string): number {
  const value = column(row, name);
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new UnexpectedColumnError(`column ${name}: expected an integer, got ${typeof value}`);
}

export function nullableIntColumn(row: SqlRow, name: string): number | null {
  return column(row, name) === null ? null : intColumn(row, name);
}

export function bigintColumn(row: SqlRow, name: string): bigint {
  const value = column(row, name);
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  throw new UnexpectedColumnError(`column ${name}: expected an integer, got ${typeof value}`);
}

export function textColumn(row: SqlRow, name: string): string {
  const value = column(row, name);
  if (typeof value === 'string') return value;
  throw new UnexpectedColumnError(`column ${name}: expected text, got ${typeof value}`);
}

export function nullableTextColumn(row: SqlRow, name: string): string | null {
  return column(row, name) === null ? null : textColumn(row, name);
}

export function booleanColumn(row: SqlRow, name: string): boolean {
  const value = column(row, name);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return value !== 0 && value !== 0n;
  throw new UnexpectedColumnError(`column ${name}: expected a boolean, got ${typeof value}`);
}

export function nullableDateColumn(row: SqlRow, name: string): Date | null {
  const value = column(row, name);
  if (value === null) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'string') {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  if (typeof value === 'number' || typeof value === 'bigint') return new Date(Number(value));
  throw new UnexpectedColumnError(`column ${name}: expected a date, got ${String(value)}`);
}

export function dateColumn(row: SqlRow, name: string): Date {
  const date = nullableDateColumn(row, name);
  if (date === null) throw new UnexpectedColumnError(`column ${name}: expected a date, got null`);
  return date;
}
