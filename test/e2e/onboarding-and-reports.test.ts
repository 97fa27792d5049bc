import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, TEST_TOKEN, type Harness } from '../helpers/kopdar-harness.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

const superadmin = { id: 1001, first_name: 'Sari', username: 'sari_kominfo' };
const admin = { id: 2001, first_name: 'Budi', last_name: 'Santoso', username: 'budi_dinkes' };
const stranger = { id: 3001, first_name: 'Tono', username: 'tono' };
const applicant = { id: 4001, first_name: 'Rina', username: 'rina_dinsos' };

let h: Harness;

function reportsInDb(): { canonicalUrl: string; opdId: number; reporterId: number }[] {
  const db = new Database(h.databaseFile, { readonly: true });
  try {
    return db.prepare('SELECT canonicalUrl, opdId, reporterId FROM Report ORDER BY id').all() as { canonicalUrl: string; opdId: number; reporterId: number }[];
  } finally {
    db.close();
  }
}

/** Sends a private message and waits for the bot's next answer in that chat. */
async function say(from: { id: number; first_name: string; username?: string }, text: string, match: RegExp): Promise<string> {
  return (await h.say(from, text, match)).text ?? '';
}

beforeAll(async () => {
  h = await startHarness({ superadminIds: [superadmin.id] });
  // The operator imports the regency's OPD list with the CLI, into the bot's own database.
  const { stdout } = await run(path.join(root, 'node_modules/.bin/tsx'), ['src/cli/index.ts', 'opd', 'import', 'prisma/opd-contoh.csv'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: h.databaseUrl, BOT_TOKEN: '', LOG_LEVEL: 'silent' },
  });
  expect(stdout).toMatch(/36 OPD baru/);
}, 60_000);

afterAll(async () => {
  await h?.stop();
});

