import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/run-cli.ts';

let dir: string;
let databaseFile: string;

function kopdar(args: string[]): Promise<CliResult> {
  return runCli(args, { DATABASE_URL: `file:${databaseFile}`, BOT_TOKEN: '', SUPERADMIN_IDS: '', APP_TIMEZONE: 'Asia/Jakarta' });
}

function accountRows(): { code: string; platform: string; handle: string; url: string; verified: number }[] {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return db
      .prepare('SELECT o.code AS code, a.platform AS platform, a.handle AS handle, a.url AS url, a.lastVerifiedAt IS NOT NULL AS verified FROM OfficialAccount a JOIN Opd o ON o.id = a.opdId ORDER BY a.id')
      .all() as { code: string; platform: string; handle: string; url: string; verified: number }[];
  } finally {
    db.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kopdar-cli-accounts-'));
  databaseFile = path.join(dir, 'data', 'kopdar.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('accounts CLI', () => {
  it('imports the sample (verified), re-importing changes nothing; a bad file is refused whole with line numbers', async () => {
    expect((await kopdar(['opd', 'import', 'prisma/opd-contoh.csv'])).code).toBe(0);
    const imported = await kopdar(['accounts', 'import', 'prisma/akun-contoh.csv']);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('Impor selesai: 16 akun baru, 0 diperbarui, 0 tidak berubah');
    const again = await kopdar(['accounts', 'import', 'prisma/akun-contoh.csv']);
    expect(again.stdout).toContain('0 akun baru, 0 diperbarui, 16 tidak berubah');
    const rows = accountRows();
    expect(rows).toHaveLength(16);
    expect(rows.every((r) => r.verified === 1)).toBe(true);
    expect(rows).toContainEqual({ code: 'DINKES', platform: 'facebook', handle: '100064000000001', url: 'https://facebook.com/profile.php?id=100064000000001', verified: 1 });
    expect(rows).toContainEqual({ code: 'SETDA', platform: 'instagram', handle: 'pemkab.contoh', url: 'https://instagram.com/pemkab.contoh', verified: 1 });

    const bad = path.join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'kode,platform,akun\n' +
        'DINSOS,facebook,dinsoskabcontoh\n' + // fine on its own
        'DINSOS,tiktok,https://www.tiktok.com/@dinsos/video/7300000000000000001\n' +
        'TIDAKADA,instagram,@tidakada\n' +
        'DINSOS,instagram,@dinkes.kabcontoh\n' + // DINKES's account
        'DINSOS,fb,https://facebook.com/dinsoskabcontoh\n', // the same as line 2
    );
    const refused = await kopdar(['accounts', 'import', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('tidak ada yang disimpan');
    expect(refused.stderr).toContain('baris 3: akun https://www.tiktok.com/@dinsos/video/7300000000000000001: tautan itu bukan tautan profil akun');
    expect(refused.stderr).toContain('baris 6: akun facebook dinsoskabcontoh sudah ada di baris 2');

    // Each row valid on its own: the database checks still refuse the whole file.
    writeFileSync(bad, 'kode,platform,akun\nDINSOS,facebook,dinsoskabcontoh\nTIDAKADA,instagram,@tidakada\nDINSOS,instagram,@dinkes.kabcontoh\n');
    const clash = await kopdar(['accounts', 'import', bad]);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('baris 3: OPD TIDAKADA tidak ditemukan');
    expect(clash.stderr).toContain('baris 4: akun instagram @dinkes.kabcontoh sudah terdaftar untuk DINKES');
    expect(accountRows()).toHaveLength(16);
    expect((await kopdar(['accounts', 'import'])).stderr).toContain('accounts import prisma/akun-contoh.csv');
  });

  it('lists accounts per OPD and the OPDs missing a mandatory platform', async () => {
    const listed = await kopdar(['accounts', 'list', '--opd', 'dinkes']);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^DINKES\s+facebook\s+100064000000001\s+https:\/\/facebook\.com\/profile\.php\?id=100064000000001 {2}\(diverifikasi \d+ \w+ \d{4}\)$/);
    expect(listed.stdout).toMatch(/DINKES\s+tiktok\s+@dinkes\.kabcontoh\s+https:\/\/tiktok\.com\/@dinkes\.kabcontoh/);
    const all = await kopdar(['accounts', 'list']);
    expect(all.stdout).toMatch(/Belum punya akun wajib \(\d+ OPD\): .*DINSOS \(facebook\)/);
    expect(all.stdout).not.toMatch(/Belum punya akun wajib.*DINKES/);
    expect((await kopdar(['accounts', 'list', '--opd', 'NOPE'])).stderr).toContain('OPD NOPE tidak ditemukan');
  });

  it('reports export carries the shown account and its mark', async () => {
    const db = new Database(databaseFile);
    const reporter = db.prepare("INSERT INTO User (telegramId, firstName, role, opdId, updatedAt) VALUES (2001, 'Budi', 'admin', 1, '2026-11-01T00:00:00.000Z')").run().lastInsertRowid;
    db.prepare(
      "INSERT INTO Report (opdId, reporterId, platform, canonicalUrl, originalUrl, accountHandle, accountUnregistered, createdAt) VALUES (1, ?, 'tiktok', ?, ?, 'pribadi', 1, '2026-11-02T03:00:00.000Z')",
    ).run(reporter, 'https://tiktok.com/@/video/7300000000000000001', 'https://www.tiktok.com/@pribadi/video/7300000000000000001');
    db.close();
    const csv = await kopdar(['reports', 'export', '--from', '2026-11-02', '--to', '2026-11-02']);
    expect(csv.stdout.split('\n')[1]).toMatch(/,pribadi,true$/);
    const json = await kopdar(['reports', 'export', '--from', '2026-11-02', '--to', '2026-11-02', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject([{ accountHandle: 'pribadi', accountUnregistered: true }]);
  });
});
