import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToPlainText } from '../helpers/fake-telegram/html.ts';
import { startHarness, type Harness } from '../helpers/kopdar-harness.ts';
import type { SentCall } from '../helpers/fake-telegram/types.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

const superadmin = { id: 1001, first_name: 'Sari', username: 'sari_kominfo' };
const oldAdmin = { id: 2001, first_name: 'Budi', last_name: 'Santoso', username: 'budi_dinkes' };
const newAdmin = { id: 2002, first_name: 'Rina', username: 'rina_dinkes' };
const declining = { id: 2003, first_name: 'Tono', username: 'tono_staf' };

let h: Harness;

function query<T>(sql: string): T[] {
  const db = new Database(h.databaseFile, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const userRow = (telegramId: number) =>
  query<{ role: string; code: string | null }>(`SELECT u.role, o.code FROM User u LEFT JOIN Opd o ON o.id = u.opdId WHERE u.telegramId = ${telegramId}`)[0];

async function say(from: { id: number; first_name: string; username?: string }, text: string, match: RegExp): Promise<string> {
  return (await h.say(from, text, match)).text ?? '';
}

/** The callback_data of the card's first row: [Terima, Tolak]. */
function buttonData(card: SentCall, index: 0 | 1): string {
  const markup = card.replyMarkup;
  const button = markup && 'inline_keyboard' in markup ? markup.inline_keyboard[0]?.[index] : undefined;
  return button && 'callback_data' in button ? (button.callback_data ?? '') : '';
}

beforeAll(async () => {
  h = await startHarness({ superadminIds: [superadmin.id] });
  const { stdout } = await run(path.join(root, 'node_modules/.bin/tsx'), ['src/cli/index.ts', 'opd', 'import', 'prisma/opd-contoh.csv'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: h.databaseUrl, BOT_TOKEN: '', LOG_LEVEL: 'silent' },
  });
  expect(stdout).toMatch(/36 OPD baru/);
  await say(superadmin, '/undang DINKES', /Tautan undangan/);
  await say(oldAdmin, `/start ${h.tokens.at(-1) ?? ''}`, /Selamat bergabung/);
  await say(superadmin, '/akun DINKES instagram @dinkes.kab', /^✅ Instagram/);
  await say(superadmin, '/akun DINKES facebook dinkeskab', /^✅ Facebook/);
  await say(oldAdmin, '/lapor https://www.instagram.com/p/DKs_abc123/', /^✅ Instagram/);
}, 60_000);

afterAll(async () => {
  await h?.stop();
});

describe('handover (serah terima) end to end', () => {
  it('asks the admin to have a person who never opened the bot send /start first', async () => {
    const answer = await say(oldAdmin, `/serahterima @${newAdmin.username}`, /belum pernah membuka bot/);
    expect(answer).toContain('Mohon minta ia membuka @kopdar_test_bot dan mengirim /start, lalu kirim ulang perintah serah terima ini.');
    expect(query('SELECT id FROM Handover')).toEqual([]);
  });

  it('an admin hands over to a newcomer who accepts: roles, reports, accounts and messages to everyone', async () => {
    await say(newAdmin, '/start', /belum terdaftar|Halo/);
    const since = h.tg.sent.length;
    const sent = await say(oldAdmin, `/serahterima @${newAdmin.username}`, /Permintaan serah terima/);
    expect(sent).toContain('telah dikirim kepada Rina (@rina_dinkes)');
    const card = await h.tg.waitForMessage(newAdmin.id, /Serah terima tugas admin/, { since });
    expect(htmlToPlainText(card.text ?? '')).toContain('Budi Santoso (@budi_dinkes) menyerahkan tugas admin media sosial Dinas Kesehatan (DINKES) kepada Anda.');

    const mark = h.tg.sent.length;
    h.tg.clickButton({ from: newAdmin, chatId: newAdmin.id, messageId: card.messageId ?? 0, data: buttonData(card, 0) });
    const welcome = await h.tg.waitForMessage(newAdmin.id, /Anda sekarang <b>admin media sosial/, { since: mark });
    const welcomeText = htmlToPlainText(welcome.text ?? '');
    expect(welcomeText).toContain('Anda sekarang admin media sosial Dinas Kesehatan (DINKES), menggantikan Budi Santoso (@budi_dinkes).');
    expect(welcomeText).toContain('Daftar periksa serah terima akun DINKES');
    expect(welcomeText).toContain('• Instagram @dinkes.kab');
    expect(welcomeText).toContain('• Facebook dinkeskab');
    expect(welcomeText).toContain('Bot tidak pernah meminta maupun menyimpan kata sandi');
    expect(welcomeText).toContain('Langkah berikutnya');

    const farewell = await h.tg.waitForMessage(oldAdmin.id, /Serah terima selesai/, { since: mark });
    expect(htmlToPlainText(farewell.text ?? '')).toContain('Laporan yang pernah Anda kirim tetap tercatat untuk DINKES');
    expect(farewell.text).toContain('Pindahkan autentikasi dua faktor (2FA)');
    const notice = await h.tg.waitForMessage(superadmin.id, /Serah terima admin DINKES/, { since: mark });
    expect(notice.text).toContain('Tanggal verifikasi 2 akun resmi DINKES dikosongkan');
    expect(notice.text).toContain('/akun DINKES verifikasi');
    await h.tg.waitFor((c) => c.method === 'answerCallbackQuery' && c.text === 'Serah terima diterima.', { timeoutMs: 5_000 });
    await h.tg.waitFor((c) => c.method === 'editMessageText' && /Anda menerima serah terima ini/.test(c.text ?? ''), { timeoutMs: 5_000 });

    expect(userRow(newAdmin.id)).toEqual({ role: 'admin', code: 'DINKES' });
    expect(userRow(oldAdmin.id)).toEqual({ role: 'none', code: null });
    // The old admin's report stays with the OPD.
    expect(query<{ code: string; reporter: number }>('SELECT o.code AS code, u.telegramId AS reporter FROM Report r JOIN Opd o ON o.id = r.opdId JOIN User u ON u.id = r.reporterId')).toEqual([
      { code: 'DINKES', reporter: oldAdmin.id },
    ]);
    expect(query<{ lastVerifiedAt: string | null }>('SELECT lastVerifiedAt FROM OfficialAccount')).toEqual([{ lastVerifiedAt: null }, { lastVerifiedAt: null }]);
    expect(query<{ action: string }>("SELECT action FROM AuditLog WHERE action LIKE 'handover.%' OR action IN ('admin.revoked', 'admin.added')").map((r) => r.action)).toEqual([
      'handover.requested',
      'handover.accepted',
      'admin.revoked',
      'admin.added',
    ]);

    // Menus follow: the new admin's grows, the old admin's is removed.
    await h.tg.waitFor((c) => c.method === 'deleteMyCommands' && JSON.stringify(c.params.scope ?? null).includes(String(oldAdmin.id)), { timeoutMs: 5_000 });
    await h.tg.waitFor((c) => c.method === 'setMyCommands' && JSON.stringify(c.params.scope ?? null).includes(String(newAdmin.id)), { timeoutMs: 5_000 });
    expect(h.tg.commands.get(`chat:${newAdmin.id}`)?.map((c) => c.command)).toContain('serahterima');
    expect(h.tg.commands.get(`chat:${oldAdmin.id}`)).toBeUndefined();

    expect(await say(newAdmin, '/lapor https://www.instagram.com/p/RINA00001/', /^✅ Instagram/)).toContain('DINKES');
    expect(await say(oldAdmin, '/lapor https://www.instagram.com/p/BUDI00002/', /belum terdaftar/)).toContain('/daftar');
    expect(await say(superadmin, '/akun DINKES', /Akun resmi DINKES/)).toContain('belum diverifikasi Diskominfo');

    // A second tap on the old card is answered politely and changes nothing.
    h.tg.clickButton({ from: newAdmin, chatId: newAdmin.id, messageId: card.messageId ?? 0, data: buttonData(card, 1) });
    await h.tg.waitFor((c) => c.method === 'answerCallbackQuery' && c.text === 'Serah terima ini sudah diterima.', { timeoutMs: 5_000 });
    expect(userRow(newAdmin.id)).toEqual({ role: 'admin', code: 'DINKES' });
  });

  it('a handover the new person declines changes nothing and the requester is told', async () => {
    await say(declining, '/start', /belum terdaftar|Halo/);
    const since = h.tg.sent.length;
    await say(newAdmin, `/serahterima ${declining.id}`, /telah dikirim kepada Tono/);
    const card = await h.tg.waitForMessage(declining.id, /Serah terima tugas admin/, { since });

    const mark = h.tg.sent.length;
    h.tg.clickButton({ from: declining, chatId: declining.id, messageId: card.messageId ?? 0, data: buttonData(card, 1) });
    const told = await h.tg.waitForMessage(newAdmin.id, /menolak serah terima/, { since: mark });
    expect(htmlToPlainText(told.text ?? '')).toContain('Tono (@tono_staf) menolak serah terima tugas admin DINKES. Tidak ada yang berubah: Rina (@rina_dinkes) tetap admin DINKES.');
    await h.tg.waitFor((c) => c.method === 'editMessageText' && /Anda menolak serah terima ini/.test(c.text ?? ''), { timeoutMs: 5_000 });
    expect(userRow(declining.id)).toEqual({ role: 'none', code: null });
    expect(userRow(newAdmin.id)).toEqual({ role: 'admin', code: 'DINKES' });
    expect(query<{ status: string }>('SELECT status FROM Handover ORDER BY id').map((r) => r.status)).toEqual(['accepted', 'declined']);
    expect(h.tg.sent.slice(mark).filter((c) => c.chatId === superadmin.id)).toEqual([]);
  });

  it('a superadmin request left unanswered for 48 hours expires: the late tap is answered politely and nothing changes', async () => {
    const since = h.tg.sent.length;
    await say(superadmin, `/serahterima DINKES @${declining.username}`, /telah dikirim kepada Tono/);
    await h.tg.waitForMessage(newAdmin.id, /Diskominfo \(Sari\) memulai serah terima/, { since });
    const card = await h.tg.waitForMessage(declining.id, /atas permintaan Diskominfo/, { since });
    h.clock.shift(49 * 3_600_000);
    const mark = h.tg.sent.length;
    h.tg.clickButton({ from: declining, chatId: declining.id, messageId: card.messageId ?? 0, data: buttonData(card, 0) });
    await h.tg.waitFor((c) => c.method === 'answerCallbackQuery' && c.text === 'Permintaan serah terima ini sudah kedaluwarsa.', { timeoutMs: 5_000 });
    expect((await h.tg.waitForMessage(superadmin.id, /kedaluwarsa/, { since: mark })).text).toContain('Tidak ada yang berubah');
    expect(userRow(declining.id)).toEqual({ role: 'none', code: null });
    expect(userRow(newAdmin.id)).toEqual({ role: 'admin', code: 'DINKES' });
  });

  it('/bantuan shows /serahterima to admins and superadmins with their own forms', async () => {
    expect(await say(newAdmin, '/bantuan', /Perintah untuk/)).toContain('/serahterima @username_baru | batal');
    expect(await say(superadmin, '/bantuan', /Perintah untuk/)).toContain('/serahterima KODE_OPD [@admin_lama] @admin_baru | batal');
  });
});
