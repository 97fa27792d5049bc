import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppDeps } from '../../src/app/composition.ts';
import { builtInDefaults, builtInDirectiveSettings, builtInRateLimits } from '../../src/app/settings/definitions.ts';
import { buildRecap } from '../../src/app/usecases/recap/build.ts';
import { monthPeriod } from '../../src/domain/recap/period.ts';
import { openMigratedDatabase } from '../../src/infra/db/open.ts';
import { createRecapRenderer } from '../../src/infra/render/recap-renderer.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { runCli, type CliResult } from '../helpers/run-cli.ts';

let dir: string;
let file: string;

function kopdar(args: string[]): Promise<CliResult> {
  return runCli(args, { DATABASE_URL: `file:${file}`, BOT_TOKEN: '', SUPERADMIN_IDS: '', APP_TIMEZONE: 'Asia/Jakarta' });
}

/** October 2026 (a month past whatever the real date is): three OPDs, DINKES busy, DISDIK a little, KEC-A silent. */
async function seed(): Promise<void> {
  const opened = await openMigratedDatabase(`file:${file}`);
  await opened.close();
  const db = new Database(file);
  const at = '2026-09-01T00:00:00.000Z';
  const opd = db.prepare('INSERT INTO Opd (code, name, type, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)');
  const user = db.prepare("INSERT INTO User (telegramId, firstName, role, opdId, updatedAt) VALUES (?, ?, 'admin', ?, ?)");
  const report = db.prepare('INSERT INTO Report (opdId, reporterId, platform, canonicalUrl, originalUrl, createdAt) VALUES (?, ?, ?, ?, ?, ?)');
  let n = 0;
  for (const [code, posts] of [['DINKES', 30], ['DISDIK', 7], ['KEC-A', 0]] as const) {
    const opdId = Number(opd.run(code, `OPD ${code}`, 'dinas', at, at).lastInsertRowid);
    const userId = Number(user.run(5000 + n, `Admin ${code}`, opdId, at).lastInsertRowid);
    for (let i = 0; i < posts; i++) {
      n++;
      const url = `https://www.instagram.com/p/CLI${n}/`;
      report.run(opdId, userId, i % 3 === 0 ? 'facebook' : 'instagram', url, url, new Date(Date.UTC(2026, 9, 2 + (i % 27), 3)).toISOString());
    }
  }
  db.close();
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kopdar-cli-recap-'));
  file = path.join(dir, 'kopdar.db');
  await seed();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('export rekap', () => {
  it('writes the same per-OPD numbers as /rekap, as CSV and as the workbook', async () => {
    // The recap as the bot builds it (the same use case, renderer and database).
    const db = await openMigratedDatabase(`file:${file}`);
    const renderer = createRecapRenderer();
    const deps = createAppDeps({
      uow: db.uow,
      clock: new FakeClock('2026-12-05T02:00:00.000Z'),
      settings: { timezone: 'Asia/Jakarta', superadminIds: [], botUsername: 'kopdar_test_bot', nudgeDefaults: builtInDefaults, directives: builtInDirectiveSettings, rateLimits: builtInRateLimits },
      recapRenderer: renderer,
    });
    const recap = await buildRecap(deps, monthPeriod('2026-10', '2026-12-05'));
    await db.close();

    const csvOut = path.join(dir, 'rekap.csv');
    const csv = await kopdar(['export', 'rekap', '--period', '2026-10', '--format', 'csv', '--out', csvOut]);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain(`Rekap 2026-10 (3 OPD, 37 unggahan) ditulis ke ${csvOut}`);
    expect(readFileSync(csvOut, 'utf8')).toBe(renderer.csv(recap));

    const xlsxOut = path.join(dir, 'rekap.xlsx');
    expect((await kopdar(['export', 'rekap', '--period', '2026-10', '--format', 'xlsx', '--out', xlsxOut])).code).toBe(0);
    const fromCli = new ExcelJS.Workbook();
    await fromCli.xlsx.readFile(xlsxOut);
    const fromBot = new ExcelJS.Workbook();
    await fromBot.xlsx.load(Buffer.from(await renderer.workbook(recap)) as unknown as ExcelJS.Buffer);
    for (const name of ['Per OPD', 'Per Platform', 'Per Hari', 'Arahan']) {
      const values = (wb: ExcelJS.Workbook) => wb.getWorksheet(name)?.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1) : row));
      expect(values(fromCli), name).toEqual(values(fromBot));
    }
    const perOpd = fromCli.getWorksheet('Per OPD');
    expect(perOpd?.getRow(2).getCell(2).value).toBe('DINKES');
    expect(perOpd?.getRow(2).getCell(5).value).toBe(30);
  });

  it('refuses a bad period or a missing --out with an example', async () => {
    const bad = await kopdar(['export', 'rekap', '--period', '2026-13', '--out', path.join(dir, 'x.csv')]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--period harus');
    const noOut = await kopdar(['export', 'rekap', '--period', 'bulan', '--format', 'xlsx']);
    expect(noOut.stderr).toContain('--out');
  });
});
