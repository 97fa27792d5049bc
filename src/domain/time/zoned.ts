/**
 * Calendar arithmetic in a named time zone without a date library: Intl gives the wall-clock
 * parts of an instant, and the offset at that instant converts wall-clock times back.
 */
export interface WallClock {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly weekday: number; // 1 = Monday … 7 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: weekdays[parts.weekday ?? 'Mon'] ?? 1,
  };
}

/** Local "HH:MM" (24-hour) of an instant: what schedules ("08:00") are compared with. */
export function localTimeOfDay(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}

function offsetMs(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant at which the wall clock in `timeZone` shows the given local date and time. */
export function zonedInstant(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - offsetMs(new Date(guess), timeZone);
  return new Date(guess - offsetMs(new Date(first), timeZone));
}

/** Start (00:00 local) of the day containing `instant`. */
export function startOfLocalDay(instant: Date, timeZone: string): Date {
  const w = wallClock(instant, timeZone);
  return zonedInstant(timeZone, w.year, w.month, w.day);
}

/** Start (Monday 00:00 local) of the week containing `instant`. */
export function startOfLocalWeek(instant: Date, timeZone: string): Date {
  const w = wallClock(instant, timeZone);
  const monday = new Date(Date.UTC(w.year, w.month - 1, w.day - (w.weekday - 1)));
  return zonedInstant(timeZone, monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate());
}

/** The local calendar date as YYYY-MM-DD. */
export function localDateKey(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

const DAY_MS = 86_400_000;
const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * localDateKey for many instants at once (a nudge run asks twice per OPD, tens of thousands of
 * times): the zone's UTC offset is asked from Intl once per UTC day and reused for every instant
 * of that day. On a day whose offset differs between its first and last second (a DST change),
 * every instant is asked from Intl itself. Assumes no zone changes its offset and back within
 * one day.
 */
export function localDateKeyer(timeZone: string): (instant: Date) => string {
  const offsets = new Map<number, number | null>();
  return (instant) => {
    const ms = instant.getTime();
    const utcDay = Math.floor(ms / DAY_MS);
    let offset = offsets.get(utcDay);
    if (offset === undefined) {
      const first = offsetMs(new Date(utcDay * DAY_MS), timeZone);
      const last = offsetMs(new Date((utcDay + 1) * DAY_MS - 1000), timeZone);
      offset = first === last ? first : null;
      offsets.set(utcDay, offset);
    }
    if (offset === null) return localDateKey(instant, timeZone);
    const local = new Date(ms + offset);
    return `${local.getUTCFullYear()}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}`;
  };
}
