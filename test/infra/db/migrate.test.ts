import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateSqlite, readMigrations, MigrationError } from '../../../src/infra/db/migrate.ts';
import { sqliteFilePath } from '../../../src/infra/db/database-url.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kopdar-migrate-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('migration runner', () => {
  it('creates the folder and file on first start, applies every checked-in migration once', () => {
    const dir = tempDir();
    const file = sqliteFilePath('file:./nested/data/kopdar.db', dir);
    expect(file).toBe(path.join(dir, 'nested/data/kopdar.db'));
    const first = migrateSqlite(file);
    expect(first.applied.length).toBe(readMigrations().length);
    expect(first.applied.length).toBeGreaterThan(0);
    const second = migrateSqlite(file);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(first.applied.length);

    const db = new Database(file);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['Opd', 'User', 'Invitation', 'JoinRequest', 'Report', 'AuditLog', '_prisma_migrations']));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const ledger = db.prepare('SELECT migration_name, checksum, finished_at FROM _prisma_migrations').all() as { finished_at: string | null }[];
    expect(ledger).toHaveLength(first.applied.length);
    expect(ledger.every((row) => row.finished_at !== null)).toBe(true);
    db.close();
  });

  it('applies a failing migration not at all, and records nothing for it', () => {
    const dir = tempDir();
    const migrations = path.join(dir, 'migrations');
    mkdirSync(path.join(migrations, '001_ok'), { recursive: true });
    mkdirSync(path.join(migrations, '002_broken'), { recursive: true });
    writeFileSync(path.join(migrations, '001_ok', 'migration.sql'), 'CREATE TABLE a (id INTEGER);');
    writeFileSync(path.join(migrations, '002_broken', 'migration.sql'), 'CREATE TABLE b (id INTEGER);\nTHIS IS NOT SQL;');
    const file = path.join(dir, 'x.db');
    expect(() => migrateSqlite(file, readMigrations(migrations))).toThrow(MigrationError);
    const db = new Database(file);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toContain('a');
    expect(tables).not.toContain('b');
    const names = (db.prepare('SELECT migration_name FROM _prisma_migrations').all() as { migration_name: string }[]).map((r) => r.migration_name);
    expect(names).toEqual(['001_ok']);
    db.close();
  });

  it('refuses to continue when an applied migration was edited afterwards', () => {
    const dir = tempDir();
    const migrations = path.join(dir, 'migrations');
    mkdirSync(path.join(migrations, '001_ok'), { recursive: true });
    writeFileSync(path.join(migrations, '001_ok', 'migration.sql'), 'CREATE TABLE a (id INTEGER);');
    const file = path.join(dir, 'x.db');
    migrateSqlite(file, readMigrations(migrations));
    writeFileSync(path.join(migrations, '001_ok', 'migration.sql'), 'CREATE TABLE a (id INTEGER, extra TEXT);');
    expect(() => migrateSqlite(file, readMigrations(migrations))).toThrow(/berubah/);
  });
});
