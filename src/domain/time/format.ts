import { wallClock } from './zoned.ts';

const months = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
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
  return `${w.day} ${months[w.month - 1]} ${w.year} ${String(w.hour).padStart(2, '0')}.${String(w.minute).padStart(2, '0')} ${label}`;
}

export function formatDateId(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${w.day} ${months[w.month - 1]} ${w.year}`;
}
