import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportUnreachable } from '../../src/app/usecases/unreachable.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp({ superadminIds: [1001n, 1002n] }); // 2026-11-23 09:00 WIB
  await app.addOpds('DINKES');
  await app.addPerson(1001, 'superadmin', undefined, 'Sari');
  await app.addPerson(1002, 'superadmin', undefined, 'Tono');
  await app.addPerson(2001, 'admin', 'DINKES', 'Budi');
});
afterEach(async () => app.close());

const blocked = 'Forbidden: bot was blocked by the user';
const outbox = () => app.deps.uow.run((repos) => repos.outbox.pending(100));

function table<T>(sql: string): T[] {
  const db = new Sqlite(app.file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe('reportUnreachable', () => {
  it('records the failure, marks the person unreachable, and tells every superadmin who, which OPD and why', async () => {
    expect(await reportUnreachable(app.deps, 2001n, 'blocked', blocked)).toBe(2);
    expect(table('SELECT chatId, errorCode, description FROM DeliveryFailure')).toEqual([{ chatId: 2001, errorCode: 403, description: blocked }]);
    expect(table('SELECT unreachableReason FROM User WHERE telegramId = 2001')).toEqual([{ unreachableReason: blocked }]);
    const notices = await outbox();
    expect(notices.map((n) => [n.chatId, n.kind, n.lane, n.dedupeKey])).toEqual([
      [1001n, 'notice', 'bulk', 'unreachable:2001:2026-11-23:1001'],
      [1002n, 'notice', 'bulk', 'unreachable:2001:2026-11-23:1002'],
    ]);
    const text = notices[0]?.text ?? '';
    expect(text).toContain('Budi (@user2001)');
    expect(text).toContain('OPD DINKES (DINKES)');
    expect(text).toContain('memblokir bot');
    expect(text).toBe(app.deps.messages.delivery.unreachableNotice('Budi (@user2001)', 'OPD DINKES (DINKES)', app.deps.messages.delivery.unreachableReason.blocked));
  });

  it('tells superadmins at most once per person per local day, however many messages bounce', async () => {
    await reportUnreachable(app.deps, 2001n, 'blocked', blocked);
    app.clock.set('2026-11-23T16:59:00.000Z'); // 23:59 WIB, same day
    expect(await reportUnreachable(app.deps, 2001n, 'blocked', blocked)).toBe(0);
    expect(await outbox()).toHaveLength(2);
    app.clock.set('2026-11-23T17:01:00.000Z'); // 00:01 WIB, the next day
    expect(await reportUnreachable(app.deps, 2001n, 'chat_not_found', 'Bad Request: chat not found')).toBe(2);
    const next = (await outbox()).slice(2);
    expect(next.map((n) => n.dedupeKey)).toEqual(['unreachable:2001:2026-11-24:1001', 'unreachable:2001:2026-11-24:1002']);
    expect(next[0]?.text).toContain('tidak ditemukan');
    // Every bounce is recorded, even when nobody is told again.
    expect(table('SELECT errorCode FROM DeliveryFailure ORDER BY id')).toEqual([{ errorCode: 403 }, { errorCode: 403 }, { errorCode: 400 }]);
  });

  it('an unreachable superadmin, an unknown chat or a group is only recorded (no notices chasing notices)', async () => {
    expect(await reportUnreachable(app.deps, 1001n, 'blocked', blocked)).toBe(0);
    expect(await reportUnreachable(app.deps, 9999n, 'chat_not_found', 'Bad Request: chat not found')).toBe(0);
    expect(await reportUnreachable(app.deps, -100123n, 'blocked', 'Forbidden: bot was kicked from the group chat')).toBe(0);
    expect(await outbox()).toEqual([]);
    expect(table('SELECT chatId FROM DeliveryFailure ORDER BY id')).toEqual([{ chatId: 1001 }, { chatId: 9999 }, { chatId: -100123 }]);
    expect(table('SELECT telegramId FROM User WHERE unreachableAt IS NOT NULL')).toEqual([{ telegramId: 1001 }]);
  });

  it('a person without an OPD is named without one', async () => {
    await app.addPerson(3001, 'leader', undefined, 'Pak Kepala');
    await reportUnreachable(app.deps, 3001n, 'blocked', blocked);
    const [notice] = await outbox();
    expect(notice?.text).toBe(
      app.deps.messages.delivery.unreachableNotice('Pak Kepala (@user3001)', null, app.deps.messages.delivery.unreachableReason.blocked),
    );
    expect(notice?.text).not.toContain(' — ');
  });
});
