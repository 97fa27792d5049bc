import type { Workbook } from 'exceljs';
import type { Recap } from '../../../domain/recap/recap.ts';
import type { RecapLabels } from '../labels.ts';
import { isQuiet } from '../../../domain/recap/recap.ts';
import { opdColumnsFor, quietFill } from '../opd-columns.ts';
import { addTable } from '../table.ts';

export function addOpdSheet(workbook: Workbook, recap: Recap, labels: RecapLabels): void {
  // Rank and code stay in view while reading the wide row.
  addTable(workbook, labels.sheet.opds, opdColumnsFor(labels.messages), recap.opds, { frozenColumns: 2, rowFill: (o) => (isQuiet(o) ? quietFill : undefined) });
}
