import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/kopdar-harness.ts';

const superadmin = { id: 1001, first_name: 'Sari' };
const admin = { id: 2001, first_name: 'Budi', username: 'budi' };

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

function seed(file: string): void {
  const db = new Database(file);
  db.prepare("INSERT INTO Opd (code, name, type, updatedAt) VALUES ('DINKES', 'Dinas Kesehatan', 'dinas', ?)").run(new Date().toISOString());
  db.prepare("INSERT INTO User (telegramId, username, firstName, role, opdId, updatedAt) VALUES (2001, 'budi', 'Budi', 'admin', 1, ?)").run(new Date().toISOString());
  db.close();
}

describe('resilience', () => {
  it('an error in one handler is logged and answered with an apology; polling goes on', async () => {
    h = await startHarness({ superadminIds: [superadmin.id] });
    seed(h.databaseFile);
    // Break the reports table under the running bot: /lapor will fail inside its transaction.
    const db = new Database(h.databaseFile);
    db.exec('ALTER TABLE Report RENAME TO ReportGone');
    db.close();
    const failedId = h.tg.sendText({ from: admin, text: '/lapor https://www.instagram.com/p/BROKEN12345/' });
    const apology = await h.tg.waitForMessage(admin.id, /Mohon maaf, terjadi kendala/);
    expect(apology.text).not.toMatch(/prisma|error|\n\s+at /i);
    await h.waitForLog((l) => l.event === 'update.failed');
    const failure = h.logLines.find((l) => l.includes('"update.failed"')) ?? '';
    expect(failure).toContain('"err"');
    // The next update is handled normally.
    h.tg.sendText({ from: admin, text: '/saya' });
    await h.tg.waitForMessage(admin.id, /Dinas Kesehatan \(DINKES\)/);
    // The failed update was marked handled: delivered again, it is skipped, not apologised for twice.
    const before = h.tg.sent.length;
    h.tg.redeliver(failedId);
    await h.waitForLog((l) => l.event === 'update.duplicate' && l.updateId === failedId);
    h.tg.sendText({ from: admin, text: '/saya' });
    await h.tg.waitForMessage(admin.id, /Dinas Kesehatan \(DINKES\)/, { since: before });
    expect(h.tg.sent.slice(before).filter((c) => /Mohon maaf/.test(c.text ?? ''))).toHaveLength(0);
  });

  it('a user who blocked the bot is recorded as unreachable, and nothing stops', async () => {
    h = await startHarness({ superadminIds: [superadmin.id] });
    seed(h.databaseFile);
    h.tg.blockChat(admin.id);
    h.tg.sendText({ from: superadmin, text: '/cabut @budi' });
    await h.tg.waitForMessage(superadmin.id, /tidak lagi menjadi admin DINKES/);
    await h.waitForLog((l) => l.event === 'delivery.final_failure' && l.kind === 'blocked');
    const db = new Database(h.databaseFile, { readonly: true });
    const failure = db.prepare('SELECT chatId, errorCode FROM DeliveryFailure').get() as { chatId: number; errorCode: number } | undefined;
    const user = db.prepare('SELECT unreachableAt, unreachableReason FROM User WHERE telegramId = 2001').get() as { unreachableAt: string | null; unreachableReason: string };
    db.close();
    expect(failure).toEqual({ chatId: 2001, errorCode: 403 });
    expect(user.unreachableAt).not.toBeNull();
    expect(user.unreachableReason).toContain('blocked');
  });

  it('stopping lets in-flight updates finish and delivers every queued reply before closing', async () => {
    h = await startHarness({ superadminIds: [superadmin.id] });
    seed(h.databaseFile);
    for (let i = 0; i < 5; i++) h.tg.sendText({ from: admin, text: '/saya' });
    // All five handled; the per-chat limit (burst 3, then 1/s) still holds two replies back.
    await h.waitForLog((l) => l.event === 'update.handled' && l.command === 'saya', 5);
    await h.kopdar.stop();
    expect(h.tg.sent.filter((c) => c.method === 'sendMessage' && c.chatId === admin.id)).toHaveLength(5);
    expect(h.tg.stats.rateLimited).toBe(0);
  });
});
