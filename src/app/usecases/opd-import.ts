import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { validateImportRows, type ImportSummary } from './import-rows.ts';
import { OPD_CODE_PATTERN, normalizeOpdCode } from '../../domain/opd-code.ts';

const rowSchema = z.object({
  kode: z
    .string({ error: 'kolom kode kosong' })
    .transform(normalizeOpdCode)
    .pipe(z.string().regex(OPD_CODE_PATTERN, 'kode harus 2–30 huruf besar/angka/garis bawah, misalnya DINKES')),
  nama: z.string({ error: 'kolom nama kosong' }).trim().min(2, 'nama terlalu pendek').max(200, 'nama terlalu panjang'),
  jenis: z
    .string({ error: 'kolom jenis kosong' })
    .trim()
    .toLowerCase()
    .min(2, 'jenis kosong')
    .max(40, 'jenis terlalu panjang'),
});

export { ImportRejected, type ImportSummary } from './import-rows.ts';

/**
 * Imports OPDs (columns kode, nama, jenis). Every row is validated first; a single bad row or a
 * code listed twice rejects the whole file, so nothing is stored half-done. Re-importing the
 * same list updates names and types and never creates duplicates.
 */
export async function importOpds(deps: AppDeps, rows: readonly Record<string, unknown>[], actorId: number | null = null): Promise<ImportSummary> {
  const valid = validateImportRows(rows, rowSchema, { of: (r) => r.kode, label: 'kode' }, 'file tidak berisi baris data (butuh kolom kode,nama,jenis)');

  return deps.uow.run(async (repos) => {
    const summary = { created: 0, updated: 0, unchanged: 0 };
    const now = deps.clock.now();
    for (const row of valid) summary[await repos.opds.upsert({ code: row.kode, name: row.nama, type: row.jenis }, now)]++;
    await repos.audit.record({ actorId, action: 'opd.imported', subject: 'opd:*', details: summary, at: now });
    return summary;
  });
}
