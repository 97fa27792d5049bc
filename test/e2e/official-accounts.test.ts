import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToPlainText } from '../helpers/fake-telegram/html.ts';
import { startHarness, type Harness } from '../helpers/kopdar-harness.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

const superadmin = { id: 1001, first_name: 'Sari', username: 'sari_kominfo' };
const admin = { id: 2001, first_name: 'Budi', last_name: 'Santoso', username: 'budi_dinkes' };

let h: Harness;

function reportRows(): { canonicalUrl: string; accountHandle: string | null; accountUnregistered: number }[] {
  const db = new Database(h.databaseFile, { readonly: true });
  try {
    return db.prepare('SELECT canonicalUrl, accountHandle, accountUnregistered FROM Report ORDER BY id').all() as {
      canonicalUrl: string;
      accountHandle: string | null;
      accountUnregistered: number;
    }[];
  } finally {
    db.close();
  }
}

async function say(from: { id: number; first_name: string; username?: string }, text: string, match: RegExp): Promise<string> {
  return (await h.say(from, text, match)).text ?? '';
}

beforeAll(async () => {
  h = await startHarness({ superadminIds: [superadmin.id] });
  const { stdout } = await run(path.join(root, 'node_modules/.bin/tsx'), ['src/cli/index.ts', 'opd', 'import', 'prisma/opd-contoh.csv'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: h.databaseUrl, BOT_TOKEN: '', LOG_LEVEL: 'silent' },
  });
  expect(stdout).toMatch(/36 OPD baru/);
  // The admin of DINKES joins by invitation.
  await say(superadmin, '/undang DINKES', /Tautan undangan/);
  await say(admin, `/start ${h.tokens.at(-1) ?? ''}`, /Selamat bergabung/);
}, 60_000);

afterAll(async () => {
  await h?.stop();
});

describe('official accounts (akun resmi) end to end', () => {
  it('a superadmin registers accounts and lists them with their verification date and what is missing', async () => {
    const instagram = await say(superadmin, '/akun DINKES instagram https://www.instagram.com/dinkes.kab/?igsh=abc', /akun resmi/);
    expect(instagram).toMatch(/^✅ Instagram <a href="https:\/\/instagram\.com\/dinkes\.kab">@dinkes\.kab<\/a> terdaftar sebagai akun resmi <b>DINKES<\/b> \(Dinas Kesehatan\), diverifikasi hari ini/);
    await say(superadmin, '/akun dinkes tt @Dinkes_Kab', /^✅ TikTok/);

    const listed = await say(superadmin, '/akun DINKES', /Akun resmi DINKES/);
    const plain = htmlToPlainText(listed);
    expect(plain).toMatch(/• Instagram @dinkes\.kab — diverifikasi \d{1,2} \w+ \d{4}/);
    expect(plain).toMatch(/• TikTok @dinkes_kab — diverifikasi/);
    expect(plain).toContain('⚠️ Platform wajib yang belum terdaftar: Facebook.');
    expect(listed).toContain('<a href="https://tiktok.com/@dinkes_kab">@dinkes_kab</a>');

    expect(await say(superadmin, '/akun DINKES linkedin @dinkes', /Format perintah belum tepat/)).toContain('/akun KODE_OPD platform @akun');
  });

  it('the admin reports from the registered account without a warning, and from an unregistered TikTok account with one', async () => {
    const own = await say(admin, '/lapor https://www.tiktok.com/@dinkes_kab/video/7300000000000000001', /^✅ TikTok/);
    expect(own).not.toContain('⚠️');
    const ownInstagram = await say(admin, '/lapor https://www.instagram.com/dinkes.kab/p/DKs_abc123/', /^✅ Instagram/);
    expect(ownInstagram).not.toContain('⚠️');

    const other = await say(admin, '/lapor https://www.tiktok.com/@budi.pribadi/video/7300000000000000002 Sosialisasi', /^✅ TikTok/);
    const [recorded, warning, ...rest] = other.split('\n');
    expect(recorded).toMatch(/^✅ TikTok — tercatat untuk <b>DINKES<\/b> \(Dinas Kesehatan\)\. Postingan DINKES minggu ini: <b>3<\/b>\.$/);
    expect(warning).toBe(
      '⚠️ Akun <b>@budi.pribadi</b> belum terdaftar sebagai akun resmi DINKES di TikTok. Bila ini akun resmi DINKES, daftarkan dengan <code>/akun DINKES tiktok @budi.pribadi</code>.',
    );
    expect(rest).toEqual([]);

    expect(reportRows()).toEqual([
      { canonicalUrl: 'https://tiktok.com/@/video/7300000000000000001', accountHandle: 'dinkes_kab', accountUnregistered: 0 },
      { canonicalUrl: 'https://instagram.com/p/DKs_abc123', accountHandle: 'dinkes.kab', accountUnregistered: 0 },
      { canonicalUrl: 'https://tiktok.com/@/video/7300000000000000002', accountHandle: 'budi.pribadi', accountUnregistered: 1 },
    ]);
  });

  it('refuses an account that belongs to another OPD, naming it', async () => {
    const refused = await say(superadmin, '/akun DINSOS tiktok https://www.tiktok.com/@dinkes_kab', /^❌/);
    expect(refused).toContain('sudah terdaftar sebagai akun resmi <b>DINKES</b> (Dinas Kesehatan), jadi tidak dapat didaftarkan untuk DINSOS');
    expect(await say(superadmin, '/akun DINSOS', /Akun resmi DINSOS/)).toContain('Belum ada akun resmi terdaftar untuk DINSOS.');
  });

  it('the admin lists their own OPD and registers for it; superadmins are asked to verify', async () => {
    expect(await say(admin, '/akun', /Akun resmi DINKES/)).toContain('Daftarkan akun resmi OPD Anda');
    const since = h.tg.sent.length;
    const registered = await say(admin, '/akun facebook https://www.facebook.com/dinkeskab', /^✅ Facebook/);
    expect(registered).toContain('Diskominfo akan memverifikasinya');
    expect(registered).toContain('✅ Semua platform wajib (Instagram, Facebook) sudah terdaftar.');
    const notice = await h.tg.waitForMessage(superadmin.id, /mendaftarkan Facebook/, { since });
    expect(notice.text).toContain('/akun DINKES verifikasi');
    expect(await say(admin, '/akun DINKES', /Akun resmi DINKES/)).toContain('dinkeskab</a> — belum diverifikasi Diskominfo');
    expect(await say(admin, '/akun DINKES verifikasi', /Diskominfo/)).toContain('hanya dapat dilakukan Diskominfo');
    expect(await say(superadmin, '/akun DINKES verifikasi', /^✅ 3 akun resmi/)).toContain('ditandai terverifikasi hari ini');
  });

  it('shows /akun in /bantuan for each role', async () => {
    expect(await say(superadmin, '/bantuan', /Perintah untuk/)).toContain('/akun KODE_OPD [platform @akun | hapus platform akun | verifikasi]');
    expect(await say(admin, '/bantuan', /Perintah untuk/)).toContain('/akun [platform @akun]');
  });
});
