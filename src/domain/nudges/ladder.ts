import { addDays, type LocalDate } from '../calendar/local-date.ts';
import type { WorkingDayIndex } from '../calendar/working-days.ts';

export type NudgeLevel = 'friendly' | 'firm' | 'escalation';

/** The escalation ladder and the posting target, all configurable per regency. */
export interface NudgePolicy {
  /** Overdue working days from which each level applies (defaults 1, 3, 7). */
  readonly friendlyFrom: number;
  readonly firmFrom: number;
  readonly escalateFrom: number;
  /** At least `posts` per `period` (default: 1 per working day). */
  readonly target: { readonly posts: number; readonly period: 'day' | 'week' };
}

export const defaultNudgePolicy: NudgePolicy = {
  friendlyFrom: 1,
  firmFrom: 3,
  escalateFrom: 7,
  target: { posts: 1, period: 'day' },
};

export interface LeavePeriod {
  readonly from: LocalDate;
  readonly until: LocalDate;
}

export interface OpdActivity {
  /** Local day of the last report, or null when the OPD never reported. */
  readonly lastReportDay: LocalDate | null;
  /** Local day the OPD was added: silence of a never-reporting OPD counts from there. */
  readonly addedDay: LocalDate;
  /** The OPD's approved leave periods (inclusive days). */
  readonly leaves: readonly LeavePeriod[];
}

export interface Assessment {
  /** Working days without a report, strictly between the last report's day and today, minus leave. */
  readonly silence: number;
  /** Working days past what the target allows (0 = on target). */
  readonly overdue: number;
  readonly level: NudgeLevel | null;
  readonly onLeave: boolean;
}

/** Working days the target allows between posts: 1 per day ⇒ 1; 2 per 5-day week ⇒ 3. */
export function allowedGap(policy: NudgePolicy, workingDaysPerWeek: number): number {
  const periodDays = policy.target.period === 'day' ? 1 : Math.max(1, workingDaysPerWeek);
  return Math.max(1, Math.ceil(periodDays / Math.max(1, policy.target.posts)));
}

/**
 * The least silence (working days) that earns any reminder: an OPD quieter than this is on
 * target whatever its leave (leave only lowers silence), so a run need not look at it.
 */
export function minimumSilenceForLevel(policy: NudgePolicy, workingDaysPerWeek: number): number {
  return allowedGap(policy, workingDaysPerWeek) - 1 + Math.max(1, Math.min(policy.friendlyFrom, policy.firmFrom, policy.escalateFrom));
}

export function levelFor(policy: NudgePolicy, overdue: number): NudgeLevel | null {
  if (overdue >= policy.escalateFrom) return 'escalation';
  if (overdue >= policy.firmFrom) return 'firm';
  if (overdue >= policy.friendlyFrom) return 'friendly';
  return null;
}

/** How quiet an OPD is today, and which reminder (if any) it earns. */
export function assessOpd(activity: OpdActivity, index: WorkingDayIndex, policy: NudgePolicy): Assessment {
  const today = index.today;
  const onLeave = activity.leaves.some((l) => l.from <= today && today <= l.until);
  const since = activity.lastReportDay ?? activity.addedDay;
  let silence = index.countSince(since);
  for (const leave of activity.leaves) {
    const from = leave.from > since ? leave.from : addDays(since, 1);
    silence -= index.countIn(from, leave.until);
  }
  silence = Math.max(0, silence);
  const overdue = Math.max(0, silence - allowedGap(policy, index.calendar.workingWeekdays.size) + 1);
  return { silence, overdue, level: onLeave ? null : levelFor(policy, overdue), onLeave };
}
