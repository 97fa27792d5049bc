import type { Workbook } from 'exceljs';
import { kpiComponentKeys } from '../../../domain/recap/kpi.ts';
import type { Recap } from '../../../domain/recap/recap.ts';
import type { RecapLabels } from '../labels.ts';
import { missingAccountFill, quietFill, statusFill } from '../opd-columns.ts';
import { integer, percent, solidFill, type SheetValue } from '../table.ts';

/** What the recap covers and how to read it: period, target, weights, colours. */
export function addNotesSheet(workbook: Workbook, recap: Recap, labels: RecapLabels): void {
  const m = labels.messages;
  const n = labels.file.notes;
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

  sheet.addRow([n.title(labels.period(recap.period), labels.countedNote(recap.period))]).font = { bold: true, size: 14 };
  line(n.period, `${m.calendar.day(recap.period.from)} – ${m.calendar.day(recap.period.until)}`);
  line(n.countedUntil, m.calendar.day(recap.period.countedUntil));
  line(n.generatedAt, m.format.dateTime(recap.generatedAt, recap.timezone));
  line(n.timezone, recap.timezone);
  line(n.target, labels.target(recap.target));
  line(n.mandatoryPlatforms, labels.platformList(recap.mandatoryPlatforms));
  line(n.opds, recap.totals.opds, { numFmt: integer });
  line(n.posts, recap.totals.posts, { numFmt: integer });
  line(n.activeOpds, recap.totals.activeOpds, { numFmt: integer });
  line(n.quietOpds, recap.totals.quietOpds, { numFmt: integer });

  heading(n.weightsHeading);
  const totalWeight = kpiComponentKeys.reduce((sum, key) => sum + recap.weights[key], 0);
  for (const key of kpiComponentKeys) {
    const weight = recap.weights[key];
    line(n.weight(labels.component(key).toLowerCase()), weight, { numFmt: integer, extra: totalWeight > 0 ? weight / totalWeight : null, extraFmt: percent });
  }

  heading(n.howToRead);
  line(n.score, n.scoreHelp);
  for (const status of ['met', 'partial', 'missed', 'onLeave', 'notDue'] as const) line(labels.status(status), labels.statusRule[status], { fill: statusFill[status] });
  line(n.quietRow, n.quietRowHelp, { fill: quietFill });
  line(n.missingAccountCell, n.missingAccountHelp, { fill: missingAccountFill });
  line(n.time, n.timeHelp(recap.timezone));
}
