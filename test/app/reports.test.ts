import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordReports } from '../../src/app/usecases/reports.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
beforeEach(async () => {
  // Monday 23 November 2026, 09:00 WIB.
  app = await createTestApp({ now: '2026-11-23T02:00:00.000Z' });
  await app.addOpds('DINKES', 'DINSOS');
});
afterEach(async () => app.close());

const link = (n: number) => `https://www.instagram.com/p/POST${String(n).padStart(7, '0')}/`;

describe('recordReports', () => {
  it('counts the OPD posts of this week in APP_TIMEZONE (weeks start Monday 00:00 local)', async () => {
    const admin = await app.addPerson(2001, 'admin', 'DINKES');
    // Sunday 22 November, 23:30 WIB = 16:30 UTC: last week.
    app.clock.set('2026-11-22T16:30:00.000Z');
    expect((await recordReports(app.deps, admin, { links: [link(1)], note: null, leadingWord: null })).replies[0]?.text).toContain('minggu ini: <b>1</b>');
    // Monday 23 November, 00:30 WIB = Sunday 17:30 UTC: this week, first post.
    app.clock.set('2026-11-22T17:30:00.000Z');
    expect((await recordReports(app.deps, admin, { links: [link(2)], note: null, leadingWord: null })).replies[0]?.text).toContain('minggu ini: <b>1</b>');
    expect((await recordReports(app.deps, admin, { links: [link(3)], note: null, leadingWord: null })).replies[0]?.text).toContain('minggu ini: <b>2</b>');
  });

  it('says when and for which OPD a post was first recorded, whoever reports it again', async () => {
    const dinkes = await app.addPerson(2001, 'admin', 'DINKES');
    const dinsos = await app.addPerson(2002, 'admin', 'DINSOS');
    await recordReports(app.deps, dinkes, { links: [link(1)], note: null, leadingWord: null });
    const again = await recordReports(app.deps, dinsos, { links: [link(1).replace('www.', 'm.') + '?igsh=x'], note: null, leadingWord: null });
    expect(again.replies[0]?.text).toMatch(/^🔁 Sudah dilaporkan pada 23 November 2026 09\.00 WIB untuk <b>DINKES<\/b>/);
  });

  it('processes at most 10 links and says how many were left', async () => {
    const admin = await app.addPerson(2001, 'admin', 'DINKES');
    const links = Array.from({ length: 12 }, (_, i) => link(i + 1));
    const text = (await recordReports(app.deps, admin, { links, note: null, leadingWord: null })).replies[0]?.text ?? '';
    expect(text.split('\n\n').filter((l) => l.startsWith('✅'))).toHaveLength(10);
    expect(text).toContain('2 tautan lainnya belum dicatat');
  });

  it('an admin cannot report for another OPD; a non-code leading word stays in the note', async () => {
    const admin = await app.addPerson(2001, 'admin', 'DINKES');
    const refused = await recordReports(app.deps, admin, { links: [link(1)], note: null, leadingWord: 'DINSOS' });
    expect(refused.replies[0]?.text).toMatch(/^❌ Anda admin DINKES/);
    const ok = await recordReports(app.deps, admin, { links: [link(2)], note: 'hari ini', leadingWord: 'Vaksin' });
    expect(ok.replies[0]?.text).toMatch(/^✅/);
    const stored = await app.deps.uow.run((r) => r.reports.lastByReporter(admin.id));
    expect(stored?.note).toBe('Vaksin hari ini');
  });
});
