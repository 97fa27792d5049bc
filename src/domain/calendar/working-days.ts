import { addDays, daysBetween, weekdayOf, type LocalDate } from './local-date.ts';

/** Which days count: working weekdays (1 = Monday … 7 = Sunday) minus public holidays. */
export interface WorkCalendar {
  readonly workingWeekdays: ReadonlySet<number>;
  readonly holidays: ReadonlySet<LocalDate>;
}

export function isWorkingDay(calendar: WorkCalendar, date: LocalDate): boolean {
  return calendar.workingWeekdays.has(weekdayOf(date)) && !calendar.holidays.has(date);
}

/**
 * Counts working days over a window ending at `today`, in O(1) per question after an O(window)
 * build: a nudge run asks once per OPD, and a regency-wide run may hold tens of thousands.
 */
export class WorkingDayIndex {
  /** cumulative[i] = working days in (start, start + i], where start = today - window. */
  private readonly cumulative: number[];
  private readonly start: LocalDate;

  constructor(
    readonly calendar: WorkCalendar,
    readonly today: LocalDate,
    readonly window = 400,
  ) {
    this.start = addDays(today, -window);
    this.cumulative = [0];
    for (let i = 1; i <= window; i++) {
      const day = addDays(this.start, i);
      this.cumulative.push((this.cumulative[i - 1] ?? 0) + (isWorkingDay(calendar, day) ? 1 : 0));
    }
  }

  /** Working days strictly after `from` and strictly before `today` (older dates are clamped). */
  countSince(from: LocalDate): number {
    const offset = Math.max(0, daysBetween(this.start, from));
    if (offset >= this.window) return 0;
    return (this.cumulative[this.window - 1] ?? 0) - (this.cumulative[offset] ?? 0);
  }

  /**
   * The latest day before today from which `count` or more working days lie strictly between it
   * and today (countSince(day) >= count); null when no day of the window gets there. Every
   * earlier day gets there too: countSince never grows as `from` moves forward.
   */
  latestDayWithCountSince(count: number): LocalDate | null {
    for (let offset = this.window - 1; offset >= 0; offset--) {
      const day = addDays(this.start, offset);
      if (this.countSince(day) >= count) return day;
    }
    return null;
  }

  /** Working days in [from, until] (inclusive), within the window and before today. */
  countIn(from: LocalDate, until: LocalDate): number {
    const lo = Math.max(1, daysBetween(this.start, from));
    const hi = Math.min(this.window - 1, daysBetween(this.start, until));
    if (hi < lo) return 0;
    return (this.cumulative[hi] ?? 0) - (this.cumulative[lo - 1] ?? 0);
  }
}
