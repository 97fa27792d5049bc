import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bigintColumn,
  booleanColumn,
  dateColumn,
  intColumn,
  nullableDateColumn,
  nullableIntColumn,
  nullableTextColumn,
  sqliteDate,
  textColumn,
  UnexpectedColumnError,
  FastSqlOutsideTransactionError,
} from '../../../src/infra/db/fast-sql.ts';
import { StatementCache } from '../../../src/infra/db/statement-cache.ts';
import { openDatabase } from '../../../src/infra/db/client.ts';
import type { Repositories } from '../../../src/app/ports/repositories.port.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';

describe('fast-path column readers', () => {
  const row = { id: 7n, small: 3, big: 9_007_199_254_740_993n, name: 'Dinas', none: null, flag: 1n, off: 0, at: '2026-11-23T02:00:00.000+00:00' };

  it('read what better-sqlite3 returns (bigints, 0/1, ISO text) as the domain types', () => {
    expect(intColumn(row, 'id')).toBe(7);
    expect(intColumn(row, 'small')).toBe(3);
    expect(bigintColumn(row, 'big')).toBe(9_007_199_254_740_993n);
    expect(bigintColumn(row, 'small')).toBe(3n);
    expect(textColumn(row, 'name')).toBe('Dinas');
    expect(nullableTextColumn(row, 'none')).toBeNull();
    expect(nullableIntColumn(row, 'none')).toBeNull();
    expect(booleanColumn(row, 'flag')).toBe(true);
    expect(booleanColumn(row, 'off')).toBe(false);
    expect(dateColumn(row, 'at').toISOString()).toBe('2026-11-23T02:00:00.000Z');
    expect(nullableDateColumn(row, 'none')).toBeNull();
  });

  it('refuse a missing column or a value of another type instead of guessing', () => {
    expect(() => intColumn(row, 'nope')).toThrow(UnexpectedColumnError);
    expect(() => intColumn(row, 'name')).toThrow(UnexpectedColumnError);
    expect(() => textColumn(row, 'id')).toThrow(UnexpectedColumnError);
    expect(() => dateColumn(row, 'none')).toThrow(UnexpectedColumnError);
    expect(() => dateColumn({ at: 'not a date' }, 'at')).toThrow(UnexpectedColumnError);
    expect(() => booleanColumn(row, 'name')).toThrow(UnexpectedColumnError);
  });

  it('write dates as Prisma writes them, so text comparisons in SQL agree', () => {
    expect(sqliteDate(new Date('2026-11-23T02:00:00.000Z'))).toBe('2026-11-23T02:00:00.000+00:00');
  });
});

describe('StatementCache', () => {
  it('prepares each SQL text once, and drops the least recently used beyond its size', () => {
    const db = new Database(':memory:');
    const cache = new StatementCache(db);
    const first = cache.get('SELECT 1');
    expect(cache.get('SELECT 1')).toBe(first);
    const two = cache.get('SELECT 2');
    for (let i = 1; i < 499; i++) cache.get(`SELECT ${i + 2}`);
    expect(cache.get('SELECT 1')).toBe(first); // used again: now the most recent of 500
    cache.get('SELECT 1000'); // one too many: 'SELECT 2', the least recent, goes
    expect(cache.get('SELECT 1')).toBe(first);
    expect(cache.get('SELECT 2')).not.toBe(two);
    db.close();
  });
});

