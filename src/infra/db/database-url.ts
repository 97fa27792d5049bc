import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** Resolves `file:./data/kopdar.db` to an absolute path and creates its folder on first start. */
export function sqliteFilePath(databaseUrl: string, cwd = process.cwd()): string {
  const raw = databaseUrl.replace(/^file:/, '').split('?')[0] ?? '';
  if (raw === ':memory:') return raw;
  const absolute = path.resolve(cwd, raw);
  mkdirSync(path.dirname(absolute), { recursive: true });
  return absolute;
}
