import type { Workbook } from 'exceljs';
import { kpiComponentKeys } from '../../../domain/recap/kpi.ts';
import type { Recap } from '../../../domain/recap/recap.ts';
import { formatDateTimeId } from '../../../domain/time/format.ts';
import { id } from '../../../app/messages/id.ts';
import { labels } from '../labels.ts';
import { missingAccountFill, quietFill, statusFill } from '../opd-columns.ts';
import { integer, percent, solidFill, type SheetValue } from '../table.ts';

const scoreHelp =
  'Skor KPI (0–100) = 100 × Σ (bobot × rasio) ÷ Σ bobot, atas komponen yang berlaku bagi OPD itu saja: komponen yang tidak berlaku ' +
  '(sel poin kosong) tidak dihitung dan bobotnya terbagi ke komponen lain. Poin tiap komponen dibulatkan ke satu desimal, sehingga ' +
  'jumlahnya bisa berbeda 0,1 dari skor. OPD yang cuti sepanjang periode tidak diberi skor maupun peringkat. Penjelasan dan contoh: docs/KPI.md.';

/** What the recap covers and how to read it: period, target, weights, colours. */
export function addNotesSheet(workbook: Workbook, recap: Recap): void {
  const sheet = workbook.addWorksheet(labels.sheet.notes);
  sheet.getColumn(1).width = 30;
  sheet.getColumn(2).width = 90;
  sheet.getColumn(3).width = 12;

  const line = (key: string, value: SheetValue, options: { numFmt?: string; extra?: SheetValue; extraFmt?: string; fill?: string } = {}) => {
    const row = sheet.addRow([key, value, options.extra ?? null]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
    if (options.numFmt) row.getCell(2).numFmt = options.numFmt;
    if (options.extraFmt) row.getCell(3).numFmt = options.extraFmt;
    if (options.fill) row.getCell(1).fill = solidFill(options.fill);
  };
  const heading = (text: string) => {
    sheet.addRow([]);
    sheet.addRow([text]).font = { bold: true, size: 12 };
  };

  sheet.addRow([`Rekap ${labels.period(recap.period)}${labels.countedNote(recap.period)}`]).font = { bold: true, size: 14 };
  line('Periode', `${id.calendar.day(recap.period.from)} – ${id.calendar.day(recap.period.until)}`);
  line('Dihitung sampai', id.calendar.day(recap.period.countedUntil));
  line('Dibuat pada', formatDateTimeId(recap.generatedAt, recap.timezone));
  line('Zona waktu', recap.timezone);
  line('Target', labels.target(recap.target));
  line('Platform wajib', labels.platformList(recap.mandatoryPlatforms));
  line('Jumlah OPD', recap.totals.opds, { numFmt: integer });
  line('Total unggahan', recap.totals.posts, { numFmt: integer });
  line('OPD aktif', recap.totals.activeOpds, { numFmt: integer });
  line('OPD tanpa unggahan', recap.totals.quietOpds, { numFmt: integer });

  heading('Bobot KPI (kolom C: bagiannya bila semua komponen berlaku)');
  const totalWeight = kpiComponentKeys.reduce((sum, key) => sum + recap.weights[key], 0);
  for (const key of kpiComponentKeys) {
    const weight = recap.weights[key];
    line(`Bobot ${labels.component(key).toLowerCase()}`, weight, { numFmt: integer, extra: totalWeight > 0 ? weight / totalWeight : null, extraFmt: percent });
  }

  heading('Cara membaca');
  line('Skor KPI', scoreHelp);
  for (const status of ['met', 'partial', 'missed', 'onLeave', 'notDue'] as const) line(labels.status(status), labels.statusRule[status], { fill: statusFill[status] });
  line('Baris merah muda (Per OPD)', 'OPD tanpa unggahan (yang tidak cuti sepanjang periode).', { fill: quietFill });
  line('Sel kuning (Per OPD)', 'Platform wajib yang belum punya akun resmi terdaftar untuk OPD itu.', { fill: missingAccountFill });
  line('Waktu', `Semua tanggal dan jam mengikuti zona waktu ${recap.timezone}.`);
}
