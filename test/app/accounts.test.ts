import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { listAccounts, registerAccount, removeAccount, verifyAccounts } from '../../src/app/usecases/accounts.ts';
import { importAccounts } from '../../src/app/usecases/account-import.ts';
import { ImportRejected } from '../../src/app/usecases/import-rows.ts';
import { recordReports } from '../../src/app/usecases/reports.ts';
import { exportReports } from '../../src/app/usecases/report-export.ts';
import type { Person } from '../../src/domain/model.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
let superadmin: Person;
let admin: Person;
let leader: Person;

beforeEach(async () => {
  // Monday 23 November 2026, 09:00 WIB.
  app = await createTestApp({ now: '2026-11-23T02:00:00.000Z' });
  await app.addOpds('DINKES', 'DINSOS');
  superadmin = await app.addPerson(1001, 'superadmin');
  admin = await app.addPerson(2001, 'admin', 'DINKES', 'Budi');
  leader = await app.addPerson(3001, 'leader');
});
afterEach(async () => app.close());

const text = (outcome: { replies: readonly { text: string }[] }): string => outcome.replies[0]?.text ?? '';
const accountsOf = (code: string) =>
  app.deps.uow.run(async (repos) => {
    const opd = await repos.opds.findByCode(code);
    return opd ? repos.accounts.listForOpd(opd.id) : [];
  });
const auditActions = (): string[] => {
  const db = new Database(app.file, { readonly: true });
  try {
    return (db.prepare('SELECT action FROM AuditLog ORDER BY id').all() as { action: string }[]).map((r) => r.action);
  } finally {
    db.close();
  }
};

