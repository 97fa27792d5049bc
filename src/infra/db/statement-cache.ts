import Database from 'better-sqlite3';

/** Distinct SQL texts kept prepared; Prisma produces a few dozen per model, IN lists add more. */
const MAX_CACHED_STATEMENTS = 500;

type Params = readonly unknown[];

/** Prepared statements of one connection, least recently used dropped first. */
export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly prepareNew: (sql: string) => Database.Statement;

  constructor(client: Database.Database) {
    this.prepareNew = client.prepare.bind(client);
  }

  get(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement) {
      this.statements.delete(sql); // re-inserted below as the most recent
    } else {
      statement = this.prepareNew(sql);
      if (this.statements.size >= MAX_CACHED_STATEMENTS) {
        const oldest = this.statements.keys().next().value;
        if (oldest !== undefined) this.statements.delete(oldest);
      }
    }
    this.statements.set(sql, statement);
    return statement;
  }
}

/**
 * What Prisma's better-sqlite3 adapter calls on a prepared statement: bind once, then run it or
 * read every row in array mode. A cached statement cannot be bound twice, so each use gets this
 * thin view that keeps its own parameters.
 */
interface BoundStatementView {
  readonly reader: boolean;
  bind(params: Params): BoundStatementView;
  run(): Database.RunResult;
  columns(): Database.ColumnDefinition[];
  raw(): { all(): unknown[] };
}

function viewOf(statement: Database.Statement): BoundStatementView {
  let params: Params = [];
  const view: BoundStatementView = {
    reader: statement.reader,
    bind(next) {
      params = next;
      return view;
    },
    run: () => statement.run(...params),
    columns: () => statement.columns(),
    // Array mode is the only mode the adapter reads in, so switching it on for good is safe.
    raw: () => ({ all: () => statement.raw(true).all(...params) }),
  };
  return view;
}

/**
 * Makes the adapter's `client.prepare` reuse prepared statements. The adapter prepares every
 * statement it runs afresh — a good part of the cost of a small query — although Prisma sends
 * the same few SQL texts over and over. Returns a second cache on the same connection for the
 * fast path: the adapter switches its statements to array mode, the fast path reads objects.
 */
export function cacheStatements(client: Database.Database): StatementCache {
  const adapterCache = new StatementCache(client);
  const fastPathCache = new StatementCache(client);
  Object.defineProperty(client, 'prepare', { value: (sql: string) => viewOf(adapterCache.get(sql)), configurable: true, writable: true });
  return fastPathCache;
}

/** The better-sqlite3 connection inside a Prisma adapter, when the adapter is the one we know. */
export function betterSqliteClientOf(adapter: object): Database.Database | null {
  const client: unknown = (adapter as { client?: unknown }).client;
  return client instanceof Database ? client : null;
}
