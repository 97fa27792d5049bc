import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/run-cli.ts';


let dir: string;
let databaseUrl: string;

function kopdar(args: string[]): Promise<CliResult> {
  return runCli(args, { DATABASE_URL: databaseUrl, BOT_TOKEN: '', SUPERADMIN_IDS: '', APP_TIMEZONE: 'Asia/Jakarta' });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kopdar-cli-holidays-'));
  databaseUrl = `file:${path.join(dir, 'data', 'kopdar.db')}`;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('holidays CLI', () => {
  it('imports the sample; re-importing changes nothing; a bad file is refused whole with line numbers', async () => {
    const imported = await kopdar(['holidays', 'import', 'prisma/libur-contoh.csv']);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('25 hari libur baru, 0 diperbarui, 0 tidak berubah');
    const again = await kopdar(['holidays', 'import', 'prisma/libur-contoh.csv']);
    expect(again.stdout).toContain('0 hari libur baru, 0 diperbarui, 25 tidak berubah');

    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'tanggal,nama\n2027-01-01,Tahun Baru 2027\n2027-02-30,Salah\n2027-01-01,Lagi\n');
    const refused = await kopdar(['holidays', 'import', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('tidak ada yang disimpan');
    expect(refused.stderr).toContain('baris 3');
    expect(refused.stderr).toContain('baris 4: tanggal 2027-01-01 sudah ada di baris 2');
    expect((await kopdar(['holidays', 'import', path.join(dir, 'missing.csv')])).stderr).toContain('tidak bisa dibaca');
  });

  it('lists holidays between dates', async () => {
    const listed = await kopdar(['holidays', 'list', '--from', '2026-01-01', '--to', '2026-12-31']);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines).toHaveLength(25);
    expect(lines[0]).toMatch(/^2026-01-01\s+Kamis\s+Tahun Baru 2026 Masehi$/);
    expect(listed.stdout).not.toContain('2027-01-01');
    const august = await kopdar(['holidays', 'list', '--from', '2026-08-01', '--to', '2026-08-31']);
    expect(august.stdout.trim().split('\n')).toEqual([expect.stringContaining('2026-08-17  Senin'), expect.stringContaining('2026-08-25  Selasa')]);
    const wrong = await kopdar(['holidays', 'list', '--from', '2026-02-30']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('--from');
  });
});
