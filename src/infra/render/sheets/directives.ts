import type { Workbook } from 'exceljs';
import type { DirectiveRecap, Recap } from '../../../domain/recap/recap.ts';
import { labels } from '../labels.ts';
import { sheetWallClock } from '../local-time.ts';
import { addTable, integer, minuteFormat, percent, type Column } from '../table.ts';

export function addDirectiveSheet(workbook: Workbook, recap: Recap): void {
  const yesNo = (b: boolean) => (b ? labels.yes : labels.no);
  const columns: Column<DirectiveRecap>[] = [
    { header: 'ID', value: (d) => d.id, numFmt: integer },
    { header: 'Judul', value: (d) => d.title },
    { header: 'Prioritas', value: (d) => labels.priority[d.priority] },
    { header: 'Dari pimpinan', value: (d) => yesNo(d.fromLeader) },
    { header: 'Dikirim', value: (d) => sheetWallClock(d.sentAt, recap.timezone), numFmt: minuteFormat },
    { header: 'Batas waktu', value: (d) => (d.deadline ? sheetWallClock(d.deadline, recap.timezone) : null), numFmt: minuteFormat },
    { header: 'Perlu konfirmasi', value: (d) => yesNo(d.requireAck) },
    { header: 'OPD dituju', value: (d) => d.addressed, numFmt: integer },
    { header: 'Dikonfirmasi', value: (d) => d.acknowledged, numFmt: integer },
    { header: 'Ditindaklanjuti', value: (d) => d.followedUp, numFmt: integer },
    { header: 'Tingkat konfirmasi', value: (d) => (d.requireAck && d.addressed > 0 ? d.acknowledged / d.addressed : null), numFmt: percent },
    { header: 'OPD belum konfirmasi', value: (d) => (d.silentCodes.length > 0 ? d.silentCodes.join(', ') : null) },
  ];
  addTable(workbook, labels.sheet.directives, columns, recap.directives);
}