describe('/akun register, list, remove, verify', () => {
  it('a superadmin registers (verified today), lists with links and the mandatory platforms still missing', async () => {
    const created = text(await registerAccount(app.deps, superadmin, { code: 'DINKES', platform: 'instagram', account: 'https://www.instagram.com/Dinkes.Kab/' }));
    expect(created).toMatch(/^✅ Instagram <a href="https:\/\/instagram\.com\/dinkes\.kab">@dinkes\.kab<\/a> terdaftar sebagai akun resmi <b>DINKES<\/b>/);
    expect(created).toContain('diverifikasi hari ini (23 November 2026)');
    expect(created).toContain('Platform wajib yang belum terdaftar: <b>Facebook</b>');
    await registerAccount(app.deps, superadmin, { code: 'DINKES', platform: 'tiktok', account: '@dinkes.kab' });

    const listed = text(await listAccounts(app.deps, superadmin, 'DINKES'));
    expect(listed).toContain('<b>Akun resmi DINKES</b> (OPD DINKES)');
    // Platform order, not alphabetical: Instagram before TikTok.
    expect(listed.indexOf('Instagram')).toBeLessThan(listed.indexOf('TikTok'));
    expect(listed).toContain('• TikTok <a href="https://tiktok.com/@dinkes.kab">@dinkes.kab</a> — diverifikasi 23 November 2026');
    expect(listed).toContain('Platform wajib yang belum terdaftar: <b>Facebook</b>');
    expect(listed).toContain('/akun DINKES verifikasi');

    await registerAccount(app.deps, superadmin, { code: 'DINKES', platform: 'facebook', account: 'dinkeskab' });
    expect(text(await listAccounts(app.deps, leader, 'DINKES'))).toContain('✅ Semua platform wajib (Instagram, Facebook) sudah terdaftar.');
    expect(auditActions().filter((a) => a === 'account.registered')).toHaveLength(3);
  });

  it('refuses an account registered for another OPD, naming it, and changes nothing', async () => {
    await registerAccount(app.deps, superadmin, { code: 'DINKES', platform: 'tiktok', account: '@dinkes' });
    const refused = text(await registerAccount(app.deps, superadmin, { code: 'DINSOS', platform: 'tiktok', account: 'https://www.tiktok.com/@Dinkes' }));
    expect(refused).toMatch(/^❌ Akun TikTok <b>@dinkes<\/b> sudah terdaftar sebagai akun resmi <b>DINKES<\/b> \(OPD DINKES\), jadi tidak dapat didaftarkan untuk DINSOS/);
    expect(refused).toContain('/akun DINKES hapus tiktok @dinkes');
    expect(await accountsOf('DINSOS')).toHaveLength(0);
    expect((await accountsOf('DINKES')).map((a) => a.handle)).toEqual(['dinkes']);
  });

  it('registering again for the same OPD updates and never duplicates; a superadmin renews the verification date', async () => {
    await registerAccount(app.deps, superadmin, { code: 'DINKES', platform: 'instagram', account: '@dinkes.kab' });
    app.clock.set('2026-12-01T02:00:00.000Z');
    const again = text(await registerAccount(app.deps, superadmin, { code: 'DINKES', platform: 'instagram', account: 'instagram.com/dinkes.kab' }));
    expect(again).toContain('tanggal verifikasinya diperbarui menjadi hari ini (1 Desember 2026)');
    const accounts = await accountsOf('DINKES');
    expect(accounts).toHaveLength(1);
    expect(accounts[0]?.lastVerifiedAt?.toISOString()).toBe('2026-12-01T02:00:00.000Z');
  });

  it('explains what is wrong with an account argument, with an example, and stores nothing', async () => {
    expect(text(await registerAccount(app.deps, superadmin, { code: 'DINKES', platform: 'tiktok', account: 'dinkes<kab>' }))).toBe(
      '❌ <b>dinkes&lt;kab&gt;</b> bukan nama akun TikTok yang valid: 2–24 huruf, angka, titik atau garis bawah.\n' +
        'Contoh: <code>/akun DINKES tiktok @dinkes.kab</code> atau <code>/akun DINKES tiktok https://www.tiktok.com/@dinkes.kab</code>. Tidak ada yang disimpan.',
    );
    expect(text(await registerAccount(app.deps, superadmin, { code: 'DINKES', platform: 'instagram', account: 'https://www.tiktok.com/@dinkes' }))).toContain(
      'Tautan itu tautan TikTok, bukan tautan profil Instagram',
    );
    expect(text(await registerAccount(app.deps, superadmin, { code: 'DINKES', platform: 'instagram', account: 'https://www.instagram.com/p/C1a2B3c4D5e/' }))).toContain(
      'bukan tautan profil akun Instagram',
    );
    expect(text(await registerAccount(app.deps, superadmin, { code: 'NOPE', platform: 'instagram', account: '@x' }))).toContain('tidak ditemukan');
    expect(text(await registerAccount(app.deps, superadmin, { code: null, platform: 'instagram', account: '@x' }))).toContain('Sebutkan kode OPD-nya');
    expect(await accountsOf('DINKES')).toHaveLength(0);
  });

  it('an admin lists and registers for their own OPD only (unverified, superadmins told); leaders only list', async () => {
    const own = await registerAccount(app.deps, admin, { code: null, platform: 'tiktok', account: '@dinkes.kab' });
    expect(text(own)).toContain('Diskominfo akan memverifikasinya');
    expect(own.replies[1]).toMatchObject({ chatId: superadmin.telegramId });
    expect(own.replies[1]?.text).toContain('Budi (admin <b>DINKES</b>) mendaftarkan TikTok');
    expect((await accountsOf('DINKES'))[0]?.lastVerifiedAt).toBeNull();

    const listed = text(await listAccounts(app.deps, admin, null));
    expect(listed).toContain('@dinkes.kab</a> — belum diverifikasi Diskominfo');
    expect(listed).toContain('Daftarkan akun resmi OPD Anda');
    expect(text(await listAccounts(app.deps, admin, 'DINSOS'))).toMatch(/^Sebagai admin, Anda melihat akun resmi OPD Anda sendiri; berikut akun DINKES/);

    expect(text(await registerAccount(app.deps, admin, { code: 'DINSOS', platform: 'tiktok', account: '@dinsos' }))).toMatch(/^❌ Anda admin DINKES/);
    expect(text(await registerAccount(app.deps, admin, { code: 'DINKES', platform: 'x', account: '@dinkes' }))).toMatch(/^✅/);
    expect(text(await registerAccount(app.deps, leader, { code: 'DINKES', platform: 'x', account: '@lain' }))).toContain('didaftarkan oleh Diskominfo atau oleh admin OPD');
    expect(text(await removeAccount(app.deps, admin, { code: 'DINKES', platform: 'x', account: '@dinkes' }))).toContain('hanya dapat dilakukan Diskominfo');
    expect(text(await verifyAccounts(app.deps, admin, 'DINKES'))).toContain('hanya dapat dilakukan Diskominfo');
    expect(text(await listAccounts(app.deps, leader, null))).toContain('Sebutkan kode OPD-nya');

    // Diskominfo verifies what the admin registered.
    app.clock.set('2026-11-24T03:00:00.000Z');
    expect(text(await verifyAccounts(app.deps, superadmin, 'DINKES'))).toBe('✅ 2 akun resmi <b>DINKES</b> ditandai terverifikasi hari ini (24 November 2026).');
    expect((await accountsOf('DINKES')).every((a) => a.lastVerifiedAt?.toISOString() === '2026-11-24T03:00:00.000Z')).toBe(true);
    expect(text(await verifyAccounts(app.deps, superadmin, 'DINSOS'))).toContain('belum punya akun resmi');
  });

  it('removes an account; an unknown one is said so', async () => {
    await registerAccount(app.deps, superadmin, { code: 'DINKES', platform: 'instagram', account: '@dinkes.kab' });
    expect(text(await removeAccount(app.deps, superadmin, { code: 'DINKES', platform: 'instagram', account: '@lain' }))).toContain('tidak terdaftar untuk DINKES');
    const removed = text(await removeAccount(app.deps, superadmin, { code: 'DINKES', platform: 'instagram', account: 'https://instagram.com/dinkes.kab' }));
    expect(removed).toMatch(/^✅ Instagram <a href="https:\/\/instagram\.com\/dinkes\.kab">@dinkes\.kab<\/a> dihapus dari akun resmi <b>DINKES<\/b>/);
    expect(await accountsOf('DINKES')).toHaveLength(0);
    expect(auditActions()).toEqual(['account.registered', 'account.removed']);
  });

  it('listAll and resetVerification (for the recap and the handover)', async () => {
    await registerAccount(app.deps, superadmin, { code: 'DINSOS', platform: 'facebook', account: 'dinsoskab' });
    await registerAccount(app.deps, superadmin, { code: 'DINKES', platform: 'instagram', account: '@dinkes.kab' });
    await registerAccount(app.deps, superadmin, { code: 'DINKES', platform: 'facebook', account: 'dinkeskab' });
    const all = await app.deps.uow.run((repos) => repos.accounts.listAll());
    expect(all.map((a) => `${a.platform}:${a.handle}`)).toEqual(['facebook:dinkeskab', 'instagram:dinkes.kab', 'facebook:dinsoskab']);
    expect(all[0]).toMatchObject({ url: 'https://facebook.com/dinkeskab', lastVerifiedAt: new Date('2026-11-23T02:00:00.000Z') });
    const dinkesId = all[0]?.opdId ?? 0;
    expect(await app.deps.uow.run((repos) => repos.accounts.resetVerification(dinkesId))).toBe(2);
    const after = await app.deps.uow.run((repos) => repos.accounts.listAll());
    expect(after.map((a) => a.lastVerifiedAt === null)).toEqual([true, true, false]);
  });
});

