import type { Workbook } from 'exceljs';
import type { DirectiveRecap, Recap } from '../../../domain/recap/recap.ts';
import type { RecapLabels } from '../labels.ts';
import { sheetWallClock } from '../local-time.ts';
import { addTable, integer, minuteFormat, percent, type Column } from '../table.ts';

export function addDirectiveSheet(workbook: Workbook, recap: Recap, labels: RecapLabels): void {
  const h = labels.file.directiveColumn;
  const yesNo = (b: boolean) => (b ? labels.yes : labels.no);
  const columns: Column<DirectiveRecap>[] = [
    { header: h.id, value: (d) => d.id, numFmt: integer },
    { header: h.title, value: (d) => d.title },
    { header: h.priority, value: (d) => labels.priority[d.priority] },
    { header: h.fromLeader, value: (d) => yesNo(d.fromLeader) },
    { header: h.sentAt, value: (d) => sheetWallClock(d.sentAt, recap.timezone), numFmt: minuteFormat },
    { header: h.deadline, value: (d) => (d.deadline ? sheetWallClock(d.deadline, recap.timezone) : null), numFmt: minuteFormat },
    { header: h.requireAck, value: (d) => yesNo(d.requireAck) },
    { header: h.addressed, value: (d) => d.addressed, numFmt: integer },
    { header: h.acknowledged, value: (d) => d.acknowledged, numFmt: integer },
    { header: h.followedUp, value: (d) => d.followedUp, numFmt: integer },
    { header: h.ackRate, value: (d) => (d.requireAck && d.addressed > 0 ? d.acknowledged / d.addressed : null), numFmt: percent },
    { header: h.silent, value: (d) => (d.silentCodes.length > 0 ? d.silentCodes.join(', ') : null) },
  ];
  addTable(workbook, labels.sheet.directives, columns, recap.directives);
}
