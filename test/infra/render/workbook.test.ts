import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { platforms } from '../../../src/domain/links/types.ts';
import type { OpdRecap, Recap } from '../../../src/domain/recap/recap.ts';
import { renderWorkbook } from '../../../src/infra/render/workbook.ts';
import { buildRecap, fixtureCodes, recapFixture } from '../../helpers/recap-fixture.ts';

type Cell = ExcelJS.CellValue;

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's typings ask for its own Buffer type; a Node Buffer over the same bytes is one.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Row `n` as a plain array (exceljs keeps a hole at index 0). */
function rowValues(ws: ExcelJS.Worksheet, n: number): Cell[] {
  const values = ws.getRow(n).values;
  return Array.isArray(values) ? Array.from({ length: ws.columnCount }, (_, i) => values[i + 1] ?? null) : [];
}

const points = (opd: OpdRecap, key: string) => {
  const c = opd.components.find((x) => x.key === key);
  return c && c.ratio !== null ? Math.round(c.points * 10) / 10 : null;
};

/** The per-OPD row, written out independently of the renderer's column list. */
function expectedOpdRow(o: OpdRecap): Cell[] {
  const names = { instagram: 'Instagram', facebook: 'Facebook', tiktok: 'TikTok', youtube: 'YouTube', x: 'X (Twitter)', threads: 'Threads' } as const;
  const status = { met: 'Memenuhi target', partial: 'Sebagian', missed: 'Di bawah target', onLeave: 'Cuti', notDue: 'Belum ada hari kerja' } as const;
  return [
    o.rank,
    o.code,
    o.name,
    o.type,
    o.posts,
    Math.round(o.expectedPosts * 10) / 10,
    o.activeDays,
    o.workingDays,
    o.leaveDays,
    ...platforms.map((p) => o.postsByPlatform[p]),
    o.mandatoryCovered.map((p) => names[p]).join(', '),
    o.missingAccounts.map((p) => names[p]).join(', '),
    o.unregisteredPosts,
    o.directives.addressed,
    o.directives.acknowledged,
    o.directives.followedUp,
    ...['activeDays', 'posts', 'platforms', 'acknowledged', 'followUps', 'meetups'].map((k) => points(o, k)),
    o.score,
    status[o.status],
  ].map((v) => (v === '' ? null : v));
}

const opdHeader = [
  'Peringkat',
  'Kode',
  'Nama OPD',
  'Jenis',
  'Unggahan',
  'Target unggahan',
  'Hari aktif',
  'Hari kerja',
  'Hari cuti',
  'Instagram',
  'Facebook',
  'TikTok',
  'YouTube',
  'X (Twitter)',
  'Threads',
  'Platform wajib terisi',
  'Akun wajib belum terdaftar',
  'Unggahan dari akun tak terdaftar',
  'Arahan diterima',
  'Arahan dikonfirmasi',
  'Arahan ditindaklanjuti',
  'Poin hari aktif',
  'Poin unggahan',
  'Poin platform wajib',
  'Poin konfirmasi arahan',
  'Poin tindak lanjut',
  'Poin kopdar',
  'Skor KPI',
  'Status',
];

const fillOf = (cell: ExcelJS.Cell): string | undefined => (cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined);

