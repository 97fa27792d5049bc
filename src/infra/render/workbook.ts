import ExcelJS from 'exceljs';
import type { Recap } from '../../domain/recap/recap.ts';
import { sheetWallClock } from './local-time.ts';
import { addDirectiveSheet } from './sheets/directives.ts';
import { addNotesSheet } from './sheets/notes.ts';
import { addDaySheet } from './sheets/per-day.ts';
import { addOpdSheet } from './sheets/per-opd.ts';
import { addPlatformSheet } from './sheets/per-platform.ts';
import { stampZipEntries } from './zip-timestamps.ts';

/** The recap as an .xlsx file. Every date in it comes from the recap, so one recap gives one byte string. */
export async function renderWorkbook(recap: Recap): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'kopdar';
  workbook.lastModifiedBy = 'kopdar';
  workbook.created = recap.generatedAt;
  workbook.modified = recap.generatedAt;
  workbook.title = `Rekap ${recap.period.key}`;

  addOpdSheet(workbook, recap);
  addPlatformSheet(workbook, recap);
  addDaySheet(workbook, recap);
  addDirectiveSheet(workbook, recap);
  addNotesSheet(workbook, recap);

  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return stampZipEntries(bytes, sheetWallClock(recap.generatedAt, recap.timezone));
}
