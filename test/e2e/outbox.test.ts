import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../src/app/ports/repositories.port.ts';
import { openMigratedDatabase } from '../../src/infra/db/open.ts';
import { startHarness, type Harness } from '../helpers/kopdar-harness.ts';

const superadmin = 1001;

let h: Harness | null = null;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await h?.stop();
  h = null;
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function seed(file: string): void {
  const db = new Database(file);
  const now = new Date().toISOString();
  db.prepare("INSERT INTO Opd (code, name, type, updatedAt) VALUES ('DINKES', 'Dinas Kesehatan', 'dinas', ?)").run(now);
  db.prepare("INSERT INTO User (telegramId, username, firstName, role, opdId, updatedAt) VALUES (2001, 'budi', 'Budi', 'admin', 1, ?)").run(now);
  db.prepare("INSERT INTO User (telegramId, username, firstName, role, opdId, updatedAt) VALUES (2002, 'ani', 'Ani', 'admin', 1, ?)").run(now);
  db.close();
}

function query<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

async function enqueue(harness: Harness, entries: OutboxEntry[]): Promise<void> {
  const { deps } = harness.kopdar;
  await deps.uow.run((repos) => repos.outbox.enqueue(entries, deps.clock.now()));
  harness.kopdar.relay.wake();
}

const nudge = (chatId: number, text: string): OutboxEntry => ({ chatId: BigInt(chatId), text, kind: 'nudge', lane: 'bulk' });

describe('persistent outbox', () => {
  it('delivers committed rows through the real runtime within Telegram limits, and marks them sent', async () => {
    h = await startHarness({ superadminIds: [superadmin] });
    seed(h.databaseFile);
    const entries = [
      ...Array.from({ length: 50 }, (_, i) => nudge(3001 + i, `Pengingat <b>${i + 1}</b>`)),
      ...Array.from({ length: 5 }, (_, i) => nudge(2001, `Untuk Budi ${i + 1}`)), // one chat: 1/s after a burst
      ...Array.from({ length: 5 }, (_, i) => ({ ...nudge(-100777, `Ringkasan ${i + 1}`), kind: 'digest' as const })),
    ];
    await enqueue(h, entries);
    await h.kopdar.relay.whenIdle();

    const sent = h.tg.sent.filter((c) => c.method === 'sendMessage');
    expect(sent).toHaveLength(60);
    expect(sent.filter((c) => c.chatId === 2001).map((c) => c.plainText)).toEqual([1, 2, 3, 4, 5].map((i) => `Untuk Budi ${i}`));
    expect(sent.find((c) => c.chatId === 3001)?.text).toBe('Pengingat <b>1</b>');
    expect(h.tg.stats.rateLimited).toBe(0);
    const rows = query<{ status: string; messageId: number | null }>(h.databaseFile, 'SELECT status, messageId FROM OutboxMessage');
    expect(rows).toHaveLength(60);
    expect(rows.every((r) => r.status === 'sent' && r.messageId !== null)).toBe(true);
    await h.waitForLog((l) => l.event === 'outbox.drained' && l.sent === 60);
  });

  it('a blocked admin: the row fails, the failure is recorded once, the admin is unreachable, the superadmin is told once', async () => {
    h = await startHarness({ superadminIds: [superadmin] });
    seed(h.databaseFile);
    h.tg.blockChat(2001);
    await enqueue(h, [nudge(2001, 'Pengingat untuk Budi'), nudge(2002, 'Pengingat untuk Ani'), nudge(2001, 'Pengingat kedua untuk Budi')]);

    const notice = await h.tg.waitForMessage(superadmin, /Tidak dapat menghubungi/);
    expect(notice.plainText).toContain('Budi (@budi) — Dinas Kesehatan (DINKES)');
    expect(notice.plainText).toContain('memblokir bot');
    await h.tg.waitForMessage(2002, 'Pengingat untuk Ani');
    await h.kopdar.relay.whenIdle();

    // Two bounced messages, each recorded once (by the relay, not again by the dispatcher's hook)...
    const failures = query<{ chatId: number; errorCode: number }>(h.databaseFile, 'SELECT chatId, errorCode FROM DeliveryFailure');
    expect(failures).toEqual([
      { chatId: 2001, errorCode: 403 },
      { chatId: 2001, errorCode: 403 },
    ]);
    // ...but the superadmin hears about Budi once that day.
    expect(h.tg.sent.filter((c) => c.method === 'sendMessage' && c.chatId === superadmin)).toHaveLength(1);
    const user = query<{ unreachableAt: string | null }>(h.databaseFile, 'SELECT unreachableAt FROM User WHERE telegramId = 2001');
    expect(user[0]?.unreachableAt).not.toBeNull();
    const rows = query<{ chatId: number; kind: string; status: string; lastError: string | null }>(
      h.databaseFile,
      'SELECT chatId, kind, status, lastError FROM OutboxMessage ORDER BY id',
    );
    expect(rows.map((r) => [r.chatId, r.kind, r.status])).toEqual([
      [2001, 'nudge', 'failed'],
      [2002, 'nudge', 'sent'],
      [2001, 'nudge', 'failed'],
      [superadmin, 'notice', 'sent'],
    ]);
    expect(rows[0]?.lastError).toMatch(/^blocked: .*blocked/);
    expect(h.tg.stats.rateLimited).toBe(0);
  });

  it('rows left pending by an earlier run go out when the bot starts; rows marked sent never do', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kopdar-outbox-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const databaseUrl = `file:${path.join(dir, 'kopdar.db')}`;
    // What a run that died mid-way leaves behind: one row sent and marked, one still pending.
    const earlier = await openMigratedDatabase(databaseUrl);
    await earlier.uow.run(async (repos) => {
      await repos.outbox.enqueue([nudge(4001, 'sudah terkirim'), nudge(4002, 'tertunda')], new Date());
      await repos.outbox.markSent(1, 77, new Date());
    });
    await earlier.close();

    h = await startHarness({ superadminIds: [superadmin], env: { DATABASE_URL: databaseUrl } });
    await h.tg.waitForMessage(4002, 'tertunda');
    await h.kopdar.relay.whenIdle();
    expect(h.tg.sent.filter((c) => c.method === 'sendMessage').map((c) => c.chatId)).toEqual([4002]);
    expect(query<{ status: string }>(path.join(dir, 'kopdar.db'), 'SELECT status FROM OutboxMessage ORDER BY id')).toEqual([{ status: 'sent' }, { status: 'sent' }]);
  });
});
