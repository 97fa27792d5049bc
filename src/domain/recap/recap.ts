import type { LocalDate } from '../calendar/local-date.ts';
import type { Platform } from '../links/types.ts';
import type { Priority } from '../directives/directive.ts';
import type { KpiComponentResult, KpiWeights } from './kpi.ts';

/** A recap covers one ISO week (Monday–Sunday) or one calendar month, in APP_TIMEZONE. */
export type PeriodKind = 'week' | 'month';

export interface RecapPeriod {
  readonly kind: PeriodKind;
  /** "2026-W47" or "2026-11": names files and deduplicates automatic recaps. */
  readonly key: string;
  /** First and last local day of the period (inclusive). */
  readonly from: LocalDate;
  readonly until: LocalDate;
  /** The last day whose work is counted: `until` for a past period, today for the running one. */
  readonly countedUntil: LocalDate;
}

/**
 * How an OPD meets its posting target: met (≥ 100 %), partial (≥ 50 %), missed (below),
 * onLeave when leave covered every working day of the period, or notDue when the period has had
 * no working day yet (a holiday Monday, the 1st on a Sunday): nothing was expected either way.
 */
export type TargetStatus = 'met' | 'partial' | 'missed' | 'onLeave' | 'notDue';

export type KpiComponentScore = KpiComponentResult;

export interface OpdRecap {
  readonly opdId: number;
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly posts: number;
  readonly postsByPlatform: Readonly<Record<Platform, number>>;
  /** Working days with at least one post. */
  readonly activeDays: number;
  /** Working days counted for this OPD (its leave days excluded). */
  readonly workingDays: number;
  readonly leaveDays: number;
  /** The posting target over its own working days. */
  readonly expectedPosts: number;
  readonly expectedActiveDays: number;
  /** Mandatory platforms with at least one post in the period. */
  readonly mandatoryCovered: readonly Platform[];
  /** Mandatory platforms without a registered official account. */
  readonly missingAccounts: readonly Platform[];
  /** Posts whose link shows an account not registered for the OPD. */
  readonly unregisteredPosts: number;
  /** Directives addressed to the OPD (not during its leave), those asking for acknowledgement, and what it did. */
  readonly directives: { readonly addressed: number; readonly asked: number; readonly acknowledged: number; readonly followedUp: number };
  /** 0–100 with one decimal; null when leave covered the whole period (not ranked). */
  readonly score: number | null;
  readonly components: readonly KpiComponentScore[];
  /** 1 = best; equal scores share a rank; null when not scored. */
  readonly rank: number | null;
  readonly status: TargetStatus;
}

export interface DayRecap {
  readonly date: LocalDate;
  readonly working: boolean;
  readonly posts: number;
  readonly postsByPlatform: Readonly<Record<Platform, number>>;
  /** OPDs with at least one post that day. */
  readonly activeOpds: number;
}

export interface PlatformRecap {
  readonly platform: Platform;
  readonly posts: number;
  /** OPDs with at least one post on it. */
  readonly opds: number;
  readonly mandatory: boolean;
}

export interface DirectiveRecap {
  readonly id: number;
  /** The first line of the text, shortened. */
  readonly title: string;
  readonly priority: Priority;
  readonly fromLeader: boolean;
  readonly sentAt: Date;
  readonly deadline: Date | null;
  readonly requireAck: boolean;
  readonly addressed: number;
  readonly acknowledged: number;
  readonly followedUp: number;
  /** Codes of addressed OPDs that have not acknowledged (when acknowledgement is asked). */
  readonly silentCodes: readonly string[];
}

/** Everything a recap shows, in every form (message, workbook, chart, CSV): one source of numbers. */
export interface Recap {
  readonly period: RecapPeriod;
  readonly generatedAt: Date;
  readonly timezone: string;
  readonly target: { readonly posts: number; readonly period: 'day' | 'week' };
  readonly mandatoryPlatforms: readonly Platform[];
  readonly weights: KpiWeights;
  /** Active OPDs, best first (rank, then posts, then code). */
  readonly opds: readonly OpdRecap[];
  readonly days: readonly DayRecap[];
  readonly platforms: readonly PlatformRecap[];
  readonly directives: readonly DirectiveRecap[];
  readonly totals: {
    readonly opds: number;
    readonly posts: number;
    /** OPDs with at least one post. */
    readonly activeOpds: number;
    /** OPDs without any post (those on leave for the whole period are not counted as quiet). */
    readonly quietOpds: number;
  };
}

/**
 * "Not posted yet" in every form of a recap (the count, the list, the highlighted rows): no post
 * in a period in which the OPD had working days and was not on leave.
 */
export function isQuiet(opd: Pick<OpdRecap, 'posts' | 'status'>): boolean {
  return opd.posts === 0 && opd.status !== 'onLeave' && opd.status !== 'notDue';
}

/**
 * A week's days for its label, "16–22 November 2026" or "30 November–6 December 2026": the first
 * day without what the last one repeats. `shortDay` is the catalogue's "day month year".
 */
export function weekSpan(period: Pick<RecapPeriod, 'from' | 'until'>, shortDay: (day: LocalDate) => string): string {
  const sameMonth = period.from.slice(0, 7) === period.until.slice(0, 7);
  const first = sameMonth ? String(Number(period.from.slice(8, 10))) : shortDay(period.from).replace(/ \d{4}$/, '');
  return `${first}–${shortDay(period.until)}`;
}
