// Development tool: writes the SQL migration that takes prisma/schema.snapshot.prisma (the schema
// the checked-in migrations produce) to prisma/schema.prisma, using Prisma's schema engine
// compiled to WebAssembly (its native engine cannot be downloaded everywhere), then updates the
// snapshot. Usage: npm run db:diff [-- <migration_name>]
import { readFileSync, mkdirSync, writeFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_');
const migrationsDir = path.join(root, 'prisma', 'migrations');
const schemaPath = path.join(root, 'prisma', 'schema.prisma');

const enginePkg = path.join(root, 'node_modules', '@prisma', 'schema-engine-wasm');
const bg = await import(path.join(enginePkg, 'schema_engine_bg.js'));
const wasmBytes = readFileSync(path.join(enginePkg, 'schema_engine_bg.wasm'));
const { instance } = await WebAssembly.instantiate(wasmBytes, { './schema_engine_bg.js': bg });
bg.__wbg_set_wasm(instance.exports);
instance.exports.__wbindgen_start?.();

const snapshotPath = path.join(root, 'prisma', 'schema.snapshot.prisma');
const schema = readFileSync(schemaPath, 'utf8');
const snapshot = existsSync(snapshotPath) ? readFileSync(snapshotPath, 'utf8') : null;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kopdar-diff-'));
const adapterFactory = bindMigrationAwareSqlAdapterFactory(new PrismaBetterSqlite3({ url: `file:${path.join(tmp, 'unused.db')}` }));
const engine = await bg.SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, adapterFactory);
const result = await engine.diff({
  from: snapshot === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: snapshotPath, content: snapshot }] },
  to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
  script: true,
  shadowDatabaseUrl: null,
  exitCode: null,
  filters: { externalTables: [], externalEnums: [] },
});
rmSync(tmp, { recursive: true, force: true });
const sql = (result.stdout ?? '').trim();
if (!sql || sql.startsWith('-- This is an empty migration')) {
  console.log('No changes: the migrations already match prisma/schema.prisma.');
  process.exit(0);
}
if (!name) {
  console.log(sql);
  console.error('\n(dry run: pass a migration name to write it)');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const target = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(target, { recursive: true });
writeFileSync(path.join(target, 'migration.sql'), sql + '\n');
writeFileSync(snapshotPath, schema);
console.log(`Wrote ${path.relative(root, target)}/migration.sql`);
