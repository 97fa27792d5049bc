import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegramServer } from '../helpers/fake-telegram/server.ts';
import { TEST_TOKEN } from '../helpers/kopdar-harness.ts';
import { runCli, type CliResult } from '../helpers/run-cli.ts';


let dir: string;
let databaseUrl: string;
let tg: FakeTelegramServer;

/** Runs `npm run kopdar -- …`'s command line against this test's database and fake server. */
function kopdar(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(args, { DATABASE_URL: databaseUrl, BOT_TOKEN: '', SUPERADMIN_IDS: '', TELEGRAM_API_ROOT: tg.apiRoot, ...env });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kopdar-cli-'));
  databaseUrl = `file:${path.join(dir, 'data', 'kopdar.db')}`;
  tg = await FakeTelegramServer.start({ token: TEST_TOKEN, limits: { enforce: false } });
});
afterAll(async () => {
  await tg.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('operator CLI', () => {
  it('db migrate creates the database and is idempotent', async () => {
    const first = await kopdar(['db', 'migrate']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Migrasi diterapkan: ');
    const second = await kopdar(['db', 'migrate']);
    expect(second.stdout).toContain('sudah mutakhir');
  });

  it('opd import and list; a bad file is refused whole with its line numbers', async () => {
    const imported = await kopdar(['opd', 'import', 'prisma/opd-contoh.csv']);
    expect(imported.stdout).toContain('36 OPD baru');
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'kode,nama,jenis\nBARU,Dinas Baru,dinas\n,Tanpa Kode,dinas\n');
    const refused = await kopdar(['opd', 'import', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('baris 3');
    const listed = await kopdar(['opd', 'list']);
    expect(listed.stdout.trim().split('\n')).toHaveLength(36);
    expect(listed.stdout).not.toContain('BARU');
    expect(listed.stdout).toMatch(/DINKES\s+dinas\s+0 admin\s+Dinas Kesehatan/);
  });

  it('invite prints a one-time deep link made by a superadmin', async () => {
    const result = await kopdar(['invite', 'dinkes'], { BOT_TOKEN: TEST_TOKEN, SUPERADMIN_IDS: '1001' });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^https:\/\/t\.me\/kopdar_test_bot\?start=[A-Za-z0-9_-]{22}$/);
    const admins = await kopdar(['admin', 'list']);
    expect(admins.stdout).toMatch(/superadmin\s+1001/);
    // SUPERADMIN_IDS is the only source of the role: with it empty, nobody may invite.
    const withoutSuperadmin = await kopdar(['invite', 'DINKES'], { BOT_TOKEN: TEST_TOKEN });
    expect(withoutSuperadmin.code).toBe(1);
    expect(withoutSuperadmin.stderr).toContain('SUPERADMIN_IDS');
  });

  it('reports export writes CSV and JSON for local dates, both ends included', async () => {
    const db = new Database(path.join(dir, 'data', 'kopdar.db'));
    // 23:30 WIB on 1 November belongs to 1 November; 00:30 WIB on 3 November does not.
    const insert = db.prepare("INSERT INTO Report (opdId, reporterId, platform, canonicalUrl, originalUrl, note, createdAt) VALUES (1, 1, 'instagram', ?, ?, ?, ?)");
    insert.run('https://instagram.com/p/AAA', 'https://www.instagram.com/p/AAA/?igsh=1', 'Imunisasi, "gratis"', '2026-11-01T16:30:00.000Z');
    insert.run('https://instagram.com/p/BBB', 'https://instagram.com/p/BBB', null, '2026-11-02T16:59:00.000Z');
    insert.run('https://instagram.com/p/CCC', 'https://instagram.com/p/CCC', null, '2026-11-02T17:30:00.000Z');
    db.close();
    const out = path.join(dir, 'export.csv');
    const csv = await kopdar(['reports', 'export', '--from', '2026-11-01', '--to', '2026-11-02', '--format', 'csv', '--out', out]);
    expect(csv.stdout).toContain('2 laporan');
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toBe('id,createdAt,opdCode,opdName,platform,canonicalUrl,originalUrl,reporter,reporterTelegramId,note,accountHandle,accountUnregistered');
    expect(text).toContain('"Imunisasi, ""gratis"""');
    expect(text).not.toContain('CCC');
    const json = await kopdar(['reports', 'export', '--from', '2026-11-03', '--to', '2026-11-03', '--format', 'json']);
    expect((JSON.parse(json.stdout) as { canonicalUrl: string }[]).map((r) => r.canonicalUrl)).toEqual(['https://instagram.com/p/CCC']);
    const wrong = await kopdar(['reports', 'export', '--from', '1 Nov', '--to', '2026-11-03']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('YYYY-MM-DD');
  });

  it('jobs run nudges --dry-run shows who would be reminded and why, and sends nothing', async () => {
    // Monday 30 November 2026: every OPD imported above has been quiet since it was added.
    const dry = await kopdar(['jobs', 'run', 'nudges', '--date', '2026-11-30', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('uji coba, tidak ada yang dikirim');
    expect(dry.stdout).toContain('Belum punya admin');
    const weekend = await kopdar(['jobs', 'run', 'nudges', '--date', '2026-11-29', '--dry-run']);
    expect(weekend.stdout).toContain('bukan hari kerja');
    const db = new Database(path.join(dir, 'data', 'kopdar.db'), { readonly: true });
    const written = db.prepare('SELECT COUNT(*) AS n FROM OutboxMessage').get() as { n: number };
    db.close();
    expect(written.n).toBe(0);
    const jobs = await kopdar(['jobs', 'list']);
    expect(jobs.stdout).toMatch(/nudges\s+08:00 Asia\/Jakarta, hari kerja 1,2,3,4,5; terakhir: belum pernah/);
    const bad = await kopdar(['jobs', 'run', 'nudges', '--date', '2026-02-30']);
    expect(bad.code).toBe(1);
  });

  it('doctor says plainly what is right and what is wrong', async () => {
    const healthy = await kopdar(['doctor'], { BOT_TOKEN: TEST_TOKEN, SUPERADMIN_IDS: '1001' });
    expect(healthy.code).toBe(0);
    expect(healthy.stdout).toContain('✅ Token bot berlaku: @kopdar_test_bot');
    const badToken = '999:AAHthisTOKENisNOTknownTOtheSERVERxx';
    const rejected = await kopdar(['doctor'], { BOT_TOKEN: badToken, SUPERADMIN_IDS: '1001' });
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toContain('❌ Token bot: token ditolak Telegram');
    expect(rejected.stdout + rejected.stderr).not.toContain(badToken);
    const missing = await kopdar(['doctor']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('@BotFather');
  });
});