describe('onboarding and /lapor end to end', () => {
  it('registers command menus per scope', () => {
    const newcomer = h.tg.commands.get('all_private_chats')?.map((c) => c.command);
    expect(newcomer).toEqual(['bantuan', 'daftar', 'start']);
    expect(h.tg.commands.get('all_group_chats')?.map((c) => c.command)).toContain('lapor');
    expect(h.tg.commands.get('all_group_chats')?.map((c) => c.command)).not.toContain('undang');
    expect(h.tg.commands.get(`chat:${superadmin.id}`)?.map((c) => c.command)).toContain('undang');
  });

  it('turns an unregistered user away with how to join, and records nothing', async () => {
    const text = await say(stranger, '/lapor https://www.instagram.com/p/STRANGER1/', /belum terdaftar/);
    expect(text).toContain('/daftar');
    expect(reportsInDb()).toHaveLength(0);
    expect(await say(stranger, '/riwayat', /belum terdaftar/)).toContain('tautan undangan');
  });

  it('superadmin invites, the admin joins by deep link', async () => {
    const text = await say(superadmin, '/undang DINKES', /Tautan undangan/);
    const token = h.tokens.at(-1) ?? '';
    expect(text).toContain(`https://t.me/kopdar_test_bot?start=${token}`);
    const welcome = await say(admin, `/start ${token}`, /Selamat bergabung/);
    expect(welcome).toContain('Dinas Kesehatan (DINKES)');
    await h.tg.waitForMessage(superadmin.id, /Budi Santoso telah bergabung sebagai admin DINKES/);
    await h.tg.waitFor((c) => c.method === 'setMyCommands' && JSON.stringify(c.params.scope ?? null).includes(String(admin.id)), { timeoutMs: 5_000 });
    expect(h.tg.commands.get(`chat:${admin.id}`)?.map((c) => c.command)).toEqual(['lapor', 'batal', 'riwayat', 'rekap', 'peringkat', 'kopdar', 'hadir', 'saya', 'bantuan', 'tanya', 'daftar', 'start', 'serahterima', 'akun']);
    // The link works once.
    expect(await say(stranger, `/start ${token}`, /sudah dipakai/)).toContain('tautan baru');
    expect(await say(admin, '/saya', /Peran/)).toContain('Dinas Kesehatan (DINKES)');
  });

  it('records a post, answers a re-report of any variant with 🔁, refuses bad links with ❌', async () => {
    const recorded = await say(admin, '/lapor https://www.instagram.com/p/DKs_abc123/?igsh=xyz Sosialisasi imunisasi', /^✅/);
    expect(recorded).toMatch(/^✅ Instagram — tercatat untuk <b>DINKES<\/b> \(Dinas Kesehatan\)\. Postingan DINKES minggu ini: <b>1<\/b>\.$/);
    const again = await say(admin, '/lapor instagram.com/reel/DKs_abc123', /^🔁/);
    expect(again).toContain('DINKES');
    const refused = await say(admin, '/lapor https://instagram.com/dinkes_kab', /^❌/);
    expect(refused).toContain('bukan tautan satu postingan');
    const none = await say(admin, '/lapor', /^❌/);
    expect(none).toContain('Contoh');
    const rows = reportsInDb();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.canonicalUrl).toBe('https://instagram.com/p/DKs_abc123');
  });

  it('takes several links in one message, one marker line each', async () => {
    const text = await say(
      admin,
      '/lapor https://youtu.be/dQw4w9WgXcQ?si=abc https://x.com/dinkes/status/1790000000000000001 https://evil.example.com/p/1 https://www.instagram.com/p/DKs_abc123/',
      /^✅/,
    );
    const markers = text.split('\n\n').map((line) => line.slice(0, 2).trim());
    expect(markers.map((m) => m.codePointAt(0))).toEqual(['✅', '✅', '❌', '🔁'].map((m) => m.codePointAt(0)));
    expect(reportsInDb()).toHaveLength(3);
  });

  it('reports the links of a replied-to message', async () => {
    h.tg.sendText({ from: admin, text: '/lapor', replyTo: { text: 'Postingan baru kami https://www.tiktok.com/@dinkes/video/7300000000000000001' } });
    await h.tg.waitForMessage(admin.id, /^✅ TikTok/);
    expect(reportsInDb()).toHaveLength(4);
  });

  it('/riwayat lists the OPD reports, /batal undoes my last one', async () => {
    const history = await say(admin, '/riwayat', /Laporan terakhir DINKES/);
    expect(history).toContain('tiktok.com/@/video/7300000000000000001');
    expect(history).toContain('Budi Santoso');
    const undone = await say(admin, '/batal', /dibatalkan/);
    expect(undone).toContain('tiktok.com');
    expect(reportsInDb()).toHaveLength(3);
    // 25 hours later nothing of mine is young enough to undo.
    h.clock.shift(25 * 3_600_000);
    expect(await say(admin, '/batal', /Tidak ada laporan/)).toContain('24 jam');
    expect(reportsInDb()).toHaveLength(3);
  });

  it('a superadmin reports for an OPD by code', async () => {
    await say(superadmin, '/lapor BAPPEDA https://www.facebook.com/bappeda/posts/pfbid0abcDEF', /^✅ Facebook/);
    expect(await say(superadmin, '/lapor https://www.facebook.com/bappeda/posts/123', /^❌/)).toContain('KODE_OPD');
  });

  it('/daftar asks to join; a superadmin approves with a button', async () => {
    await say(applicant, '/daftar DINSOS', /sudah dikirim ke Diskominfo/);
    const card = await h.tg.waitForMessage(superadmin.id, /Permintaan bergabung/);
    const markup = card.replyMarkup;
    const approve = markup && 'inline_keyboard' in markup ? markup.inline_keyboard[0]?.[0] : undefined;
    expect(approve?.text).toContain('Setujui');
    h.tg.clickButton({ from: superadmin, chatId: superadmin.id, messageId: card.messageId ?? 0, data: approve && 'callback_data' in approve ? (approve.callback_data ?? '') : '' });
    await h.tg.waitForMessage(applicant.id, /Permintaan Anda disetujui/);
    await h.tg.waitFor((c) => c.method === 'answerCallbackQuery', { timeoutMs: 5_000 });
    await h.tg.waitFor((c) => c.method === 'editMessageText' && /Disetujui oleh Sari/.test(c.text ?? ''), { timeoutMs: 5_000 });
    // A second tap on the same button is told it is already decided.
    h.tg.clickButton({ from: superadmin, chatId: superadmin.id, messageId: card.messageId ?? 0, data: approve && 'callback_data' in approve ? (approve.callback_data ?? '') : '' });
    await h.tg.waitFor((c) => c.method === 'answerCallbackQuery' && /sudah diputuskan/.test(c.text ?? ''), { timeoutMs: 5_000 });
    expect(await say(applicant, '/lapor https://www.threads.net/@dinsos/post/C8abcDEFghi', /^✅ Threads/)).toContain('DINSOS');
  });

  it('/bantuan lists only what my role may do', async () => {
    const forAdmin = await say(applicant, '/bantuan', /Perintah untuk/);
    expect(forAdmin).toContain('/lapor');
    expect(forAdmin).not.toContain('/undang');
    const forSuperadmin = await say(superadmin, '/bantuan', /Perintah untuk/);
    expect(forSuperadmin).toContain('/undang');
    expect(forSuperadmin).toContain('/lapor KODE_OPD');
    expect(await say(applicant, '/undang DINKES', /tidak tersedia untuk peran Anda/)).toContain('/bantuan');
  });

  it('/pindah moves an admin; their earlier reports stay with the old OPD', async () => {
    await say(superadmin, '/pindah @rina_dinsos DPUPR', /dipindahkan dari DINSOS ke DPUPR/);
    await h.tg.waitForMessage(applicant.id, /Dinas Pekerjaan Umum dan Penataan Ruang \(DPUPR\)/);
    const history = await say(superadmin, '/riwayat DINSOS', /Laporan terakhir DINSOS/);
    expect(history).toContain('threads.net/post/C8abcDEFghi');
    expect(await say(applicant, '/lapor https://vt.tiktok.com/ZSabc123/', /^✅ TikTok/)).toContain('DPUPR');
  });

  it('commands work as /cmd@bot in a group, and are ignored when addressed to another bot', async () => {
    const group = { id: -100777, type: 'supergroup' as const, title: 'Admin Medsos Kab' };
    h.tg.sendText({ from: admin, chat: group, text: '/saya@other_bot' });
    h.tg.sendText({ from: admin, chat: group, text: '/saya@kopdar_test_bot' });
    const answer = await h.tg.waitForMessage(group.id, /Peran/);
    expect(answer.text).toContain('Budi');
    expect(h.tg.sent.filter((c) => c.chatId === group.id)).toHaveLength(1);
  });

  it('an update delivered twice is processed once', async () => {
    const mark = h.tg.sent.length;
    const updateId = h.tg.sendText({ from: admin, text: '/lapor https://www.youtube.com/shorts/abcdefghijk' });
    await h.tg.waitForMessage(admin.id, /^✅ YouTube/, { since: mark });
    const before = h.tg.sent.length;
    h.tg.redeliver(updateId);
    await say(admin, '/saya', /Peran/);
    expect(h.tg.sent.slice(before).filter((c) => /YouTube/.test(c.text ?? ''))).toHaveLength(0);
    expect(h.logLines.some((l) => l.includes('"update.duplicate"'))).toBe(true);
  });

  it('/cabut removes an admin and keeps their reports with the OPD', async () => {
    const before = reportsInDb().filter((r) => r.opdId !== 0).length;
    await say(superadmin, '/cabut @budi_dinkes', /tidak lagi menjadi admin DINKES/);
    await h.tg.waitForMessage(admin.id, /tidak lagi terdaftar sebagai admin/);
    expect(reportsInDb()).toHaveLength(before);
    expect(await say(admin, '/lapor https://www.instagram.com/p/AFTERREVOKE/', /belum terdaftar/)).toContain('/daftar');
  });

  it('never logs the token or a full update payload', () => {
    const all = h.logLines.join('\n');
    expect(all).not.toContain(TEST_TOKEN);
    expect(all).not.toContain('"update_id"');
    expect(all).not.toContain('DKs_abc123');
    expect(h.logLines.every((l) => JSON.parse(l) !== null)).toBe(true);
  });
});
