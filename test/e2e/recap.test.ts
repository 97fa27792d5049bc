import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentCall } from '../helpers/fake-telegram/types.ts';
import { htmlToPlainText } from '../helpers/fake-telegram/html.ts';
import { startHarness, type Harness } from '../helpers/kopdar-harness.ts';

const superadmin = { id: 1001, first_name: 'Sari' };
const leader = { id: 3001, first_name: 'Bupati' };
const dinkesAdmin = { id: 2001, first_name: 'Admin DINKES' };
const kecAdmin = { id: 2003, first_name: 'Admin KEC-A' };
const group = { id: -100777, type: 'supergroup' as const, title: 'Komunitas Admin Medsos' };

let h: Harness;

/**
 * Three OPDs. Week 48 (23–29 Nov): DINKES posts every working day on Instagram and Facebook,
 * DISDIK twice, KEC-A never. Week 47: DINKES once, DISDIK twice — so DINKES improved most.
 */
function seed(file: string): void {
  const db = new Database(file);
  const longAgo = '2026-09-01T01:00:00.000Z';
  const opd = db.prepare('INSERT INTO Opd (code, name, type, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)');
  const user = db.prepare('INSERT INTO User (telegramId, username, firstName, role, opdId, updatedAt) VALUES (?, ?, ?, ?, ?, ?)');
  const report = db.prepare('INSERT INTO Report (opdId, reporterId, platform, canonicalUrl, originalUrl, createdAt) VALUES (?, ?, ?, ?, ?, ?)');
  const ids = new Map<string, { opd: number; admin: number }>();
  for (const [code, name, telegramId] of [
    ['DINKES', 'Dinas Kesehatan', dinkesAdmin.id],
    ['DISDIK', 'Dinas Pendidikan', 2002],
    ['KEC-A', 'Kecamatan A', kecAdmin.id],
  ] as const) {
    const opdId = Number(opd.run(code, name, 'dinas', longAgo, longAgo).lastInsertRowid);
    const adminId = Number(user.run(telegramId, `admin_${telegramId}`, `Admin ${code}`, 'admin', opdId, longAgo).lastInsertRowid);
    ids.set(code, { opd: opdId, admin: adminId });
  }
  user.run(leader.id, 'bupati', leader.first_name, 'leader', null, longAgo);
  let n = 0;
  const post = (code: string, iso: string, platform = 'instagram') => {
    const who = ids.get(code);
    if (!who) throw new Error(code);
    n++;
    report.run(who.opd, who.admin, platform, `https://www.instagram.com/p/E2E${n}/`, `https://www.instagram.com/p/E2E${n}/`, iso);
  };
  for (const day of [23, 24, 25, 26, 27]) post('DINKES', `2026-11-${day}T03:00:00.000Z`, day % 2 === 0 ? 'facebook' : 'instagram');
  post('DISDIK', '2026-11-23T04:00:00.000Z');
  post('DISDIK', '2026-11-26T04:00:00.000Z', 'tiktok');
  post('DINKES', '2026-11-16T03:00:00.000Z');
  post('DISDIK', '2026-11-17T03:00:00.000Z');
  post('DISDIK', '2026-11-18T03:00:00.000Z');
  db.close();
}

function countsPerOpd(fromIso: string, toIso: string): Map<string, number> {
  const db = new Database(h.databaseFile, { readonly: true });
  try {
    const rows = db
      .prepare('SELECT o.code AS code, count(r.id) AS n FROM Opd o LEFT JOIN Report r ON r.opdId = o.id AND r.createdAt >= ? AND r.createdAt < ? GROUP BY o.code')
      .all(fromIso, toIso) as { code: string; n: number }[];
    return new Map(rows.map((r) => [r.code, r.n]));
  } finally {
    db.close();
  }
}

