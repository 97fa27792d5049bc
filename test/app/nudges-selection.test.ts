import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppDeps } from '../../src/app/composition.ts';
import type { Repositories, UnitOfWork } from '../../src/app/ports/repositories.port.ts';
import { runNudges, type NudgePlan } from '../../src/app/usecases/nudges.ts';
import { addDays } from '../../src/domain/calendar/local-date.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { mulberry32 } from '../helpers/prng.ts';

/**
 * The run reads only the OPDs that can need attention (quiet enough for a reminder, without an
 * admin, or on leave today). Whatever the data, its plan must equal the plan made from every
 * active OPD: checked here on a varied regency over many days and under other policies.
 */

let app: TestApp;


/** A unit of work whose activity query ignores the selection: every active OPD is listed. */
function listingEveryOpd(inner: UnitOfWork): UnitOfWork {
  return {
    run: (work) =>
      inner.run((repos) => {
        const activity: Repositories['activity'] = {
          ...repos.activity,
          opdsNeedingAttention: async () => {
            const rows = await repos.activity.opdActivity();
            return { rows, activeOpds: rows.length };
          },
        };
        return work({ ...repos, activity });
      }),
  };
}

function shape(plan: NudgePlan) {
  return {
    workingDay: plan.workingDay,
    totalOpds: plan.totalOpds,
    nudges: plan.nudges.map((n) => ({
      code: n.opd.code,
      level: n.level,
      silence: n.silence,
      lastReportAt: n.lastReportAt?.toISOString() ?? null,
      admins: n.admins.map((a) => a.id),
      recipients: n.recipients.map((r) => `${r.person.id}:${r.message}`),
    })),
    withoutAdmin: plan.withoutAdmin.map((o) => o.code),
    onLeave: plan.onLeave.map((o) => o.code),
  };
}

