import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildRecap } from '../../src/app/usecases/recap/build.ts';
import { resolvePeriod } from '../../src/domain/recap/period.ts';
import type { Platform } from '../../src/domain/links/types.ts';
import type { Person } from '../../src/domain/model.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
let sari: Person;
const admins = new Map<string, Person>();
let serial = 0;

/** Records a report at an instant, as /lapor would (its OPD's lastReportAt follows). */
async function report(code: string, iso: string, platform: Platform = 'instagram', directiveId: number | null = null): Promise<void> {
  const admin = admins.get(code);
  if (!admin?.opdId) throw new Error(`no admin for ${code}`);
  const opdId = admin.opdId;
  serial++;
  await app.deps.uow.run((repos) =>
    repos.reports.insertIfAbsent({
      opdId,
      reporterId: admin.id,
      platform,
      canonicalUrl: `https://www.instagram.com/p/post${serial}/`,
      originalUrl: `https://www.instagram.com/p/post${serial}/`,
      note: null,
      directiveId,
      createdAt: new Date(iso),
    }),
  );
}

function sql<T>(query: string, ...params: unknown[]): T[] {
  const db = new Database(app.file);
  try {
    return db.prepare(query).all(...params) as T[];
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  app = await createTestApp({ now: '2026-11-23T02:00:00.000Z' });
  sari = await app.addPerson(1001, 'superadmin', undefined, 'Sari');
  await app.addOpds('DINKES', 'DISDIK', 'KEC-A');
  admins.set('DINKES', await app.addPerson(2001, 'admin', 'DINKES'));
  admins.set('DISDIK', await app.addPerson(2002, 'admin', 'DISDIK'));
  admins.set('KEC-A', await app.addPerson(2003, 'admin', 'KEC-A'));
});
afterEach(async () => app.close());

