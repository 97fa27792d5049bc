import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addHoliday, importHolidays, listHolidays, removeHoliday } from '../../src/app/usecases/holidays.ts';
import { ImportRejected } from '../../src/app/usecases/opd-import.ts';
import { changeSetting } from '../../src/app/usecases/settings.ts';
import { parseCsv } from '../../src/cli/csv.ts';
import type { Person } from '../../src/domain/model.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
let sari: Person;
let leader: Person;
beforeEach(async () => {
  // Monday 23 November 2026, 09:00 WIB.
  app = await createTestApp({ now: '2026-11-23T02:00:00.000Z' });
  sari = await app.addPerson(1001, 'superadmin', undefined, 'Sari');
  leader = await app.addPerson(5001, 'leader', undefined, 'Bupati');
});
afterEach(async () => app.close());

const text = (outcome: { replies: readonly { text: string }[] }): string => outcome.replies.map((r) => r.text).join('\n');
const all = () => app.deps.uow.run((r) => r.holidays.between('2000-01-01', '2100-12-31'));
const sample = readFileSync(path.resolve(import.meta.dirname, '../../prisma/libur-contoh.csv'), 'utf8');

describe('/libur', () => {
  it('adds, renames and removes a holiday', async () => {
    expect(text(await addHoliday(app.deps, sari, '2026-12-25', 'Natal'))).toContain('✅ Jumat, 25 Desember 2026 dicatat sebagai hari libur: <b>Natal</b>');
    expect(text(await addHoliday(app.deps, sari, '2026-12-25', 'Hari  Raya   Natal'))).toContain('diubah dari Natal menjadi <b>Hari Raya Natal</b>');
    expect(await all()).toEqual([{ date: '2026-12-25', name: 'Hari Raya Natal' }]);
    expect(text(await removeHoliday(app.deps, sari, '2026-12-25'))).toContain('✅ Jumat, 25 Desember 2026 (Hari Raya Natal) dihapus');
    expect(await all()).toEqual([]);
    expect(text(await removeHoliday(app.deps, sari, '2026-12-25'))).toContain('Tidak ada hari libur tercatat');
  });

  it('says when the day is not a working day anyway (after /atur hari_kerja too)', async () => {
    expect(text(await addHoliday(app.deps, sari, '2026-11-28', 'Libur daerah'))).toContain('memang bukan hari kerja');
    await changeSetting(app.deps, sari, 'hari_kerja', '1-6');
    expect(text(await addHoliday(app.deps, sari, '2026-12-05', 'Libur daerah'))).not.toContain('bukan hari kerja');
  });

  it('refuses dates not on the calendar and overlong names, storing nothing', async () => {
    expect(text(await addHoliday(app.deps, sari, '2026-02-29', 'Tidak ada'))).toContain('❌ Tanggal <b>2026-02-29</b> tidak ada di kalender');
    expect(text(await addHoliday(app.deps, sari, '17-08-2026', 'HUT RI'))).toContain('YYYY-MM-DD');
    expect(text(await addHoliday(app.deps, sari, '2026-08-17', ''))).toContain('Sebutkan nama');
    expect(text(await addHoliday(app.deps, sari, '2026-08-17', 'x'.repeat(101)))).toContain('maksimal 100');
    expect(text(await removeHoliday(app.deps, sari, '2026-13-01'))).toContain('tidak ada di kalender');
    expect(await all()).toEqual([]);
  });

  it('lets leaders list but not change', async () => {
    expect(text(await addHoliday(app.deps, leader, '2026-12-25', 'Natal'))).toContain('hanya dapat dilakukan superadmin');
    expect(await all()).toEqual([]);
    await addHoliday(app.deps, sari, '2026-12-25', 'Natal');
    expect(text(await removeHoliday(app.deps, leader, '2026-12-25'))).toContain('hanya dapat dilakukan superadmin');
    const listed = text(await listHolidays(app.deps, leader));
    expect(listed).toContain('Natal');
    expect(listed).not.toContain('/libur tambah');
  });

  it('lists the coming twelve months only, today included', async () => {
    for (const [date, name] of [
      ['2026-11-22', 'Kemarin'],
      ['2026-11-23', 'Hari ini'],
      ['2027-11-23', 'Setahun lagi'],
      ['2027-11-24', 'Terlalu jauh'],
    ] as const) {
      await addHoliday(app.deps, sari, date, name);
    }
    const listed = text(await listHolidays(app.deps, sari));
    expect(listed).toContain('Hari libur 12 bulan ke depan (2)');
    expect(listed).toContain('• Senin, 23 November 2026 — Hari ini');
    expect(listed).toContain('Setahun lagi');
    expect(listed).not.toContain('Kemarin');
    expect(listed).not.toContain('Terlalu jauh');
    expect(listed).toContain('/libur tambah');
    await app.deps.uow.run((r) => r.holidays.remove('2026-11-23').then(() => r.holidays.remove('2027-11-23')));
    expect(text(await listHolidays(app.deps, sari))).toContain('Belum ada hari libur');
  });

  it('escapes names', async () => {
    expect(text(await addHoliday(app.deps, sari, '2026-12-26', 'Libur <b>&</b>'))).toContain('Libur &lt;b&gt;&amp;&lt;/b&gt;');
  });
});

describe('holiday import', () => {
  it('imports the sample, and re-importing renames without duplicating', async () => {
    expect(await importHolidays(app.deps, parseCsv(sample))).toEqual({ created: 25, updated: 0, unchanged: 0 });
    expect(await importHolidays(app.deps, parseCsv(sample))).toEqual({ created: 0, updated: 0, unchanged: 25 });
    const renamed = sample.replace('2026-12-25,Hari Raya Natal', '2026-12-25,Natal 2026');
    expect(await importHolidays(app.deps, parseCsv(`${renamed}2027-01-01,Tahun Baru 2027 Masehi\n`))).toEqual({ created: 1, updated: 1, unchanged: 24 });
    const holidays = await all();
    expect(holidays).toHaveLength(26);
    expect(holidays.find((h) => h.date === '2026-12-25')?.name).toBe('Natal 2026');
  });

  it('rejects the whole file on any bad row, naming the lines, and stores nothing', async () => {
    const bad = 'tanggal,nama\n2026-08-17,HUT RI\n2026-02-30,Tidak ada\n2026-12-25,Natal\n2026-12-25,Natal lagi\n17/08/2026,Salah format\n2026-06-01,\n';
    const error = await importHolidays(app.deps, parseCsv(bad)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect((error as ImportRejected).problems).toEqual([
      expect.stringContaining('baris 3: tanggal harus YYYY-MM-DD'),
      'baris 5: tanggal 2026-12-25 sudah ada di baris 4',
      expect.stringContaining('baris 6'),
      expect.stringContaining('baris 7: nama terlalu pendek'),
    ]);
    expect(await all()).toEqual([]);
    expect(await importHolidays(app.deps, parseCsv('tanggal,nama\n')).catch((e: unknown) => (e as Error).message)).toContain('tidak berisi baris data');
  });
});