async function workbookOf(call: SentCall): Promise<ExcelJS.Workbook> {
  if (!call.upload) throw new Error(`not an upload: ${call.method}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(call.upload.bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Per OPD sheet rows as {header: value} records. */
function perOpdRows(workbook: ExcelJS.Workbook): Record<string, ExcelJS.CellValue>[] {
  const sheet = workbook.getWorksheet('Per OPD');
  if (!sheet) throw new Error('no Per OPD sheet');
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  sheet.eachRow((row, index) => {
    if (index === 1) return;
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    if (typeof values[1] !== 'string' || values[1] === '') return;
    rows.push(Object.fromEntries(headers.map((header, i) => [header, values[i] ?? null])));
  });
  return rows;
}

beforeAll(async () => {
  // Monday 30 November 2026, 08:30 WIB: half an hour before the weekly recap.
  h = await startHarness({ superadminIds: [superadmin.id], startAt: '2026-11-30T01:30:00.000Z', env: { RECAP_WEEKLY: 'senin 09:00', RECAP_MONTHLY: '1 09:00' } });
  seed(h.databaseFile);
  h.tg.sendText({ from: superadmin, chat: group, text: '/hubungkan@kopdar_test_bot komunitas' });
  await h.tg.waitForMessage(group.id, /grup komunitas/);
  await h.say(superadmin, '/akun DINKES instagram @dinkes.kab', /akun resmi/);
}, 60_000);
afterAll(async () => h?.stop());

describe('recaps and KPI end to end', () => {
  it('/rekap as superadmin: the summary, then a workbook whose numbers are the database’s, then the chart', async () => {
    const since = h.tg.sent.length;
    const summary = await h.say(superadmin, '/rekap minggu lalu', /Rekap media sosial OPD/);
    const text = htmlToPlainText(summary.text ?? '');
    expect(text).toContain('Minggu 23–29 November 2026');
    expect(text).toContain('OPD aktif: 2 dari 3 · belum mengunggah: 1');
    expect(text).toContain('Total unggahan: 7');
    expect(text).toMatch(/1\. 🟢 Dinas Kesehatan \(DINKES\) — skor [\d,]+ · 5 unggahan/);
    expect(text).toContain('Belum mengunggah (1): KEC-A');
    // DINKES has its Instagram registered; everyone else lacks both mandatory accounts.
    expect(text).toContain('DINKES (Facebook)');

    const document = await h.tg.waitFor((c) => c.chatId === superadmin.id && c.method === 'sendDocument', { since });
    expect(document.upload?.fileName).toBe('rekap-2026-W48.xlsx');
    expect(document.text).toContain('Rekap Minggu 23–29 November 2026 (Excel)');
    const workbook = await workbookOf(document);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Per OPD', 'Per Platform', 'Per Hari', 'Arahan', 'Keterangan']);
    // Week 48 in WIB: 22 Nov 17:00 UTC up to 29 Nov 17:00 UTC.
    const expected = countsPerOpd('2026-11-22T17:00:00.000Z', '2026-11-29T17:00:00.000Z');
    const rows = perOpdRows(workbook);
    expect(rows.map((r) => r['Kode'])).toEqual(['DINKES', 'DISDIK', 'KEC-A']);
    for (const row of rows) expect(row['Unggahan']).toBe(expected.get(String(row['Kode'])));
    expect(rows[0]).toMatchObject({ Peringkat: 1, 'Hari aktif': 5, 'Hari kerja': 5, Instagram: 3, Facebook: 2, 'Akun wajib belum terdaftar': 'Facebook' });
    expect(rows[2]).toMatchObject({ Unggahan: 0, 'Skor KPI': 0, Status: 'Di bawah target' });

    const photo = await h.tg.waitFor((c) => c.chatId === superadmin.id && c.method === 'sendPhoto', { since });
    expect(photo.upload?.fileName).toBe('grafik-2026-W48.png');
    const png = PNG.sync.read(Buffer.from(photo.upload?.bytes ?? new Uint8Array()));
    expect(png.width).toBe(1200);
    expect(png.height).toBeGreaterThanOrEqual(400);
  });

  it('/rekap as admin: my OPD with its rank and what to do next, and the chart (no workbook)', async () => {
    const since = h.tg.sent.length;
    const answer = await h.say(kecAdmin, '/rekap minggu lalu', /Rekap Kecamatan A/);
    const text = htmlToPlainText(answer.text ?? '');
    expect(text).toContain('Peringkat 3 dari 3 OPD · skor KPI 0');
    expect(text).toContain('Unggahan: 0 dari target 5 (Di bawah target)');
    expect(text).toContain('Langkah berikutnya');
    await h.tg.waitFor((c) => c.chatId === kecAdmin.id && c.method === 'sendPhoto', { since });
    expect(h.tg.sent.slice(since).some((c) => c.chatId === kecAdmin.id && c.method === 'sendDocument')).toBe(false);
  });

  it('/peringkat lists OPDs by score, the admin’s own OPD in bold; a bad period gets the usage', async () => {
    const board = await h.say(dinkesAdmin, '/peringkat minggu lalu', /Peringkat OPD/);
    expect(board.text).toMatch(/<b>1\. 🟢 Dinas Kesehatan \(DINKES\)/);
    const plain = htmlToPlainText(board.text ?? '');
    expect(plain.indexOf('DINKES')).toBeLessThan(plain.indexOf('DISDIK'));
    expect(plain.indexOf('DISDIK')).toBeLessThan(plain.indexOf('KEC-A'));
    const refused = await h.say(dinkesAdmin, '/peringkat kemarin', /Cara pakai/);
    expect(refused.text).toContain('/peringkat bulan');
  });

  it('the weekly recap goes to the community group at 09:00 on Monday, once', async () => {
    await h.kopdar.scheduler.tick();
    expect(h.tg.sent.some((c) => c.chatId === group.id && /Rekap mingguan/.test(c.text ?? ''))).toBe(false);
    h.clock.shift(31 * 60_000);
    await h.kopdar.scheduler.tick();
    const weekly = await h.tg.waitForMessage(group.id, /Rekap mingguan/);
    const text = htmlToPlainText(weekly.text ?? '');
    expect(text).toContain('Minggu 23–29 November 2026');
    expect(text).toMatch(/Paling meningkat: Dinas Kesehatan \(DINKES\), skor [\d,]+ → [\d,]+/);
    expect(text).toContain('Terima kasih');
    await h.kopdar.scheduler.tick();
    const mark = h.tg.sent.length;
    await h.say(superadmin, '/saya', /Peran/);
    expect(h.tg.sent.slice(mark).filter((c) => c.chatId === group.id)).toHaveLength(0);
    expect(h.tg.sent.filter((c) => c.chatId === group.id && /Rekap mingguan/.test(c.text ?? ''))).toHaveLength(1);
  });

  it('the monthly KPI report goes to superadmins and leaders on the 1st with the workbook, uploaded once', async () => {
    // Tuesday 1 December 2026, 09:01 WIB.
    h.clock.shift(Date.parse('2026-12-01T02:01:00.000Z') - h.clock.now().getTime());
    const since = h.tg.sent.length;
    await h.kopdar.scheduler.tick();
    for (const person of [superadmin, leader]) {
      const intro = await h.tg.waitForMessage(person.id, /Laporan KPI bulanan/, { since });
      expect(htmlToPlainText(intro.text ?? '')).toContain('November 2026');
      await h.tg.waitFor((c) => c.chatId === person.id && c.method === 'sendDocument', { since });
      await h.tg.waitFor((c) => c.chatId === person.id && c.method === 'sendPhoto', { since });
    }
    const documents = h.tg.sent.slice(since).filter((c) => c.method === 'sendDocument');
    expect(documents).toHaveLength(2);
    // The first copy is uploaded; the second goes by the file_id Telegram gave the first.
    expect(documents.filter((c) => c.upload !== undefined)).toHaveLength(1);
    const uploaded = documents.find((c) => c.upload !== undefined);
    if (!uploaded) throw new Error('no upload');
    expect(uploaded.upload?.fileName).toBe('rekap-2026-11.xlsx');
    const rows = perOpdRows(await workbookOf(uploaded));
    const november = countsPerOpd('2026-10-31T17:00:00.000Z', '2026-11-30T17:00:00.000Z');
    expect(new Map(rows.map((r) => [String(r['Kode']), r['Unggahan']]))).toEqual(november);
    expect(h.tg.stats.rateLimited).toBe(0);
  });
});
