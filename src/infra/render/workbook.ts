import ExcelJS from 'exceljs';
import type { Recap } from '../../domain/recap/recap.ts';
import { id, type Catalogue } from '../../app/messages/id.ts';
import { labelsFor } from './labels.ts';
import { sheetWallClock } from './local-time.ts';
import { addDirectiveSheet } from './sheets/directives.ts';
import { addNotesSheet } from './sheets/notes.ts';
import { addDaySheet } from './sheets/per-day.ts';
import { addOpdSheet } from './sheets/per-opd.ts';
import { addPlatformSheet } from './sheets/per-platform.ts';
import { stampZipEntries } from './zip-timestamps.ts';

/** The recap as an .xlsx file. Every date in it comes from the recap, so one recap gives one byte string. */
export async function renderWorkbook(recap: Recap, messages: Catalogue = id): Promise<Uint8Array> {
  const labels = labelsFor(messages);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'kopdar';
  workbook.lastModifiedBy = 'kopdar';
  workbook.created = recap.generatedAt;
  workbook.modified = recap.generatedAt;
  workbook.title = labels.file.workbookTitle(recap.period.key);

  addOpdSheet(workbook, recap, labels);
  addPlatformSheet(workbook, recap, labels);
  addDaySheet(workbook, recap, labels);
  addDirectiveSheet(workbook, recap, labels);
  addNotesSheet(workbook, recap, labels);

  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return stampZipEntries(bytes, sheetWallClock(recap.generatedAt, recap.timezone));
}