describe('the hot path through plain SQL', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp();
    await app.addOpds('DISKOMINFO');
  });
  afterEach(async () => app.close());

  it('records a report once, with the same stored values Prisma reads back, and moves the OPD forward only', async () => {
    const admin = await app.addPerson(42, 'admin', 'DISKOMINFO');
    const opd = await app.deps.uow.run((repos) => repos.opds.findByCode('DISKOMINFO'));
    if (!opd) throw new Error('no OPD');
    const at = new Date('2026-11-23T03:04:05.678Z');
    const input = {
      opdId: opd.id,
      reporterId: admin.id,
      platform: 'instagram' as const,
      canonicalUrl: 'https://instagram.com/p/AbC',
      originalUrl: 'https://www.instagram.com/p/AbC/?igsh=x',
      note: 'Vaksinasi',
      directiveId: null,
      accountHandle: null,
      accountUnregistered: false,
      createdAt: at,
    };
    const first = await app.deps.uow.run((repos) => repos.reports.insertIfAbsent(input));
    expect(first.inserted).toBe(true);
    const again = await app.deps.uow.run((repos) => repos.reports.insertIfAbsent({ ...input, createdAt: new Date('2026-11-24T00:00:00Z'), note: 'lagi' }));
    expect(again).toEqual({ inserted: false, report: first.report });
    const stored = await app.deps.uow.run((repos) => repos.reports.findByCanonicalUrl(input.canonicalUrl));
    expect(stored).toEqual(first.report);
    expect(await app.deps.uow.run((repos) => repos.reports.countForOpdSince(opd.id, at))).toBe(1);
    expect(await app.deps.uow.run((repos) => repos.reports.countForOpdSince(opd.id, new Date(at.getTime() + 1)))).toBe(0);

    // An older report (reported late) does not move lastReportAt back.
    await app.deps.uow.run((repos) => repos.reports.insertIfAbsent({ ...input, canonicalUrl: 'https://instagram.com/p/Old', createdAt: new Date('2026-11-20T00:00:00Z') }));
    const file = new Database(app.file, { readonly: true });
    const opdRow = file.prepare('SELECT "lastReportAt" FROM "Opd" WHERE "id" = ?').get(opd.id) as { lastReportAt: string };
    const reportRow = file.prepare('SELECT "createdAt" FROM "Report" WHERE "canonicalUrl" = ?').get(input.canonicalUrl) as { createdAt: string };
    const prismaWritten = file.prepare('SELECT "createdAt" FROM "Opd" WHERE "id" = ?').get(opd.id) as { createdAt: string };
    file.close();
    expect(opdRow.lastReportAt).toBe('2026-11-23T03:04:05.678+00:00');
    expect(reportRow.createdAt).toBe('2026-11-23T03:04:05.678+00:00');
    expect(prismaWritten.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
  });

  it('finds a person by Telegram id and their OPD as the Prisma reads do', async () => {
    const admin = await app.addPerson(43, 'admin', 'DISKOMINFO', 'Sari');
    const found = await app.deps.uow.run((repos) => repos.users.findByTelegramId(43n));
    expect(found).toEqual(admin);
    expect(await app.deps.uow.run((repos) => repos.users.findById(admin.id))).toEqual(admin);
    expect(await app.deps.uow.run((repos) => repos.users.findByTelegramId(44n))).toBeNull();
    const byId = await app.deps.uow.run((repos) => repos.opds.findById(admin.opdId ?? -1));
    expect(byId).toEqual(await app.deps.uow.run((repos) => repos.opds.findByCode('DISKOMINFO')));
    expect(await app.deps.uow.run((repos) => repos.opds.findById(999))).toBeNull();
  });

  it('rolls plain-SQL writes back with the unit of work', async () => {
    const admin = await app.addPerson(45, 'admin', 'DISKOMINFO');
    await expect(
      app.deps.uow.run(async (repos) => {
        await repos.reports.insertIfAbsent({
          opdId: admin.opdId ?? -1,
          reporterId: admin.id,
          platform: 'youtube',
          canonicalUrl: 'https://youtube.com/watch?v=abc',
          originalUrl: 'https://youtu.be/abc',
          note: null,
          directiveId: null,
          createdAt: app.clock.now(),
        });
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await app.deps.uow.run((repos) => repos.reports.findByCanonicalUrl('https://youtube.com/watch?v=abc'))).toBeNull();
  });

  it('refuses to run once its own transaction has ended, also inside another one', async () => {
    let escaped: Repositories | undefined;
    await app.deps.uow.run(async (repos) => {
      escaped = repos;
      expect(await repos.updates.markHandled(900n, app.clock.now())).toBe(true);
    });
    if (!escaped) throw new Error('no repositories');
    const late = escaped;
    await expect(late.updates.markHandled(901n, app.clock.now())).rejects.toThrow(FastSqlOutsideTransactionError);
    await app.deps.uow.run(async (repos) => {
      await expect(late.users.findByTelegramId(1n)).rejects.toThrow(FastSqlOutsideTransactionError);
      // The transaction it was used in is unharmed.
      expect(await repos.updates.markHandled(902n, app.clock.now())).toBe(true);
    });
    expect(await app.deps.uow.run((repos) => repos.updates.markHandled(901n, app.clock.now()))).toBe(true);
    expect(await app.deps.uow.run((repos) => repos.updates.markHandled(902n, app.clock.now()))).toBe(false);
  });
});

describe('one SQL text through Prisma and through the fast path', () => {
  it('reads rows as objects on the fast path even after the adapter read it in array mode', async () => {
    const app = await createTestApp();
    try {
      await app.addOpds('BAPPEDA');
      const { prisma, sql } = await openDatabase(`file:${app.file}`);
      try {
        const text = 'SELECT "id", "code" FROM "Opd" WHERE "code" = ?';
        expect(await prisma.$queryRawUnsafe(text, 'BAPPEDA')).toEqual([{ id: 1, code: 'BAPPEDA' }]);
        const row = await prisma.$transaction(async () => sql.forCurrentTransaction().get(text, ['BAPPEDA']));
        expect(row).toEqual({ id: 1n, code: 'BAPPEDA' });
      } finally {
        await prisma.$disconnect();
      }
    } finally {
      await app.close();
    }
  });
});
