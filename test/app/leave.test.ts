import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endLeave, listLeave, recordLeave } from '../../src/app/usecases/leave.ts';
import type { Outcome } from '../../src/app/deps.ts';
import type { Person } from '../../src/domain/model.ts';
import { opdLeaveSpans } from '../../src/domain/calendar/leave.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
let sari: Person;
let budi: Person;
let dewi: Person;
beforeEach(async () => {
  // Monday 23 November 2026, 09:00 WIB.
  app = await createTestApp({ now: '2026-11-23T02:00:00.000Z' });
  await app.addOpds('DINKES', 'DINSOS');
  sari = await app.addPerson(1001, 'superadmin', undefined, 'Sari');
  budi = await app.addPerson(2001, 'admin', 'DINKES', 'Budi');
  dewi = await app.addPerson(2002, 'admin', 'DINKES', 'Dewi');
});
afterEach(async () => app.close());

const text = (outcome: Outcome): string => outcome.replies.filter((r) => r.chatId === undefined).map((r) => r.text).join('\n');
const leaves = () => app.deps.uow.run((r) => r.leaves.overlapping('2000-01-01', '2100-12-31'));
const opd = (code: string) => ({ kind: 'opd', code }) as const;
const admin = (username: string) => ({ kind: 'admin', ref: { username } }) as const;

describe('/cuti', () => {
  it("records an OPD's leave from today, and tells its admins", async () => {
    const outcome = await recordLeave(app.deps, sari, opd('DINKES'), '2026-12-04', '  Pelatihan   seluruh staf ');
    expect(text(outcome)).toContain('✅ Cuti <b>DINKES</b> (OPD DINKES) dicatat: 23 November 2026 s.d. Jumat, 4 Desember 2026');
    expect(text(outcome)).toContain('Alasan: Pelatihan seluruh staf');
    expect(outcome.replies.filter((r) => r.chatId !== undefined).map((r) => r.chatId)).toEqual([2001n, 2002n]);
    expect(await leaves()).toEqual([
      { id: expect.any(Number), opdId: expect.any(Number), userId: null, fromDate: '2026-11-23', untilDate: '2026-12-04', reason: 'Pelatihan seluruh staf', createdById: sari.id },
    ]);
  });

  it("records an admin's leave for that admin only, and tells them", async () => {
    const outcome = await recordLeave(app.deps, sari, admin('user2001'), '2026-11-30', 'Cuti tahunan');
    expect(text(outcome)).toContain('✅ Cuti <b>Budi</b> (admin DINKES) dicatat');
    expect(text(outcome)).toContain('DINKES tetap dihitung');
    expect(outcome.replies.find((r) => r.chatId === 2001n)?.text).toContain('Anda sedang cuti sampai Senin, 30 November 2026');
    const stored = await leaves();
    expect(stored).toEqual([expect.objectContaining({ opdId: null, userId: budi.id, untilDate: '2026-11-30' })]);
    // Budi alone away: DINKES still counts. Dewi away too: those days count as the OPD's leave.
    const dinkes = budi.opdId ?? 0;
    expect(opdLeaveSpans(dinkes, [budi.id, dewi.id], stored)).toEqual([]);
    await recordLeave(app.deps, sari, { kind: 'admin', ref: { telegramId: 2002n } }, '2026-11-25', 'Dinas luar');
    expect(opdLeaveSpans(dinkes, [budi.id, dewi.id], await leaves())).toEqual([{ from: '2026-11-23', until: '2026-11-25' }]);
  });

  it('validates the date, the reason and the target, storing nothing', async () => {
    expect(text(await recordLeave(app.deps, sari, opd('DINKES'), '2026-11-22', 'x'))).toContain('sudah lewat');
    expect(text(await recordLeave(app.deps, sari, opd('DINKES'), '2027-11-24', 'x'))).toContain('sampai 23 November 2027');
    expect(text(await recordLeave(app.deps, sari, opd('DINKES'), '2026-11-31', 'x'))).toContain('tidak ada di kalender');
    expect(text(await recordLeave(app.deps, sari, opd('DINKES'), '2026-12-01', ''))).toContain('Sebutkan alasan');
    expect(text(await recordLeave(app.deps, sari, opd('DINKES'), '2026-12-01', 'a'.repeat(201)))).toContain('maksimal 200');
    expect(text(await recordLeave(app.deps, sari, opd('BAPPEDA'), '2026-12-01', 'x'))).toContain('tidak ditemukan');
    expect(text(await recordLeave(app.deps, sari, admin('nobody'), '2026-12-01', 'x'))).toContain('belum dikenal');
    expect(text(await recordLeave(app.deps, sari, admin('user1001'), '2026-12-01', 'x'))).toContain('bukan admin OPD');
    expect(await leaves()).toEqual([]);
    // Today and exactly one year ahead are both fine.
    expect(text(await recordLeave(app.deps, sari, opd('DINKES'), '2026-11-23', 'Sehari'))).toContain('✅');
    expect(text(await recordLeave(app.deps, sari, opd('DINSOS'), '2027-11-23', 'Setahun'))).toContain('✅');
  });

  it('lists current and upcoming leave, not what has ended', async () => {
    expect(text(await listLeave(app.deps))).toContain('Tidak ada cuti');
    await recordLeave(app.deps, sari, opd('DINKES'), '2026-12-04', 'Pelatihan');
    await recordLeave(app.deps, sari, admin('user2001'), '2026-11-24', 'Sakit');
    const listed = text(await listLeave(app.deps));
    expect(listed).toContain('Cuti yang sedang berjalan dan akan datang (2)');
    expect(listed.indexOf('<b>Budi</b> (admin DINKES) — admin saja, 23 November 2026 s.d. 24 November 2026')).toBeGreaterThan(0);
    expect(listed.indexOf('<b>DINKES</b> (OPD DINKES) — seluruh OPD')).toBeGreaterThan(listed.indexOf('Budi'));
    app.clock.set('2026-11-25T02:00:00.000Z');
    const later = text(await listLeave(app.deps));
    expect(later).toContain('(1)');
    expect(later).not.toContain('Budi');
  });

  it('/cuti selesai ends leave early: from today it counts again', async () => {
    await recordLeave(app.deps, sari, opd('DINKES'), '2026-12-04', 'Pelatihan');
    app.clock.set('2026-11-26T02:00:00.000Z');
    expect(text(await endLeave(app.deps, sari, opd('DINKES')))).toContain('✅ Cuti <b>DINKES</b> (OPD DINKES) diakhiri');
    expect(await leaves()).toEqual([expect.objectContaining({ fromDate: '2026-11-23', untilDate: '2026-11-25' })]);
    expect(text(await endLeave(app.deps, sari, opd('DINKES')))).toContain('Tidak ada cuti');
    // Leave that started today disappears entirely.
    await recordLeave(app.deps, sari, admin('user2001'), '2026-11-30', 'Sakit');
    expect(text(await endLeave(app.deps, sari, admin('user2001')))).toContain('diakhiri');
    expect(await leaves()).toHaveLength(1);
  });
});