describe('recap workbook', () => {
  const recap = recapFixture();
  let workbook: ExcelJS.Workbook;
  let bytes: Uint8Array;

  beforeAll(async () => {
    bytes = await renderWorkbook(recap);
    workbook = await load(bytes);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('has one sheet per view, in order, and the recap as its properties', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Per OPD', 'Per Platform', 'Per Hari', 'Arahan', 'Keterangan']);
    expect(workbook.creator).toBe('kopdar');
    expect(workbook.created?.toISOString()).toBe('2026-12-01T00:30:00.000Z');
    expect(workbook.modified?.toISOString()).toBe('2026-12-01T00:30:00.000Z');
  });

  it('Per OPD: Indonesian header, frozen bold header row and first two columns, filter over the table', () => {
    const ws = sheet(workbook, 'Per OPD');
    expect(rowValues(ws, 1)).toEqual(opdHeader);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
    expect(ws.autoFilter).toBe(`A1:AC${1 + recap.opds.length}`);
    expect(ws.rowCount).toBe(1 + recap.opds.length);
  });

  it('Per OPD: every row holds the recap\'s numbers, best first', () => {
    const ws = sheet(workbook, 'Per OPD');
    recap.opds.forEach((opd, i) => expect(rowValues(ws, i + 2), opd.code).toEqual(expectedOpdRow(opd)));
    expect(recap.opds.map((o) => o.rank).slice(0, 3)).toEqual([1, 1, 3]);
    // On leave all period: listed last, with neither rank nor score.
    expect(rowValues(ws, 1 + recap.opds.length).slice(0, 5)).toEqual([null, fixtureCodes.leaveAllPeriod, 'Dinas Pariwisata dan Kebudayaan', 'dinas', 1]);
    expect(rowValues(ws, 1 + recap.opds.length).slice(21)).toEqual([null, null, null, null, null, null, null, 'Cuti']);
  });

  it('Per OPD: number formats and widths', () => {
    const ws = sheet(workbook, 'Per OPD');
    const row = ws.getRow(2);
    expect(row.getCell(1).numFmt).toBe('0');
    expect(row.getCell(5).numFmt).toBe('0');
    expect(row.getCell(22).numFmt).toBe('0.0');
    expect(row.getCell(28).numFmt).toBe('0.0');
    for (let c = 1; c <= 29; c += 1) {
      const width = ws.getColumn(c).width ?? 0;
      expect(width).toBeGreaterThanOrEqual(6);
      expect(width).toBeLessThanOrEqual(50);
    }
    const longestName = Math.max(...recap.opds.map((o) => o.name.length));
    expect(ws.getColumn(3).width).toBe(Math.min(50, longestName + 2));
  });

  it('Per OPD: quiet OPDs, missing accounts and statuses are coloured', () => {
    const ws = sheet(workbook, 'Per OPD');
    const rowOf = (code: string) => 2 + recap.opds.findIndex((o) => o.code === code);
    const quiet = ws.getRow(rowOf(fixtureCodes.quiet));
    expect(fillOf(quiet.getCell(3))).toBe('FFFCE4EC');
    expect(fillOf(quiet.getCell(29))).toBe('FFFFCDD2');
    const missing = ws.getRow(rowOf(fixtureCodes.missingAccount));
    expect(missing.getCell(17).value).toBe('Facebook');
    expect(fillOf(missing.getCell(17))).toBe('FFFFEB3B');
    expect(fillOf(missing.getCell(3))).toBeUndefined();
    expect(fillOf(ws.getRow(2).getCell(29))).toBe('FFC8E6C9');
    const allPeriod = ws.getRow(rowOf(fixtureCodes.leaveAllPeriod));
    expect(fillOf(allPeriod.getCell(3))).toBeUndefined();
    expect(fillOf(allPeriod.getCell(29))).toBe('FFE0E0E0');
    const onLeave = ws.getRow(rowOf(fixtureCodes.onLeave));
    expect(onLeave.getCell(9).value).toBe(10);
    expect(onLeave.getCell(8).value).toBe(11);
    expect(fillOf(onLeave.getCell(3))).toBeUndefined();
  });

  it('Per Platform: one row per platform and a total equal to the recap\'s', () => {
    const ws = sheet(workbook, 'Per Platform');
    expect(rowValues(ws, 1)).toEqual(['Platform', 'Wajib', 'Unggahan', 'OPD yang mengunggah', 'Bagian dari seluruh unggahan', 'OPD tanpa akun resmi']);
    recap.platforms.forEach((p, i) => {
      const row = rowValues(ws, i + 2);
      expect(row.slice(1, 4)).toEqual([p.mandatory ? 'Ya' : 'Tidak', p.posts, p.opds]);
      expect(row[4]).toBeCloseTo(p.posts / recap.totals.posts, 10);
    });
    expect(rowValues(ws, 2)[5]).toBe(recap.opds.filter((o) => o.missingAccounts.includes('instagram')).length);
    expect(rowValues(ws, 4)[5]).toBeNull();
    const total = rowValues(ws, 2 + recap.platforms.length);
    expect(total.slice(0, 5)).toEqual(['Jumlah', null, recap.totals.posts, recap.totals.activeOpds, 1]);
    expect(ws.getRow(2).getCell(5).numFmt).toBe('0%');
    expect(ws.autoFilter).toBe(`A1:F${1 + recap.platforms.length}`);
  });

  it('Per Hari: a date, weekday and working flag per day; totals equal the recap\'s', () => {
    const ws = sheet(workbook, 'Per Hari');
    expect(rowValues(ws, 1)).toEqual(['Tanggal', 'Hari', 'Hari kerja', 'Unggahan', 'Instagram', 'Facebook', 'TikTok', 'YouTube', 'X (Twitter)', 'Threads', 'OPD aktif']);
    expect(recap.days).toHaveLength(30);
    recap.days.forEach((d, i) => {
      const row = rowValues(ws, i + 2);
      expect((row[0] as Date).toISOString()).toBe(`${d.date}T00:00:00.000Z`);
      expect(row.slice(2)).toEqual([d.working ? 'Ya' : 'Tidak', d.posts, ...platforms.map((p) => d.postsByPlatform[p]), d.activeOpds]);
    });
    expect(rowValues(ws, 2).slice(0, 3)).toEqual([new Date('2026-11-01T00:00:00Z'), 'Minggu', 'Tidak']);
    expect(rowValues(ws, 3).slice(1, 3)).toEqual(['Senin', 'Ya']);
    expect(ws.getRow(2).getCell(1).numFmt).toBe('dd/mm/yyyy');
    expect(fillOf(ws.getRow(2).getCell(4))).toBe('FFEDEDED');
    const total = rowValues(ws, 32);
    expect(total).toEqual(['Jumlah', null, '21 hari kerja', recap.totals.posts, ...recap.platforms.map((p) => p.posts), recap.totals.activeOpds]);
  });

  it('Arahan: one row per directive, times on the recap\'s clock', () => {
    const ws = sheet(workbook, 'Arahan');
    expect(rowValues(ws, 1)).toEqual([
      'ID',
      'Judul',
      'Prioritas',
      'Dari pimpinan',
      'Dikirim',
      'Batas waktu',
      'Perlu konfirmasi',
      'OPD dituju',
      'Dikonfirmasi',
      'Ditindaklanjuti',
      'Tingkat konfirmasi',
      'OPD belum konfirmasi',
    ]);
    expect(rowValues(ws, 2)).toEqual([
      41,
      'Sebarkan imbauan waspada banjir dan longsor',
      'Segera',
      'Ya',
      new Date('2026-11-10T08:15:00Z'),
      new Date('2026-11-10T17:00:00Z'),
      'Ya',
      12,
      9,
      6,
      0.75,
      'DPMPTSP, DINSOS, KECBARAT',
    ]);
    expect(rowValues(ws, 3)).toEqual([42, 'Unggah infografis Hari Kesehatan Nasional 12 November', 'Penting', 'Tidak', new Date('2026-11-11T09:00:00Z'), null, 'Ya', 5, 4, 3, 0.8, 'KECBARAT']);
    expect(rowValues(ws, 4).slice(6, 12)).toEqual(['Tidak', 2, 0, 1, null, null]);
    expect(ws.getRow(2).getCell(5).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(ws.getRow(2).getCell(11).numFmt).toBe('0%');
  });

  it('Arahan: another zone moves the wall-clock times, not the instants', async () => {
    const wita = await load(await renderWorkbook({ ...recap, timezone: 'Asia/Makassar' }));
    expect(sheet(wita, 'Arahan').getRow(2).getCell(5).value).toEqual(new Date('2026-11-10T09:15:00Z'));
  });

  it('Keterangan: period, target, mandatory platforms, weights and where the score is explained', () => {
    const ws = sheet(workbook, 'Keterangan');
    const byKey = new Map<string, Cell[]>();
    ws.eachRow((row, n) => byKey.set(String(row.getCell(1).value), rowValues(ws, n)));
    expect(byKey.get('Rekap November 2026')).toBeDefined();
    expect(byKey.get('Periode')?.[1]).toBe('Minggu, 1 November 2026 – Senin, 30 November 2026');
    expect(byKey.get('Dibuat pada')?.[1]).toBe('1 Desember 2026 07.30 WIB');
    expect(byKey.get('Target')?.[1]).toBe('1 unggahan per hari kerja');
    expect(byKey.get('Platform wajib')?.[1]).toBe('Instagram, Facebook');
    expect(byKey.get('Total unggahan')?.[1]).toBe(recap.totals.posts);
    expect(byKey.get('OPD tanpa unggahan')?.[1]).toBe(1);
    expect(byKey.get('Bobot hari aktif')?.slice(1)).toEqual([30, 0.3]);
    expect(byKey.get('Bobot kopdar')?.slice(1)).toEqual([5, 0.05]);
    expect(byKey.get('Cuti')?.[1]).toContain('sepanjang periode');
    expect(String(byKey.get('Skor KPI')?.[1])).toContain('docs/KPI.md');
  });

  it('Keterangan: a running week says how far it is counted', async () => {
    const week = { kind: 'week' as const, key: '2026-W47', from: '2026-11-16', until: '2026-11-22', countedUntil: '2026-11-19' };
    const wb = await load(await renderWorkbook({ ...recap, period: week }));
    expect(sheet(wb, 'Keterangan').getCell('A1').value).toBe('Rekap Minggu 16–22 November 2026, dihitung sampai 19 November 2026');
  });

  it('is the same byte string for the same recap, whenever it is written', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-05-05T05:05:05Z'));
    const later = await renderWorkbook(recap);
    expect(Buffer.from(later).equals(Buffer.from(bytes))).toBe(true);
  });

  it('renders a recap with no OPDs, days or directives', async () => {
    const empty: Recap = buildRecap({ period: recap.period, generatedAt: '2026-12-01T00:30:00Z', opds: [] });
    const wb = await load(await renderWorkbook({ ...empty, days: [] }));
    expect(sheet(wb, 'Per OPD').rowCount).toBe(1);
    expect(rowValues(sheet(wb, 'Per Platform'), 8)).toEqual(['Jumlah', null, 0, 0, null, null]);
  });
});