beforeEach(async () => {
  const random = mulberry32(7);
  app = await createTestApp({ now: '2026-06-01T01:00:00.000Z' });
  const codes = Array.from({ length: 60 }, (_, i) => `S${String(i).padStart(3, '0')}`);
  // Most OPDs were added in June; the last ten in late November, so some never reported recently added.
  await app.addOpds(...codes.slice(0, 50));
  app.clock.set('2026-11-18T01:00:00.000Z');
  await app.addOpds(...codes.slice(50));
  await app.deps.uow.run(async (repos) => {
    const opds = await repos.opds.list();
    let telegramId = 5000;
    await repos.users.setRole((await repos.users.upsertProfile({ telegramId: BigInt(++telegramId), username: null, firstName: 'Super', lastName: null })).id, 'superadmin', null);
    let serial = 0;
    for (const opd of opds) {
      const admins: number[] = [];
      const adminCount = random() < 0.15 ? 0 : 1 + Math.floor(random() * 3);
      for (let a = 0; a < adminCount; a++) {
        const person = await repos.users.upsertProfile({ telegramId: BigInt(++telegramId), username: `u${telegramId}`, firstName: `A${telegramId}`, lastName: null });
        admins.push((await repos.users.setRole(person.id, 'admin', opd.id)).id);
      }
      if (random() < 0.3) {
        const head = await repos.users.upsertProfile({ telegramId: BigInt(++telegramId), username: null, firstName: `H${telegramId}`, lastName: null });
        await repos.users.setRole(head.id, 'leader', opd.id);
      }
      // Reports: none, or a few, the last one 0 to 40 days before 1 December, at any hour.
      const reporter = admins[0] ?? (await repos.users.upsertProfile({ telegramId: BigInt(++telegramId), username: null, firstName: 'Eks', lastName: null })).id;
      if (opd.code >= 'S050' ? random() < 0.5 : random() < 0.9) {
        const last = Date.parse('2026-12-01T00:00:00.000Z') - Math.floor(random() * 40 * 86_400_000);
        for (let r = 0; r < 3; r++) {
          const url = `https://www.instagram.com/p/SEL${String(++serial).padStart(5, '0')}/`;
          await repos.reports.insertIfAbsent({ opdId: opd.id, reporterId: reporter, platform: 'instagram', canonicalUrl: url, originalUrl: url, note: null, directiveId: null, createdAt: new Date(last - r * 3 * 86_400_000) });
        }
      }
      // Leave: some OPDs, some admins, some of it covering the days checked below.
      if (random() < 0.2) {
        const from = addDays('2026-11-10', Math.floor(random() * 20));
        await repos.leaves.create({ opdId: opd.id, userId: null, fromDate: from, untilDate: addDays(from, Math.floor(random() * 8)), reason: 'x', createdById: 1, at: app.clock.now() });
      }
      if (admins.length > 0 && random() < 0.2) {
        const from = addDays('2026-11-20', Math.floor(random() * 10));
        await repos.leaves.create({ opdId: null, userId: admins[0] ?? 0, fromDate: from, untilDate: addDays(from, 3), reason: 'x', createdById: 1, at: app.clock.now() });
      }
    }
    await repos.holidays.upsert({ date: '2026-11-25', name: 'Hari Guru (uji)' });
  });
  // Two OPDs that post every day (never quiet) yet are on leave on some days because all their
  // admins are: T001 has one admin away 24–27 November, T002 two, both away on 26–27 November.
  await app.addOpds('T001', 'T002');
  await app.deps.uow.run(async (repos) => {
    let telegramId = 9000;
    for (const [code, away] of [['T001', [['2026-11-24', '2026-11-27']]], ['T002', [['2026-11-23', '2026-11-27'], ['2026-11-26', '2026-12-01']]]] as const) {
      const opd = await repos.opds.findByCode(code);
      if (!opd) throw new Error(code);
      const admins = [];
      for (const [from, until] of away) {
        const person = await repos.users.upsertProfile({ telegramId: BigInt(++telegramId), username: null, firstName: `C${telegramId}`, lastName: null });
        admins.push(await repos.users.setRole(person.id, 'admin', opd.id));
        await repos.leaves.create({ opdId: null, userId: person.id, fromDate: from, untilDate: until, reason: 'cuti', createdById: 1, at: app.clock.now() });
      }
      for (let day = '2026-11-15'; day <= '2026-12-09'; day = addDays(day, 1)) {
        const url = `https://www.instagram.com/p/${code}${day}/`;
        await repos.reports.insertIfAbsent({ opdId: opd.id, reporterId: admins[0]?.id ?? 0, platform: 'instagram', canonicalUrl: url, originalUrl: url, note: null, directiveId: null, createdAt: new Date(`${day}T03:00:00.000Z`) });
      }
    }
  });
});
afterEach(async () => app.close());

describe('the OPDs a nudge run reads', () => {
  it.each([
    ['the default ladder', {}],
    ['a two-a-week target and a later first reminder', { posting_target: '2/minggu', friendly_from: '2', firm_from: '4', escalate_from: '9' }],
    ['a six-day week', { working_days: '1-6' }],
  ])('give the same plan as reading every OPD, day after day (%s)', async (_name, settings) => {
    await app.deps.uow.run(async (repos) => {
      for (const [key, value] of Object.entries(settings)) await repos.settings.set(key, value, null, app.clock.now());
    });
    const everyOpd = createAppDeps({ uow: listingEveryOpd(app.deps.uow), clock: app.deps.clock, settings: app.deps.settings, recapRenderer: app.deps.recapRenderer });
    let checked = 0;
    const onLeaveThroughAdmins = new Set<string>();
    for (let day = '2026-11-19'; day <= '2026-12-09'; day = addDays(day, 1)) {
      const selected = await runNudges(app.deps, { day, dryRun: true });
      const all = await runNudges(everyOpd, { day, dryRun: true });
      expect(shape(selected.plan), day).toEqual(shape(all.plan));
      if (selected.plan.nudges.length > 0) checked++;
      for (const opd of selected.plan.onLeave) if (opd.code.startsWith('T')) onLeaveThroughAdmins.add(`${day} ${opd.code}`);
    }
    expect(checked).toBeGreaterThan(10);
    expect(onLeaveThroughAdmins).toContain('2026-11-26 T002');
    expect(onLeaveThroughAdmins).toContain('2026-11-24 T001');
  });
});
