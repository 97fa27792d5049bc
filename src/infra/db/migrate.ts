import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

export const defaultMigrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../prisma/migrations');

export interface MigrationFile {
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly alreadyApplied: number;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function readMigrations(dir = defaultMigrationsDir): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

// The same table and columns as Prisma Migrate uses, so `prisma migrate deploy` (where its
// engine can be downloaded) sees these migrations as applied and vice versa.
const createLedger = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

interface LedgerRow {
  migration_name: string;
  checksum: string;
}

/**
 * Applies pending migrations to a SQLite file, each in its own transaction together with its
 * ledger row, so a migration is applied entirely and recorded, or not at all. BEGIN IMMEDIATE
 * takes the write lock first, so two processes starting at once do not both apply one file.
 */
export function migrateSqlite(filePath: string, migrations = readMigrations()): MigrationReport {
  const db = new Database(filePath, { timeout: 10_000 });
  try {
    db.pragma('journal_mode = WAL');
    // Table redefinitions (SQLite's way to alter columns) drop and recreate tables; foreign keys
    // are checked once per migration instead, before its commit. The pragma is a no-op inside
    // a transaction, so it is set here.
    db.pragma('foreign_keys = OFF');
    db.exec(createLedger);
    const applied: string[] = [];
    let alreadyApplied = 0;
    for (const migration of migrations) {
      db.exec('BEGIN IMMEDIATE');
      try {
        const row = db
          .prepare('SELECT migration_name, checksum FROM "_prisma_migrations" WHERE migration_name = ? AND rolled_back_at IS NULL')
          .get(migration.name) as LedgerRow | undefined;
        if (row) {
          db.exec('COMMIT');
          alreadyApplied++;
          if (row.checksum !== migration.checksum) {
            throw new MigrationError(
              `Migrasi ${migration.name} sudah diterapkan tetapi isinya berubah sejak itu. Kembalikan file aslinya; perubahan skema harus dibuat sebagai migrasi baru.`,
            );
          }
          continue;
        }
        db.exec(migration.sql);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`${broken.length} baris melanggar foreign key`);
        const now = new Date().toISOString();
        db.prepare(
          'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)',
        ).run(randomUUID(), migration.checksum, now, migration.name, now);
        db.exec('COMMIT');
        applied.push(migration.name);
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        if (error instanceof MigrationError) throw error;
        throw new MigrationError(`Migrasi ${migration.name} gagal: ${(error as Error).message}`);
      }
    }
    return { applied, alreadyApplied };
  } finally {
    db.close();
  }
}

/** Names of migrations not yet applied to the file, without changing it; null when it does not exist. */
export function pendingMigrations(filePath: string, migrations = readMigrations()): string[] | null {
  if (!existsSync(filePath)) return null;
  const db = new Database(filePath, { readonly: true, fileMustExist: true });
  try {
    const ledger = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!ledger) return migrations.map((m) => m.name);
    const applied = new Set(
      (db.prepare('SELECT migration_name FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL').all() as LedgerRow[]).map(
        (r) => r.migration_name,
      ),
    );
    return migrations.filter((m) => !applied.has(m.name)).map((m) => m.name);
  } finally {
    db.close();
  }
}
