import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
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

export interface ImportSummary {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

export class ImportRejected extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Impor dibatalkan, tidak ada yang disimpan:\n${problems.join('\n')}`);
    this.name = 'ImportRejected';
  }
}

/**
 * Imports OPDs (columns kode, nama, jenis). Every row is validated first; a single bad row or a
 * code listed twice rejects the whole file, so nothing is stored half-done. Re-importing the
 * same list updates names and types and never creates duplicates.
 */
export async function importOpds(deps: AppDeps, rows: readonly Record<string, unknown>[], actorId: number | null = null): Promise<ImportSummary> {
  const problems: string[] = [];
  const valid: z.infer<typeof rowSchema>[] = [];
  const lineOf = new Map<string, number>();
  rows.forEach((row, index) => {
    const line = index + 2; // line 1 is the header
    const parsed = rowSchema.safeParse(row);
    if (!parsed.success) {
      problems.push(`baris ${line}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      return;
    }
    const first = lineOf.get(parsed.data.kode);
    if (first !== undefined) {
      problems.push(`baris ${line}: kode ${parsed.data.kode} sudah ada di baris ${first}`);
      return;
    }
    lineOf.set(parsed.data.kode, line);
    valid.push(parsed.data);
  });
  if (rows.length === 0) problems.push('file tidak berisi baris data (butuh kolom kode,nama,jenis)');
  if (problems.length > 0) throw new ImportRejected(problems);

  return deps.uow.run(async (repos) => {
    const summary = { created: 0, updated: 0, unchanged: 0 };
    const now = deps.clock.now();
    for (const row of valid) summary[await repos.opds.upsert({ code: row.kode, name: row.nama, type: row.jenis }, now)]++;
    await repos.audit.record({ actorId, action: 'opd.imported', subject: 'opd:*', details: summary, at: now });
    return summary;
  });
}
