import { wallClock } from './zoned.ts';

export const monthNames = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const zoneLabels: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** "23 November 2026 08.05 WIB": the way Indonesian readers write a date and time. */
export function formatDateTimeId(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  const label = zoneLabels[timeZone] ?? timeZone;
  return `${w.day} ${monthNames[w.month - 1]} ${w.year} ${String(w.hour).padStart(2, '0')}.${String(w.minute).padStart(2, '0')} ${label}`;
}

export function formatDateId(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${w.day} ${monthNames[w.month - 1]} ${w.year}`;
}

/** "1.234" and "72,6": Indonesian digit grouping and decimal comma, at most one decimal. */
export function formatNumberId(value: number): string {
  return new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(value);
}

export const monthNamesEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "23 November 2026, 08:05 WIB": the English locale's date and time. */
export function formatDateTimeEn(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  const label = zoneLabels[timeZone] ?? timeZone;
  return `${w.day} ${monthNamesEn[w.month - 1]} ${w.year}, ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')} ${label}`;
}

export function formatDateEn(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${w.day} ${monthNamesEn[w.month - 1]} ${w.year}`;
}

/** "1,234" and "72.6": at most one decimal. */
export function formatNumberEn(value: number): string {
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(value);
}