describe('/lapor marks reports from unregistered accounts', () => {
  const reportedRows = () => {
    const db = new Database(app.file, { readonly: true });
    try {
      return db.prepare('SELECT canonicalUrl, accountHandle, accountUnregistered FROM Report ORDER BY id').all() as {
        canonicalUrl: string;
        accountHandle: string | null;
        accountUnregistered: number;
      }[];
    } finally {
      db.close();
    }
  };

  it('records the shown account; marks and warns when it is not the OPD’s (even with none on that platform)', async () => {
    await registerAccount(app.deps, superadmin, { code: 'DINKES', platform: 'tiktok', account: '@dinkes.kab' });
    const reply = text(
      await recordReports(app.deps, admin, {
        links: [
          'https://www.tiktok.com/@Dinkes.Kab/video/7300000000000000001',
          'https://www.tiktok.com/@pribadi_budi/video/7300000000000000002',
          'https://x.com/dinkeskab/status/1790000000000000001',
          'https://www.instagram.com/p/C1a2B3c4D5e/',
        ],
        note: null,
        leadingWord: null,
      }),
    );
    const entries = reply.split('\n\n');
    expect(entries.map((entry) => entry.slice(0, 1))).toEqual(['✅', '✅', '✅', '✅']);
    expect(entries[0]).not.toContain('⚠️');
    expect(entries[1]).toBe(
      '✅ TikTok — tercatat untuk <b>DINKES</b> (OPD DINKES). Postingan DINKES minggu ini: <b>2</b>.\n' +
        '⚠️ Akun <b>@pribadi_budi</b> belum terdaftar sebagai akun resmi DINKES di TikTok. Bila ini akun resmi DINKES, daftarkan dengan <code>/akun DINKES tiktok @pribadi_budi</code>.',
    );
    expect(entries[2]).toContain('⚠️ Akun <b>@dinkeskab</b> belum terdaftar sebagai akun resmi DINKES di X (Twitter)');
    expect(entries[3]).not.toContain('⚠️');
    expect(reportedRows().map((r) => [r.accountHandle, r.accountUnregistered])).toEqual([
      ['dinkes.kab', 0],
      ['pribadi_budi', 1],
      ['dinkeskab', 1],
      [null, 0],
    ]);

    // A re-report answers 🔁 without a warning.
    const again = text(await recordReports(app.deps, admin, { links: ['https://www.tiktok.com/@pribadi_budi/video/7300000000000000002'], note: null, leadingWord: null }));
    expect(again).toMatch(/^🔁/);
    expect(again).not.toContain('⚠️');

    // Registering the account clears the mark of its earlier reports; removing it sets the mark again.
    const registered = text(await registerAccount(app.deps, superadmin, { code: 'DINKES', platform: 'x', account: '@dinkeskab' }));
    expect(registered).toContain('1 laporan sebelumnya yang memakai akun ini tidak lagi ditandai');
    expect(reportedRows()[2]?.accountUnregistered).toBe(0);
    await removeAccount(app.deps, superadmin, { code: 'DINKES', platform: 'x', account: 'dinkeskab' });
    expect(reportedRows()[2]?.accountUnregistered).toBe(1);

    const exported = await exportReports(app.deps, new Date('2026-11-22T00:00:00.000Z'), new Date('2026-11-24T00:00:00.000Z'));
    expect(exported.map((r) => [r.accountHandle, r.accountUnregistered])).toEqual([
      ['dinkes.kab', false],
      ['pribadi_budi', true],
      ['dinkeskab', true],
      ['', false],
    ]);
  });

  it('an account registered for another OPD is still unregistered for this one', async () => {
    await registerAccount(app.deps, superadmin, { code: 'DINSOS', platform: 'instagram', account: '@dinsos.kab' });
    const reply = text(await recordReports(app.deps, admin, { links: ['https://www.instagram.com/dinsos.kab/p/C1a2B3c4D5e/'], note: null, leadingWord: null }));
    expect(reply).toMatch(/^✅ Instagram[^\n]*\n⚠️ Akun <b>@dinsos\.kab<\/b> belum terdaftar sebagai akun resmi DINKES di Instagram/);
  });
});

