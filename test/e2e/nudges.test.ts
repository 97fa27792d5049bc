import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/kopdar-harness.ts';

const superadmin = { id: 1001, first_name: 'Sari' };
const group = { id: -100888, type: 'supergroup' as const, title: 'Komunitas Admin Medsos' };

let h: Harness;

/** OPDs added long ago; each admin's OPD last reported at the given instant (or never). */
function seed(file: string): void {
  const db = new Database(file);
  const longAgo = '2026-09-01T01:00:00.000Z';
  const opd = db.prepare('INSERT INTO Opd (code, name, type, createdAt, updatedAt, lastReportAt) VALUES (?, ?, ?, ?, ?, ?)');
  const user = db.prepare("INSERT INTO User (telegramId, username, firstName, role, opdId, updatedAt) VALUES (?, ?, ?, 'admin', ?, ?)");
  const report = db.prepare("INSERT INTO Report (opdId, reporterId, platform, canonicalUrl, originalUrl, createdAt) VALUES (?, ?, 'instagram', ?, ?, ?)");
  const rows: [string, string, number, string | null][] = [
    ['AKTIF', 'Dinas Aktif', 2001, '2026-11-20T03:00:00.000Z'], // Friday: on target
    ['RAMAH', 'Dinas Ramah', 2002, '2026-11-18T03:00:00.000Z'], // 2 working days quiet
    ['TEGAS', 'Dinas Tegas', 2003, '2026-11-16T03:00:00.000Z'], // 4 working days quiet
    ['DIAM', 'Dinas Diam', 2004, '2026-11-06T03:00:00.000Z'], // 10 working days quiet
  ];
  rows.forEach(([code, name, admin, last], index) => {
    const opdId = Number(opd.run(code, name, 'dinas', longAgo, longAgo, last).lastInsertRowid);
    const userId = Number(user.run(admin, `admin_${code.toLowerCase()}`, `Admin ${code}`, opdId, longAgo).lastInsertRowid);
    if (last) report.run(opdId, userId, `https://instagram.com/p/SEED${index}`, `https://instagram.com/p/SEED${index}`, last);
  });
  db.close();
}

beforeAll(async () => {
  // Monday 23 November 2026, 07:50 WIB: ten minutes before the morning run.
  h = await startHarness({ superadminIds: [superadmin.id], startAt: '2026-11-23T00:50:00.000Z' });
  seed(h.databaseFile);
  h.tg.sendText({ from: superadmin, chat: group, text: '/hubungkan@kopdar_test_bot komunitas' });
  await h.tg.waitForMessage(group.id, /grup komunitas/);
  h.tg.blockChat(2003);
});
afterAll(async () => h?.stop());

describe('the morning run end to end', () => {
  it('reminds each quiet OPD at its level, escalates, reports the blocked admin, and posts the digest', async () => {
    await h.kopdar.scheduler.tick();
    // Before 08:00 nothing happens.
    expect(h.tg.sent.filter((c) => c.chatId === 2002)).toHaveLength(0);
    h.clock.shift(15 * 60_000);
    await h.kopdar.scheduler.tick();

    const friendly = await h.tg.waitForMessage(2002, /2 hari kerja/);
    expect(friendly.text).toMatch(/^👋/);
    const markup = friendly.replyMarkup;
    const button = markup && 'inline_keyboard' in markup ? markup.inline_keyboard[0]?.[0] : undefined;
    expect(button?.text).toContain('Lapor sekarang');
    const firm = await h.tg.waitForMessage(2004, /10 hari kerja/);
    expect(firm.text).toMatch(/^⚠️/);
    const escalation = await h.tg.waitForMessage(superadmin.id, /Eskalasi: Dinas Diam \(DIAM\)/);
    expect(escalation.text).toContain('Admin DIAM');
    expect(h.tg.sent.some((c) => c.chatId === 2001 && c.method === 'sendMessage')).toBe(false);

    // TEGAS's admin blocked the bot: the superadmin is told who cannot be reached.
    await h.tg.waitForMessage(superadmin.id, /Admin TEGAS/);
    const digest = await h.tg.waitForMessage(group.id, /Rekap harian/);
    expect(digest.text).toContain('AKTIF');
    expect(digest.text).toContain('TEGAS');
    expect(digest.text).not.toContain('RAMAH');
    expect(h.tg.stats.rateLimited).toBe(0);

    // Tapping "Lapor sekarang" explains how to report.
    h.tg.clickButton({ from: { id: 2002, first_name: 'Admin RAMAH' }, chatId: 2002, messageId: friendly.messageId ?? 0, data: button && 'callback_data' in button ? (button.callback_data ?? '') : '' });
    await h.tg.waitForMessage(2002, /Kirim tautan postingan/);
  });

  it('a second tick the same day sends nothing more', async () => {
    const before = h.tg.sent.filter((c) => c.method === 'sendMessage').length;
    h.clock.shift(60 * 60_000);
    await h.kopdar.scheduler.tick();
    const mark = h.tg.sent.length;
    h.tg.sendText({ from: superadmin, text: '/saya' });
    await h.tg.waitForMessage(superadmin.id, /Peran/, { since: mark });
    expect(h.tg.sent.filter((c) => c.method === 'sendMessage').length).toBe(before + 1);
  });
});
