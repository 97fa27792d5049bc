import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordReports } from '../../src/app/usecases/reports.ts';
import { runNudges } from '../../src/app/usecases/nudges.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
let serial = 0;
const link = () => `https://www.instagram.com/p/NUDGE${String(++serial).padStart(6, '0')}/`;

/** Records one post for the OPD of `adminId` at a given instant. */
async function postAt(adminId: number, instant: string): Promise<void> {
  app.clock.set(instant);
  const admin = await app.deps.uow.run((r) => r.users.findByTelegramId(BigInt(adminId)));
  if (!admin) throw new Error('no admin');
  const outcome = await recordReports(app.deps, admin, { links: [link()], note: null, leadingWord: null });
  expect(outcome.replies[0]?.text).toMatch(/^✅/);
}

function outbox(): { chatId: number; kind: string; text: string; dedupeKey: string }[] {
  const db = new Database(app.file, { readonly: true });
  try {
    return db.prepare('SELECT chatId, kind, text, dedupeKey FROM OutboxMessage ORDER BY id').all() as { chatId: number; kind: string; text: string; dedupeKey: string }[];
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  // OPDs were added on Monday 2 November 2026.
  app = await createTestApp({ now: '2026-11-02T01:00:00.000Z' });
  await app.addOpds('AKTIF', 'RAMAH', 'TEGAS', 'DIAM', 'KOSONG');
  await app.addPerson(1001, 'superadmin');
  await app.addPerson(2001, 'admin', 'AKTIF');
  await app.addPerson(2002, 'admin', 'RAMAH');
  await app.addPerson(2003, 'admin', 'TEGAS');
  await app.addPerson(2004, 'admin', 'DIAM');
  await app.addPerson(2104, 'admin', 'DIAM');
  await app.addPerson(3004, 'leader', 'DIAM');
});
afterEach(async () => app.close());

