import type { Workbook } from 'exceljs';
import { weekdayOf } from '../../../domain/calendar/local-date.ts';
import { platforms } from '../../../domain/links/types.ts';
import type { DayRecap, Recap } from '../../../domain/recap/recap.ts';
import type { RecapLabels } from '../labels.ts';
import { sheetDay } from '../local-time.ts';
import { addTable, dayFormat, integer, type Column } from '../table.ts';

const offDayFill = 'FFEDEDED';

export function addDaySheet(workbook: Workbook, recap: Recap, labels: RecapLabels): void {
  const h = labels.file.dayColumn;
  const columns: Column<DayRecap>[] = [
    { header: h.date, value: (d) => sheetDay(d.date), numFmt: dayFormat },
    { header: h.weekday, value: (d) => labels.weekdayName(weekdayOf(d.date)) },
    { header: h.working, value: (d) => (d.working ? labels.yes : labels.no) },
    { header: h.posts, value: (d) => d.posts, numFmt: integer },
    ...platforms.map((p): Column<DayRecap> => ({ header: labels.platformName(p), value: (d) => d.postsByPlatform[p], numFmt: integer })),
    { header: h.activeOpds, value: (d) => d.activeOpds, numFmt: integer },
  ];
  const sum = (value: (d: DayRecap) => number) => recap.days.reduce((s, d) => s + value(d), 0);
  const workingDays = recap.days.filter((d) => d.working).length;
  addTable(workbook, labels.sheet.days, columns, recap.days, {
    rowFill: (d) => (d.working ? undefined : offDayFill),
    // Active OPDs do not add up over days: the total is the OPDs active at least once.
    footer: [[labels.total, null, labels.file.workingDaysTotal(workingDays), sum((d) => d.posts), ...platforms.map((p) => sum((d) => d.postsByPlatform[p])), recap.totals.activeOpds]],
  });
}
