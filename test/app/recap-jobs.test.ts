import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeSetting } from '../../src/app/usecases/settings.ts';
import { mostImproved, runMonthlyRecapIfDue, runWeeklyRecapIfDue } from '../../src/app/usecases/recap/jobs.ts';
import type { Person } from '../../src/domain/model.ts';
import type { OpdRecap, Recap } from '../../src/domain/recap/recap.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
let sari: Person;
const at = (iso: string) => app.clock.set(new Date(iso));

beforeEach(async () => {
  // Monday 23 November 2026, 08:59 WIB.
  app = await createTestApp({ now: '2026-11-23T01:59:00.000Z' });
  sari = await app.addPerson(1001, 'superadmin', undefined, 'Sari');
  await app.addPerson(3001, 'leader', undefined, 'Bupati');
  await app.addOpds('DINKES', 'DISDIK');
  await app.deps.uow.run((repos) => repos.settings.set('community_chat_id', '-100555', sari.id, app.clock.now()));
});
afterEach(async () => app.close());

const outbox = () => app.deps.uow.run((repos) => repos.outbox.pending(100));

describe('automatic recaps', () => {
  it('the weekly recap is due from its weekday and time, once per week, to the community group', async () => {
    expect(await runWeeklyRecapIfDue(app.deps)).toBeNull();
    at('2026-11-23T02:00:00.000Z');
    expect(await runWeeklyRecapIfDue(app.deps)).toEqual({ job: 'recap-weekly', period: '2026-W47', enqueued: 1 });
    expect(await runWeeklyRecapIfDue(app.deps)).toBeNull();
    at('2026-11-24T05:00:00.000Z');
    expect(await runWeeklyRecapIfDue(app.deps)).toBeNull();
    const rows = await outbox();
    expect(rows.map((r) => [r.chatId, r.kind, r.dedupeKey])).toEqual([[-100555n, 'recap', 'recap:weekly:2026-W47']]);
    expect(rows[0]?.text).toContain('Rekap mingguan media sosial OPD — Minggu 16–22 November 2026');
  });

  it('catches up within two days after a missed moment, not later; follows /atur and can be switched off', async () => {
    await changeSetting(app.deps, sari, 'rekap_mingguan', 'senin 07:00');
    // The bot was down from Monday morning: on Thursday it is too late for last week's recap …
    at('2026-11-26T02:00:00.000Z');
    expect(await runWeeklyRecapIfDue(app.deps)).toBeNull();
    // … on Wednesday (two days after) it still catches up.
    at('2026-11-25T02:00:00.000Z');
    expect((await runWeeklyRecapIfDue(app.deps))?.period).toBe('2026-W47');
    await changeSetting(app.deps, sari, 'rekap_bulanan', 'mati');
    at('2026-12-01T03:00:00.000Z');
    expect(await runMonthlyRecapIfDue(app.deps)).toBeNull();
  });

  it('the monthly report goes to every superadmin and leader with one workbook and one chart for all', async () => {
    at('2026-12-01T01:00:00.000Z');
    expect(await runMonthlyRecapIfDue(app.deps)).toBeNull();
    at('2026-12-01T02:00:00.000Z');
    expect(await runMonthlyRecapIfDue(app.deps)).toEqual({ job: 'recap-monthly', period: '2026-11', enqueued: 6 });
    expect(await runMonthlyRecapIfDue(app.deps)).toBeNull();
    const rows = await outbox();
    expect(new Set(rows.map((r) => r.chatId))).toEqual(new Set([1001n, 3001n]));
    const files = rows.filter((r) => r.attachmentId !== undefined);
    expect(files).toHaveLength(4);
    expect(new Set(files.map((r) => r.attachmentId)).size).toBe(2);
    expect(rows.find((r) => r.chatId === 3001n && r.attachmentId === undefined)?.text).toContain('Laporan KPI bulanan — November 2026');

    // The process died after enqueueing, before the run was marked finished: the re-run sends
    // nothing twice and keeps no second copy of the files.
    const file = new Database(app.file);
    file.prepare(`UPDATE "JobRun" SET "finishedAt" = NULL WHERE "job" = 'recap-monthly'`).run();
    file.close();
    expect(await runMonthlyRecapIfDue(app.deps)).toEqual({ job: 'recap-monthly', period: '2026-11', enqueued: 0 });
    const check = new Database(app.file, { readonly: true });
    const attachments = (check.prepare('SELECT COUNT(*) AS n FROM "Attachment"').get() as { n: number }).n;
    check.close();
    expect(attachments).toBe(2);
    expect(await outbox()).toHaveLength(rows.length);
  });

  it('without a community group the weekly recap waits (nothing claimed)', async () => {
    await app.deps.uow.run((repos) => repos.settings.remove('community_chat_id'));
    at('2026-11-23T02:00:00.000Z');
    expect(await runWeeklyRecapIfDue(app.deps)).toBeNull();
    await app.deps.uow.run((repos) => repos.settings.set('community_chat_id', '-100555', sari.id, app.clock.now()));
    expect((await runWeeklyRecapIfDue(app.deps))?.period).toBe('2026-W47');
  });

  it('the most improved OPD is the one whose score rose most among those scored both times', () => {
    const opd = (opdId: number, score: number | null) => ({ opdId, score }) as OpdRecap;
    const recap = (opds: OpdRecap[]) => ({ opds }) as unknown as Recap;
    const now = recap([opd(1, 80), opd(2, 50), opd(3, 90), opd(4, null)]);
    const before = recap([opd(1, 70), opd(2, 10), opd(4, 0)]);
    expect(mostImproved(now, before)).toEqual({ opd: opd(2, 50), before: 10 });
    expect(mostImproved(before, now)).toBeNull();
  });

  it('a recap scheduled later in the week is about the week so far; a Sunday recap missed overnight is caught up on Monday', async () => {
    await changeSetting(app.deps, sari, 'rekap_mingguan', 'jumat 15:00');
    at('2026-11-27T08:00:00.000Z'); // Friday 27 November, 15:00 WIB
    expect((await runWeeklyRecapIfDue(app.deps))?.period).toBe('2026-W48');
    await changeSetting(app.deps, sari, 'rekap_mingguan', 'minggu 18:00');
    at('2026-11-30T01:00:00.000Z'); // Monday 30 November, 08:00 WIB: Sunday 18:00 passed while the bot was down
    expect(await runWeeklyRecapIfDue(app.deps)).toBeNull(); // week 48 was already sent on Friday
    at('2026-12-07T01:00:00.000Z'); // the next Monday morning
    expect((await runWeeklyRecapIfDue(app.deps))?.period).toBe('2026-W49');
  });
});
