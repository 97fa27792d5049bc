import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentCall } from '../helpers/fake-telegram/types.ts';
import { startHarness, type Harness } from '../helpers/kopdar-harness.ts';

const superadmin = { id: 1001, first_name: 'Sari' };
const admin = { id: 2045, first_name: 'Admin OPD45' };
let h: Harness;

/** 45 OPDs; OPD n posted n times this week (Monday 23 – Wednesday 25 November), so OPD45 ranks first. */
function seed(file: string): void {
  const db = new Database(file);
  const at = '2026-09-01T00:00:00.000Z';
  const opd = db.prepare('INSERT INTO Opd (code, name, type, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)');
  const user = db.prepare("INSERT INTO User (telegramId, firstName, role, opdId, updatedAt) VALUES (?, ?, 'admin', ?, ?)");
  const report = db.prepare("INSERT INTO Report (opdId, reporterId, platform, canonicalUrl, originalUrl, createdAt) VALUES (?, ?, 'instagram', ?, ?, ?)");
  let n = 0;
  for (let i = 1; i <= 45; i++) {
    const code = `OPD${String(i).padStart(2, '0')}`;
    const opdId = Number(opd.run(code, `Perangkat Daerah ${i}`, 'dinas', at, at).lastInsertRowid);
    const userId = Number(user.run(2000 + i, `Admin ${code}`, opdId, at).lastInsertRowid);
    for (let k = 0; k < i; k++) {
      n++;
      report.run(opdId, userId, `https://www.instagram.com/p/PG${n}/`, `https://www.instagram.com/p/PG${n}/`, `2026-11-2${3 + (k % 3)}T03:00:00.000Z`);
    }
  }
  // As /lapor keeps it, so the morning run sees every OPD as active.
  db.prepare('UPDATE Opd SET lastReportAt = (SELECT max(createdAt) FROM Report WHERE Report.opdId = Opd.id)').run();
  db.close();
}

const buttonsOf = (call: SentCall): { text: string; data: string }[] => {
  const markup = call.replyMarkup;
  if (!markup || !('inline_keyboard' in markup)) return [];
  return markup.inline_keyboard.flat().map((b) => ({ text: b.text, data: 'callback_data' in b ? (b.callback_data ?? '') : '' }));
};

beforeAll(async () => {
  // Wednesday 25 November 2026, 14:00 WIB.
  h = await startHarness({ superadminIds: [superadmin.id], startAt: '2026-11-25T07:00:00.000Z' });
  seed(h.databaseFile);
});
afterAll(async () => h?.stop());

describe('long lists are shown a page at a time', () => {
  it('/opd shows 30 OPDs with a button to the next page, which replaces the message with the rest', async () => {
    const first = await h.say(superadmin, '/opd', /Daftar OPD \(45\)/);
    expect(first.text).toContain('OPD30');
    expect(first.text).not.toContain('OPD31');
    expect(first.text).toContain('Halaman 1 dari 2');
    const next = buttonsOf(first).find((b) => b.text.includes('Berikutnya'));
    expect(next?.data).toBe('pg:opd:2');
    const since = h.tg.sent.length;
    h.tg.clickButton({ from: superadmin, chatId: superadmin.id, messageId: first.messageId ?? 0, data: next?.data ?? '' });
    const edited = await h.tg.waitFor((c) => c.method === 'editMessageText' && c.chatId === superadmin.id, { since });
    expect(edited.text).toContain('OPD45');
    expect(edited.text).not.toContain('OPD30');
    expect(edited.text).toContain('Halaman 2 dari 2');
    expect(buttonsOf(edited).map((b) => b.text)).toEqual(['◀ Sebelumnya', '2/2']);
  });

  it('/peringkat pages through the leaderboard; an admin sees their own OPD on every page', async () => {
    const first = await h.say(admin, '/peringkat', /Peringkat OPD/);
    expect(first.text).toMatch(/<b>1\. 🟢 Perangkat Daerah 45 \(OPD45\)/);
    expect(first.text).not.toContain('(OPD25)');
    expect(first.text).toContain('Halaman 1 dari 3');
    const next = buttonsOf(first).find((b) => b.text.includes('Berikutnya'));
    expect(next?.data).toBe('pg:rank:2:2026-W48');
    const since = h.tg.sent.length;
    h.tg.clickButton({ from: admin, chatId: admin.id, messageId: first.messageId ?? 0, data: next?.data ?? '' });
    const edited = await h.tg.waitFor((c) => c.method === 'editMessageText' && c.chatId === admin.id, { since });
    // Every OPD that posted on all three days scores the same; equal scores are ordered by posts.
    expect(edited.text).toContain('(OPD25)');
    expect(edited.text).not.toContain('(OPD26)');
    expect(edited.text).toMatch(/…\n<b>\d+\. 🟢 Perangkat Daerah 45 \(OPD45\)/);
    // A forged page number is clamped to the last page.
    const mark = h.tg.sent.length;
    h.tg.clickButton({ from: admin, chatId: admin.id, messageId: first.messageId ?? 0, data: 'pg:rank:99:2026-W48' });
    const last = await h.tg.waitFor((c) => c.method === 'editMessageText' && c.chatId === admin.id, { since: mark });
    expect(last.text).toContain('Halaman 3 dari 3');
  });

  it('an admin cannot page through /opd (a superadmin and leader list)', async () => {
    const since = h.tg.sent.length;
    h.tg.clickButton({ from: admin, chatId: admin.id, messageId: 1, data: 'pg:opd:2' });
    const answer = await h.tg.waitFor((c) => c.method === 'answerCallbackQuery', { since });
    expect(h.tg.sent.slice(since).some((c) => c.method === 'editMessageText')).toBe(false);
    expect(answer.text ?? '').not.toContain('OPD');
  });
});
