import { addDays, isLocalDate, type LocalDate } from './local-date.ts';

/**
 * Leave (cuti), and the rule the nudges follow:
 * - leave of an OPD covers the whole OPD: no reminders, and its days do not count as silence;
 * - leave of an admin covers that admin only: they are not messaged, but their OPD is still
 *   counted and reminded through its other admins — unless every current admin of the OPD is on
 *   leave, in which case those days count as leave of the OPD.
 * An admin's leave follows the person, so it moves with them when they change OPD.
 */

/** Inclusive span of local days. Structurally the same as the ladder's LeavePeriod. */
export interface DateSpan {
  readonly from: LocalDate;
  readonly until: LocalDate;
}

/** A stored leave: of an OPD (opdId set, userId null) or of an admin (userId set). */
export interface LeaveLike {
  readonly opdId: number | null;
  readonly userId: number | null;
  readonly fromDate: LocalDate;
  readonly untilDate: LocalDate;
}

export const MAX_LEAVE_REASON_LENGTH = 200;

/** The same calendar day one year later (29 February becomes 28 February). */
export function oneYearAfter(date: LocalDate): LocalDate {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const day = m === 2 && d === 29 ? 28 : d;
  return `${String(y + 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type LeaveEndProblem = 'not_a_date' | 'in_the_past' | 'too_far';

/** A leave starts today and ends on `until` (inclusive): today at the earliest, a year ahead at the latest. */
export function checkLeaveEnd(today: LocalDate, until: string): LeaveEndProblem | null {
  if (!isLocalDate(until)) return 'not_a_date';
  if (until < today) return 'in_the_past';
  if (until > oneYearAfter(today)) return 'too_far';
  return null;
}

/** Sorts and merges overlapping or adjacent spans. */
export function mergeSpans(spans: readonly DateSpan[]): DateSpan[] {
  const sorted = spans.filter((s) => s.from <= s.until).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: DateSpan[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.from <= addDays(last.until, 1)) {
      if (span.until > last.until) merged[merged.length - 1] = { from: last.from, until: span.until };
    } else {
      merged.push({ from: span.from, until: span.until });
    }
  }
  return merged;
}

/** Days covered by both sets of spans (each given merged). */
function intersect(a: readonly DateSpan[], b: readonly DateSpan[]): DateSpan[] {
  const out: DateSpan[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as DateSpan;
    const y = b[j] as DateSpan;
    const from = x.from > y.from ? x.from : y.from;
    const until = x.until < y.until ? x.until : y.until;
    if (from <= until) out.push({ from, until });
    if (x.until < y.until) i++;
    else j++;
  }
  return out;
}

const spanOf = (leave: LeaveLike): DateSpan => ({ from: leave.fromDate, until: leave.untilDate });

/** A person's own leave, merged. */
export function personLeaveSpans(userId: number, leaves: readonly LeaveLike[]): DateSpan[] {
  return mergeSpans(leaves.filter((l) => l.userId === userId).map(spanOf));
}

export function isPersonOnLeave(userId: number, leaves: readonly LeaveLike[], day: LocalDate): boolean {
  return leaves.some((l) => l.userId === userId && l.fromDate <= day && day <= l.untilDate);
}

/**
 * The spans during which an OPD counts as on leave: its own leave, plus every span in which all
 * of its current admins are on leave at once. An OPD without admins has no admin-made leave.
 */
export function opdLeaveSpans(opdId: number, adminIds: readonly number[], leaves: readonly LeaveLike[]): DateSpan[] {
  const own = leaves.filter((l) => l.opdId === opdId && l.userId === null).map(spanOf);
  let everyone: DateSpan[] | null = null;
  for (const adminId of adminIds) {
    const spans = personLeaveSpans(adminId, leaves);
    everyone = everyone === null ? spans : intersect(everyone, spans);
    if (everyone.length === 0) break;
  }
  return mergeSpans([...own, ...(everyone ?? [])]);
}

export function isWithin(spans: readonly DateSpan[], day: LocalDate): boolean {
  return spans.some((s) => s.from <= day && day <= s.until);
}