describe('importAccounts', () => {
  it('imports, re-imports without duplicates, and refuses a bad file whole with line numbers', async () => {
    const rows = [
      { kode: 'dinkes', platform: 'IG', akun: 'https://www.instagram.com/dinkes.kab/' },
      { kode: 'DINKES', platform: 'facebook', akun: 'https://www.facebook.com/profile.php?id=100064000000001' },
      { kode: 'DINSOS', platform: 'tiktok', akun: '@dinsos' },
    ];
    expect(await importAccounts(app.deps, rows)).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(await importAccounts(app.deps, rows)).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect((await accountsOf('DINKES')).map((a) => a.handle)).toEqual(['100064000000001', 'dinkes.kab']);

    const invalid = [
      { kode: 'DINKES', platform: 'tiktok', akun: '@baru' },
      { kode: 'DINKES', platform: 'linkedin', akun: '@dinkes' },
      { kode: 'DINKES', platform: 'instagram', akun: 'https://www.instagram.com/p/C1a2B3c4D5e/' },
      { kode: 'DINSOS', platform: 'tt', akun: 'https://www.tiktok.com/@baru' },
    ];
    const rejected = await importAccounts(app.deps, invalid).catch((e: unknown) => e);
    expect(rejected).toBeInstanceOf(ImportRejected);
    expect((rejected as ImportRejected).problems).toEqual([
      'baris 3: platform linkedin tidak dikenal (pakai instagram, facebook, tiktok, youtube, x atau threads)',
      'baris 4: akun https://www.instagram.com/p/C1a2B3c4D5e/: tautan itu bukan tautan profil akun (mungkin tautan postingan)',
      'baris 5: akun tiktok @baru sudah ada di baris 2',
    ]);

    // Rows that are valid on their own but clash with the database: nothing of the file is kept.
    const clashing = [
      { kode: 'DINKES', platform: 'tiktok', akun: '@baru' },
      { kode: 'NOPE', platform: 'instagram', akun: '@nope' },
      { kode: 'DINKES', platform: 'tiktok', akun: '@dinsos' },
    ];
    const clash = await importAccounts(app.deps, clashing).catch((e: unknown) => e);
    expect((clash as ImportRejected).problems).toEqual([
      'baris 3: OPD NOPE tidak ditemukan (impor OPD dulu: npm run kopdar -- opd import …)',
      'baris 4: akun tiktok @dinsos sudah terdaftar untuk DINSOS; hapus dulu dari DINSOS bila sudah berpindah',
    ]);
    expect((await accountsOf('DINKES')).map((a) => a.handle)).toEqual(['100064000000001', 'dinkes.kab']);
  });
});
