import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importOpds, ImportRejected } from '../../src/app/usecases/opd-import.ts';
import { parseCsv } from '../../src/cli/csv.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => app.close());

const seed = readFileSync(path.resolve(import.meta.dirname, '../../prisma/opd-contoh.csv'), 'utf8');

describe('OPD import', () => {
  it('imports the demo seed, and re-importing updates without duplicating', async () => {
    expect(await importOpds(app.deps, parseCsv(seed))).toEqual({ created: 36, updated: 0, unchanged: 0 });
    expect(await importOpds(app.deps, parseCsv(seed))).toEqual({ created: 0, updated: 0, unchanged: 36 });
    const renamed = seed.replace('DINKES,Dinas Kesehatan,dinas', 'dinkes,Dinas Kesehatan Kabupaten,dinas');
    expect(await importOpds(app.deps, parseCsv(renamed))).toEqual({ created: 0, updated: 1, unchanged: 35 });
    const opds = await app.deps.uow.run((r) => r.opds.list());
    expect(opds).toHaveLength(36);
    expect(opds.find((o) => o.code === 'DINKES')?.name).toBe('Dinas Kesehatan Kabupaten');
  });

  it('rejects the whole file when one row is bad, naming the line, and stores nothing', async () => {
    const bad = 'kode,nama,jenis\nDINKES,Dinas Kesehatan,dinas\nD!,X,dinas\nDINSOS,Dinas Sosial,dinas\nDINSOS,Lagi,dinas\n';
    const error = await importOpds(app.deps, parseCsv(bad)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect((error as ImportRejected).problems).toEqual([expect.stringContaining('baris 3'), expect.stringContaining('baris 5: kode DINSOS sudah ada di baris 4')]);
    expect(await app.deps.uow.run((r) => r.opds.list())).toEqual([]);
  });
});
