import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import type { Catalogue } from '../messages/id.ts';
import type { OfficialAccountRecord } from '../ports/repositories.port.ts';
import type { Opd } from '../../domain/model.ts';
import { displayHandle, parseAccountHandle, platformFromName, type HandleProblem, type Platform } from '../../domain/links/index.ts';
import { OPD_CODE_PATTERN, normalizeOpdCode } from '../../domain/opd-code.ts';
import { ImportRejected, validateImportRows, type ImportSummary } from './import-rows.ts';

/** Why an account cell is refused, as the operator reads it next to the line number. */
function problemText(m: Catalogue, platform: Platform, problem: HandleProblem): string {
  if (problem === 'bad_handle') return `bukan nama akun ${m.platformName[platform]} yang valid (${m.accounts.rule[platform]})`;
  if (problem === 'other_site') return `tautan itu bukan tautan profil ${m.platformName[platform]}`;
  return 'tautan itu bukan tautan profil akun (mungkin tautan postingan)';
}

const rowShape = z.object({
  kode: z
    .string({ error: 'kolom kode kosong' })
    .transform(normalizeOpdCode)
    .pipe(z.string().regex(OPD_CODE_PATTERN, 'kode harus 2–30 huruf besar/angka/garis bawah, misalnya DINKES')),
  platform: z.string({ error: 'kolom platform kosong' }).transform((word, ctx): Platform => {
    const platform = platformFromName(word);
    if (platform) return platform;
    ctx.addIssue({ code: 'custom', message: `platform ${word.trim() || '(kosong)'} tidak dikenal (pakai instagram, facebook, tiktok, youtube, x atau threads)` });
    return z.NEVER;
  }),
  akun: z.string({ error: 'kolom akun kosong' }),
});

/** A row whose account cell is a valid handle or profile link of its platform. */
const rowSchema = (m: Catalogue) =>
  rowShape.transform((row, ctx) => {
    const parsed = parseAccountHandle(row.platform, row.akun);
    if (parsed.ok) return { code: row.kode, platform: parsed.platform, handle: parsed.handle, url: parsed.url };
    ctx.addIssue({ code: 'custom', message: `akun ${row.akun.trim().slice(0, 100) || '(kosong)'}: ${problemText(m, row.platform, parsed.problem)}` });
    return z.NEVER;
  });

/**
 * Imports official accounts (columns kode, platform, akun; akun is @handle, handle or profile
 * link). Every row is checked first, then stored in one transaction: a bad row, an account listed
 * twice, an unknown OPD code or an account already registered for another OPD rejects the whole
 * file with the line numbers, and nothing is stored. Re-importing updates and never duplicates.
 * The operator imports Diskominfo's list, so every imported account counts as verified now.
 */
export async function importAccounts(deps: AppDeps, rows: readonly Record<string, unknown>[], actorId: number | null = null): Promise<ImportSummary> {
  const valid = validateImportRows(
    rows,
    rowSchema(deps.messages),
    { of: (r) => `${r.platform} ${displayHandle(r.platform, r.handle)}`, label: 'akun' },
    'file tidak berisi baris data (butuh kolom kode,platform,akun)',
  );

  return deps.uow.run(async (repos) => {
    const opds = new Map((await repos.opds.list()).map((o) => [o.code, o]));
    const summary = { created: 0, updated: 0, unchanged: 0 };
    const problems: string[] = [];
    const now = deps.clock.now();
    // validateImportRows refused the file unless every row was valid: row i is on line i + 2.
    for (const [index, row] of valid.entries()) {
      const line = index + 2;
      const opd = opds.get(row.code);
      if (!opd) {
        problems.push(`baris ${line}: OPD ${row.code} tidak ditemukan (impor OPD dulu: npm run kopdar -- opd import …)`);
        continue;
      }
      const result = await repos.accounts.register({ opdId: opd.id, platform: row.platform, handle: row.handle, url: row.url, createdById: actorId, at: now, verified: true });
      if (result.outcome === 'taken') {
        problems.push(`baris ${line}: akun ${row.platform} ${displayHandle(row.platform, row.handle)} sudah terdaftar untuk ${result.owner.code}; hapus dulu dari ${result.owner.code} bila sudah berpindah`);
        continue;
      }
      summary[result.outcome]++;
      await repos.reports.setAccountMark(opd.id, row.platform, row.handle, false);
    }
    // Thrown inside the transaction, so whatever the good rows wrote is rolled back too.
    if (problems.length > 0) throw new ImportRejected(problems);
    await repos.audit.record({ actorId, action: 'account.imported', subject: 'account:*', details: summary, at: now });
    return summary;
  });
}

export interface AccountListing {
  readonly opd: Opd;
  readonly accounts: readonly OfficialAccountRecord[];
}

/** Every OPD with its registered accounts, by code (the operator's `accounts list`). */
export async function accountsByOpd(deps: AppDeps): Promise<AccountListing[]> {
  return deps.uow.run(async (repos) => {
    const all = await repos.accounts.listAll();
    return (await repos.opds.list()).map((opd) => ({ opd, accounts: all.filter((a) => a.opdId === opd.id) }));
  });
}
