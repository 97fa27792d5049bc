import { addDays, weekdayOf, type LocalDate } from '../calendar/local-date.ts';
import type { PeriodKind, RecapPeriod } from './recap.ts';

/** What a user may ask /rekap (and the CLI's --period) for. */
export type PeriodRequest =
  | { readonly kind: 'week'; readonly offset: number }
  | { readonly kind: 'month'; readonly offset: number }
  | { readonly kind: 'month'; readonly month: string }
  | { readonly kind: 'week'; readonly week: string };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Reads a period word: "" or minggu (this week), "minggu lalu", bulan (this month),
 * "bulan lalu", "2026-11" (a month) or "2026-W47" (an ISO week). Null when it is none of these.
 */
export function parsePeriodRequest(raw: string): PeriodRequest | null {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '' || text === 'minggu' || text === 'minggu ini' || text === 'pekan') return { kind: 'week', offset: 0 };
  if (text === 'minggu lalu' || text === 'pekan lalu') return { kind: 'week', offset: -1 };
  if (text === 'bulan' || text === 'bulan ini') return { kind: 'month', offset: 0 };
  if (text === 'bulan lalu') return { kind: 'month', offset: -1 };
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) {
    const m = Number(month[2]);
    return m >= 1 && m <= 12 ? { kind: 'month', month: text } : null;
  }
  const week = /^(\d{4})-w(\d{2})$/.exec(text);
  if (week) {
    const year = Number(week[1]);
    const w = Number(week[2]);
    return w >= 1 && w <= isoWeeksIn(year) ? { kind: 'week', week: `${year}-W${pad(w)}` } : null;
  }
  return null;
}

/** The Monday of the ISO week containing `date`. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - weekdayOf(date));
}

/** ISO week key "YYYY-Www": the week belongs to the year of its Thursday. */
export function isoWeekKey(date: LocalDate): string {
  const thursday = addDays(mondayOf(date), 3);
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(mondayOf(`${year}-01-04`), 3);
  const week = Math.round((Date.parse(thursday) - Date.parse(firstThursday)) / (7 * 86_400_000)) + 1;
  return `${year}-W${pad(week)}`;
}

function isoWeeksIn(year: number): number {
  return isoWeekKey(`${year}-12-28`) === `${year}-W53` ? 53 : 52;
}

function mondayOfIsoWeek(key: string): LocalDate {
  const [yearText = '0', weekText = '1'] = key.split('-W');
  return addDays(mondayOf(`${yearText}-01-04`), (Number(weekText) - 1) * 7);
}

function lastDayOfMonth(month: string): LocalDate {
  const [y = 0, m = 1] = month.split('-').map(Number);
  const next = m === 12 ? `${pad(y + 1, 4)}-01-01` : `${pad(y, 4)}-${pad(m + 1)}-01`;
  return addDays(next, -1);
}

function shiftMonth(month: string, offset: number): string {
  const [y = 0, m = 1] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + offset;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

function period(kind: PeriodKind, key: string, from: LocalDate, until: LocalDate, today: LocalDate): RecapPeriod {
  return { kind, key, from, until, countedUntil: until < today ? until : today };
}

export function weekPeriod(anyDay: LocalDate, today: LocalDate): RecapPeriod {
  const from = mondayOf(anyDay);
  return period('week', isoWeekKey(from), from, addDays(from, 6), today);
}

export function monthPeriod(month: string, today: LocalDate): RecapPeriod {
  return period('month', month, `${month}-01`, lastDayOfMonth(month), today);
}

/** The period a request names, seen from `today`; null when it lies wholly in the future. */
export function resolvePeriod(request: PeriodRequest, today: LocalDate): RecapPeriod | null {
  let result: RecapPeriod;
  if ('week' in request) result = weekPeriod(mondayOfIsoWeek(request.week), today);
  else if ('month' in request) result = monthPeriod(request.month, today);
  else if (request.kind === 'week') result = weekPeriod(addDays(today, 7 * request.offset), today);
  else result = monthPeriod(shiftMonth(today.slice(0, 7), request.offset), today);
  return result.from > today ? null : result;
}

/** The period just before this one (same kind), e.g. to find the most improved OPD. */
export function previousPeriod(current: RecapPeriod, today: LocalDate): RecapPeriod {
  return current.kind === 'week' ? weekPeriod(addDays(current.from, -7), today) : monthPeriod(shiftMonth(current.key, -1), today);
}

/** Every local day of the period, in order. */
export function daysOf(p: Pick<RecapPeriod, 'from' | 'until'>): LocalDate[] {
  const days: LocalDate[] = [];
  for (let d = p.from; d <= p.until; d = addDays(d, 1)) days.push(d);
  return days;
}