describe('buildRecap over a real database', () => {
  it('counts posts by local day in APP_TIMEZONE, honours holidays and leave, and links directives', async () => {
    // Monday 16 Nov 00:30 WIB is Sunday 17:30 UTC: it belongs to Monday, not Sunday.
    await report('DINKES', '2026-11-15T17:30:00Z');
    // Sunday 15 Nov 23:30 WIB: outside the week.
    await report('DINKES', '2026-11-15T16:30:00Z');
    await report('DINKES', '2026-11-17T03:00:00Z', 'facebook');
    await report('DINKES', '2026-11-17T04:00:00Z', 'tiktok');
    // Friday 20 Nov is a holiday in this regency: the post counts, the day does not.
    await report('DINKES', '2026-11-20T03:00:00Z');
    await report('DISDIK', '2026-11-16T03:00:00Z');
    const now = app.clock.now();
    await app.deps.uow.run(async (repos) => {
      await repos.holidays.upsert({ date: '2026-11-20', name: 'Hari Jadi Kabupaten' });
      const disdik = await repos.opds.findByCode('DISDIK');
      await repos.leaves.create({ opdId: disdik?.id ?? null, userId: null, fromDate: '2026-11-18', untilDate: '2026-11-19', reason: 'Pelatihan', createdById: sari.id, at: now });
    });

    // A directive sent Monday to DINKES and KEC-A; DINKES acknowledges and follows up.
    const directiveId = await app.deps.uow.run(async (repos) => {
      const directive = await repos.directives.create({
        authorId: sari.id,
        fromLeader: false,
        text: 'Sebarkan info vaksinasi',
        media: null,
        priority: 'penting',
        audience: { kind: 'all' },
        requireAck: true,
        deadline: null,
        createdAt: new Date('2026-11-16T02:00:00Z'),
      });
      await repos.directives.leaveDraft(directive.id, 'sent', new Date('2026-11-16T02:00:00Z'));
      const deliveries = [];
      for (const code of ['DINKES', 'KEC-A']) {
        const admin = admins.get(code);
        if (!admin) throw new Error('admin');
        const outboxId = await repos.outbox.add({ chatId: admin.telegramId, text: 'arahan', kind: 'directive', lane: 'high' }, now);
        deliveries.push({ directiveId: directive.id, opdId: admin.opdId, userId: admin.id, chatId: admin.telegramId, outboxId: outboxId ?? 0 });
      }
      await repos.directives.addDeliveries(deliveries);
      const dinkes = admins.get('DINKES');
      if (!dinkes?.opdId) throw new Error('admin');
      await repos.directives.acknowledge({ directiveId: directive.id, opdId: dinkes.opdId, userId: dinkes.id, at: new Date('2026-11-16T03:00:00Z') });
      return directive.id;
    });
    await report('DINKES', '2026-11-16T05:00:00Z', 'instagram', directiveId);

    const period = resolvePeriod({ kind: 'week', offset: -1 }, '2026-11-23');
    if (!period) throw new Error('period');
    const recap = await buildRecap(app.deps, period);
    const row = (code: string) => recap.opds.find((o) => o.code === code);

    expect(row('DINKES')).toMatchObject({
      posts: 5,
      postsByPlatform: { instagram: 3, facebook: 1, tiktok: 1, youtube: 0, x: 0, threads: 0 },
      workingDays: 4,
      activeDays: 2,
      expectedPosts: 4,
      mandatoryCovered: ['instagram', 'facebook'],
      missingAccounts: ['instagram', 'facebook'],
      directives: { addressed: 1, acknowledged: 1, followedUp: 1 },
      status: 'met',
    });
    expect(row('DISDIK')).toMatchObject({ posts: 1, workingDays: 2, leaveDays: 2, activeDays: 1, directives: { addressed: 0, acknowledged: 0, followedUp: 0 } });
    expect(row('KEC-A')).toMatchObject({ posts: 0, score: 0, status: 'missed', directives: { addressed: 1, acknowledged: 0, followedUp: 0 } });
    expect(recap.directives).toEqual([expect.objectContaining({ id: directiveId, addressed: 2, acknowledged: 1, followedUp: 1, silentCodes: ['KEC-A'] })]);
    expect(recap.days.find((d) => d.date === '2026-11-20')).toMatchObject({ working: false, posts: 1 });

    // The same totals straight from SQL over the period's UTC bounds (WIB = UTC+7).
    const perOpd = sql<{ code: string; n: number }>(
      `SELECT o.code, count(*) AS n FROM Report r JOIN Opd o ON o.id = r.opdId
       WHERE r.createdAt >= ? AND r.createdAt < ? GROUP BY o.code ORDER BY o.code`,
      '2026-11-15T17:00:00.000Z',
      '2026-11-22T17:00:00.000Z',
    );
    expect(perOpd).toEqual(recap.opds.filter((o) => o.posts > 0).map((o) => ({ code: o.code, n: o.posts })).sort((a, b) => a.code.localeCompare(b.code)));
    expect(recap.totals).toEqual({ opds: 3, posts: 6, activeOpds: 2, quietOpds: 1 });
  });

  it('reads registered accounts and reports from unregistered ones', async () => {
    await report('DINKES', '2026-11-17T03:00:00Z', 'tiktok');
    await report('DINKES', '2026-11-17T04:00:00Z', 'tiktok');
    const dinkesId = admins.get('DINKES')?.opdId;
    const db = new Database(app.file);
    db.prepare(`INSERT INTO OfficialAccount (opdId, platform, handle, url, updatedAt) VALUES (?, 'instagram', 'dinkes', 'https://www.instagram.com/dinkes/', ?)`).run(dinkesId, new Date().toISOString());
    db.prepare(`UPDATE Report SET accountHandle = 'bukan.dinkes', accountUnregistered = 1 WHERE id = (SELECT min(id) FROM Report)`).run();
    db.close();
    const period = resolvePeriod({ kind: 'week', offset: -1 }, '2026-11-23');
    if (!period) throw new Error('period');
    const recap = await buildRecap(app.deps, period);
    expect(recap.opds.find((o) => o.code === 'DINKES')).toMatchObject({ missingAccounts: ['facebook'], unregisteredPosts: 1 });
    expect(recap.opds.find((o) => o.code === 'KEC-A')?.missingAccounts).toEqual(['instagram', 'facebook']);
  });
});