describe('the morning nudge run', () => {
  it('applies the ladder: friendly, firm, escalation to superadmins and the OPD head; nothing for the active', async () => {
    await postAt(2001, '2026-11-20T03:00:00.000Z'); // Friday 20 Nov
    await postAt(2002, '2026-11-18T03:00:00.000Z'); // Wednesday: Thursday and Friday missed
    await postAt(2003, '2026-11-17T03:00:00.000Z'); // Tuesday: three missed
    await postAt(2004, '2026-11-10T03:00:00.000Z'); // Tuesday a fortnight ago: eight missed
    app.clock.set('2026-11-23T01:00:00.000Z'); // Monday 08:00 WIB
    const result = await runNudges(app.deps);
    const byCode = Object.fromEntries(result.plan.nudges.map((n) => [n.opd.code, { level: n.level, silence: n.silence }]));
    expect(byCode).toEqual({
      RAMAH: { level: 'friendly', silence: 2 },
      TEGAS: { level: 'firm', silence: 3 },
      DIAM: { level: 'escalation', silence: 8 },
    });
    expect(result.plan.withoutAdmin.map((o) => o.code)).toEqual(['KOSONG']);
    const rows = outbox();
    expect(rows.filter((r) => r.chatId === 2002).map((r) => r.kind)).toEqual(['nudge']);
    expect(rows.find((r) => r.chatId === 2002)?.text).toContain('2 hari kerja');
    expect(rows.find((r) => r.chatId === 2003)?.text).toMatch(/^⚠️/);
    expect(rows.filter((r) => r.kind === 'escalation').map((r) => r.chatId).sort()).toEqual([1001, 3004]);
    expect(rows.find((r) => r.kind === 'escalation')?.text).toContain('8 hari kerja');
    expect(rows.filter((r) => r.chatId === 2004 || r.chatId === 2104).map((r) => r.kind)).toEqual(['nudge', 'nudge']);
    expect(rows.some((r) => r.chatId === 2001)).toBe(false);
    // Monday is the first working day: superadmins get the list of OPDs without an admin.
    expect(rows.find((r) => r.kind === 'notice')?.text).toContain('KOSONG');
  });

  it('running twice the same day records and sends nothing the second time', async () => {
    app.clock.set('2026-11-23T01:00:00.000Z');
    const first = await runNudges(app.deps);
    expect(first.recorded).toBeGreaterThan(0);
    const count = outbox().length;
    app.clock.set('2026-11-23T05:00:00.000Z');
    const second = await runNudges(app.deps);
    expect(second.recorded).toBe(0);
    expect(second.enqueued).toBe(0);
    expect(outbox()).toHaveLength(count);
  });

  it('never nags on a weekend or a public holiday', async () => {
    app.clock.set('2026-11-21T01:00:00.000Z'); // Saturday
    expect((await runNudges(app.deps)).plan.workingDay).toBe(false);
    await app.deps.uow.run((r) => r.holidays.upsert({ date: '2026-11-23', name: 'Libur daerah' }));
    app.clock.set('2026-11-23T01:00:00.000Z');
    const holiday = await runNudges(app.deps);
    expect(holiday.plan.workingDay).toBe(false);
    expect(outbox()).toEqual([]);
  });

  it('holidays in the past do not count as silence', async () => {
    await postAt(2002, '2026-11-18T03:00:00.000Z');
    await app.deps.uow.run(async (r) => {
      await r.holidays.upsert({ date: '2026-11-19', name: 'Cuti bersama' });
      await r.holidays.upsert({ date: '2026-11-20', name: 'Cuti bersama' });
    });
    app.clock.set('2026-11-23T01:00:00.000Z');
    const result = await runNudges(app.deps, { dryRun: true });
    expect(result.plan.nudges.find((n) => n.opd.code === 'RAMAH')).toBeUndefined();
  });

  it('an OPD on leave is not reminded, and its leave days do not count against it', async () => {
    await postAt(2003, '2026-11-10T03:00:00.000Z');
    const opds = await app.deps.uow.run((r) => r.opds.list());
    const tegas = opds.find((o) => o.code === 'TEGAS');
    const diam = opds.find((o) => o.code === 'DIAM');
    await app.deps.uow.run(async (r) => {
      await r.leaves.create({ opdId: tegas?.id ?? 0, userId: null, fromDate: '2026-11-11', untilDate: '2026-11-19', reason: 'Pelatihan', createdById: 1, at: app.clock.now() });
      await r.leaves.create({ opdId: diam?.id ?? 0, userId: null, fromDate: '2026-11-20', untilDate: '2026-11-27', reason: 'Renovasi', createdById: 1, at: app.clock.now() });
    });
    app.clock.set('2026-11-23T01:00:00.000Z');
    const result = await runNudges(app.deps, { dryRun: true });
    expect(result.plan.nudges.find((n) => n.opd.code === 'TEGAS')).toMatchObject({ silence: 1, level: 'friendly' });
    expect(result.plan.onLeave.map((o) => o.code)).toEqual(['DIAM']);
  });

  it('an admin on leave is not messaged; when every admin of an OPD is away, the OPD counts as on leave', async () => {
    const people = await app.deps.uow.run(async (r) => ({ a: await r.users.findByTelegramId(2004n), b: await r.users.findByTelegramId(2104n), c: await r.users.findByTelegramId(2003n) }));
    await app.deps.uow.run(async (r) => {
      await r.leaves.create({ opdId: null, userId: people.a?.id ?? 0, fromDate: '2026-11-23', untilDate: '2026-11-25', reason: 'Sakit', createdById: 1, at: app.clock.now() });
      await r.leaves.create({ opdId: null, userId: people.c?.id ?? 0, fromDate: '2026-11-23', untilDate: '2026-11-25', reason: 'Dinas luar', createdById: 1, at: app.clock.now() });
    });
    app.clock.set('2026-11-23T01:00:00.000Z');
    const result = await runNudges(app.deps, { dryRun: true });
    // DIAM has a second admin who is not away: only that one is reminded.
    const diam = result.plan.nudges.find((n) => n.opd.code === 'DIAM');
    expect(diam?.recipients.filter((r) => r.message !== 'escalation').map((r) => r.person.telegramId)).toEqual([2104n]);
    // TEGAS's only admin is away: the OPD is on leave today.
    expect(result.plan.onLeave.map((o) => o.code)).toContain('TEGAS');
  });

  it('counts a report by its day in APP_TIMEZONE: 23:30 WIB Sunday is Sunday, 00:30 WIB Monday is Monday', async () => {
    await postAt(2002, '2026-11-22T16:30:00.000Z'); // Sunday 23:30 WIB
    await postAt(2003, '2026-11-22T17:30:00.000Z'); // Monday 00:30 WIB
    app.clock.set('2026-11-24T01:00:00.000Z'); // Tuesday 08:00 WIB
    const result = await runNudges(app.deps, { dryRun: true });
    expect(result.plan.nudges.find((n) => n.opd.code === 'RAMAH')).toMatchObject({ silence: 1, level: 'friendly' });
    expect(result.plan.nudges.find((n) => n.opd.code === 'TEGAS')).toBeUndefined();
  });

  it('a dry run says who would be reminded and why, and writes nothing', async () => {
    app.clock.set('2026-11-23T01:00:00.000Z');
    const result = await runNudges(app.deps, { dryRun: true });
    expect(result.plan.nudges.length).toBeGreaterThan(0);
    expect(result.recorded).toBe(0);
    expect(outbox()).toEqual([]);
    const again = await runNudges(app.deps);
    expect(again.recorded).toBe(result.plan.nudges.length);
  });

  it('posts the daily digest to the community group: thanks in public, firm cases named', async () => {
    await app.deps.uow.run((r) => r.settings.set('community_chat_id', '-100555', null, app.clock.now()));
    await postAt(2001, '2026-11-20T03:00:00.000Z');
    await postAt(2001, '2026-11-20T04:00:00.000Z');
    await postAt(2002, '2026-11-20T05:00:00.000Z');
    await postAt(2003, '2026-11-17T03:00:00.000Z');
    app.clock.set('2026-11-21T01:00:00.000Z'); // Saturday: no run
    expect((await runNudges(app.deps)).enqueued).toBe(0);
    app.clock.set('2026-11-23T01:00:00.000Z');
    await runNudges(app.deps);
    const digest = outbox().find((r) => r.kind === 'digest');
    expect(digest?.chatId).toBe(-100555);
    expect(digest?.dedupeKey).toBe('digest:2026-11-23');
    // On Monday the digest covers everything since Friday began.
    expect(digest?.text).toContain('sejak 20 November 2026');
    expect(digest?.text).toContain('2 dari 5 OPD');
    expect(digest?.text).toContain('<b>AKTIF</b> (2), <b>RAMAH</b> (1)');
    expect(digest?.text).toContain('TEGAS');
  });
});
