import type { LocalDate } from '../../domain/calendar/local-date.ts';
import { wallClock } from '../../domain/time/zoned.ts';

// exceljs stores a Date as the spreadsheet serial of its UTC reading, and spreadsheets have no
// time zones: a cell must therefore carry the local wall-clock reading dressed up as UTC.

/** A date cell for a local day. */
export function sheetDay(date: LocalDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** A date-time cell that shows `instant` as the clock in `timeZone` read it (to the minute). */
export function sheetWallClock(instant: Date, timeZone: string): Date {
  const w = wallClock(instant, timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute));
}
