import { isWithin, opdLeaveSpans, type LeaveLike } from '../calendar/leave.ts';
import type { LocalDate } from '../calendar/local-date.ts';
import { isWorkingDay, type WorkCalendar } from '../calendar/working-days.ts';
import type { Priority } from '../directives/directive.ts';
import { platforms, type Platform } from '../links/types.ts';
import { computeKpi, type KpiWeights } from './kpi.ts';
import { missingPlatforms } from '../official-accounts.ts';
import { daysOf } from './period.ts';
import { isQuiet, type DayRecap, type DirectiveRecap, type OpdRecap, type PlatformRecap, type Recap, type RecapPeriod, type TargetStatus } from './recap.ts';

/** Posts of one OPD on one platform on one local day. */
export interface PostCount {
  readonly day: LocalDate;
  readonly opdId: number;
  readonly platform: Platform;
  readonly count: number;
  /** Of those, posts whose link shows an account not registered for the OPD. */
  readonly unregistered: number;
}

export interface RecapOpd {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly type: string;
  /** Its current admins: when all of them are on leave at once, the OPD is on leave. */
  readonly adminIds: readonly number[];
}

export interface DirectiveFacts {
  readonly id: number;
  readonly text: string;
  readonly priority: Priority;
  readonly fromLeader: boolean;
  readonly sentAt: Date;
  /** The local day it was sent. */
  readonly sentDay: LocalDate;
  readonly deadline: Date | null;
  readonly requireAck: boolean;
  readonly addressedOpdIds: readonly number[];
  readonly acknowledgedOpdIds: ReadonlySet<number>;
  readonly followedUpOpdIds: ReadonlySet<number>;
}

/** Everything a recap is computed from, already read from the database. */
export interface RecapFacts {
  readonly period: RecapPeriod;
  readonly generatedAt: Date;
  readonly timezone: string;
  readonly target: { readonly posts: number; readonly period: 'day' | 'week' };
  readonly calendar: WorkCalendar;
  readonly mandatoryPlatforms: readonly Platform[];
  readonly weights: KpiWeights;
  /** Active OPDs. */
  readonly opds: readonly RecapOpd[];
  readonly leaves: readonly LeaveLike[];
  /** Counts for days of the period up to countedUntil. */
  readonly postCounts: readonly PostCount[];
  /** Registered official accounts: which platforms each OPD has one on. */
  readonly accounts: readonly { readonly opdId: number; readonly platform: Platform }[];
  readonly directives: readonly DirectiveFacts[];
  /** Meetups held in the period (not cancelled, ended); absent: none. */
  readonly meetups?: readonly MeetupFacts[];
}

export interface MeetupFacts {
  readonly id: number;
  /** The local day it was held. */
  readonly heldDay: LocalDate;
  /** OPDs at least one of whose admins checked in. */
  readonly attendedOpdIds: ReadonlySet<number>;
  /**
   * With a capacity, the OPDs that had a seat: a meetup with room for 40 counts only for them (and
   * for those who came anyway), not against the hundreds who could not get one. Null: open to all.
   */
  readonly seatedOpdIds?: ReadonlySet<number> | null;
}

const TITLE_LENGTH = 80;

export function directiveTitle(text: string): string {
  const line = text.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
  return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH - 1)}…` : line;
}

const zeroPerPlatform = (): Record<Platform, number> => ({ instagram: 0, facebook: 0, tiktok: 0, youtube: 0, x: 0, threads: 0 });

function statusFor(posts: number, expectedPosts: number, leaveDays: number): TargetStatus {
  if (expectedPosts <= 0) return leaveDays > 0 ? 'onLeave' : 'notDue';
  const ratio = posts / expectedPosts;
  return ratio >= 1 ? 'met' : ratio >= 0.5 ? 'partial' : 'missed';
}

/** Orders best first and gives equal scores the same rank (1, 1, 3 …); unscored OPDs come last. */
function ranked(rows: readonly Omit<OpdRecap, 'rank'>[]): OpdRecap[] {
  const sorted = [...rows].sort(
    (a, b) => (b.score ?? -1) - (a.score ?? -1) || b.posts - a.posts || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  let rank = 0;
  let previous: number | null = null;
  return sorted.map((row, index) => {
    if (row.score === null) return { ...row, rank: null };
    if (row.score !== previous) rank = index + 1;
    previous = row.score;
    return { ...row, rank };
  });
}

/** Computes a recap from its facts: pure, so the formula is tested without a database. */
export function assembleRecap(facts: RecapFacts): Recap {
  const { period, calendar, target } = facts;
  const countedDays = daysOf({ from: period.from, until: period.countedUntil });
  const workingWeekdays = Math.max(1, calendar.workingWeekdays.size);

  const perOpdDay = new Map<number, Map<LocalDate, number>>();
  const perOpdPlatform = new Map<number, Record<Platform, number>>();
  const perDay = new Map<LocalDate, { posts: number; byPlatform: Record<Platform, number>; opds: Set<number> }>();
  const unregisteredPosts = new Map<number, number>();
  // Posts of OPDs deactivated since are left out everywhere, so every view adds up the same.
  const activeIds = new Set(facts.opds.map((o) => o.id));
  for (const c of facts.postCounts) {
    if (c.count <= 0 || !activeIds.has(c.opdId)) continue;
    if (c.unregistered > 0) unregisteredPosts.set(c.opdId, (unregisteredPosts.get(c.opdId) ?? 0) + c.unregistered);
    const days = perOpdDay.get(c.opdId) ?? new Map<LocalDate, number>();
    days.set(c.day, (days.get(c.day) ?? 0) + c.count);
    perOpdDay.set(c.opdId, days);
    const byPlatform = perOpdPlatform.get(c.opdId) ?? zeroPerPlatform();
    byPlatform[c.platform] += c.count;
    perOpdPlatform.set(c.opdId, byPlatform);
    const day = perDay.get(c.day) ?? { posts: 0, byPlatform: zeroPerPlatform(), opds: new Set<number>() };
    day.posts += c.count;
    day.byPlatform[c.platform] += c.count;
    day.opds.add(c.opdId);
    perDay.set(c.day, day);
  }

  const accountPlatforms = new Map<number, Set<Platform>>();
  for (const a of facts.accounts) accountPlatforms.set(a.opdId, (accountPlatforms.get(a.opdId) ?? new Set<Platform>()).add(a.platform));

  const leaveOf = new Map(facts.opds.map((opd) => [opd.id, opdLeaveSpans(opd.id, opd.adminIds, facts.leaves)]));
  const rows = facts.opds.map((opd): Omit<OpdRecap, 'rank'> => {
    const leave = leaveOf.get(opd.id) ?? [];
    const postsOnDay = perOpdDay.get(opd.id) ?? new Map<LocalDate, number>();
    let workingDays = 0;
    let leaveDays = 0;
    let activeDays = 0;
    for (const day of countedDays) {
      if (!isWorkingDay(calendar, day)) continue;
      if (isWithin(leave, day)) {
        leaveDays++;
        continue;
      }
      workingDays++;
      if ((postsOnDay.get(day) ?? 0) > 0) activeDays++;
    }
    const postsByPlatform = perOpdPlatform.get(opd.id) ?? zeroPerPlatform();
    const posts = platforms.reduce((sum, p) => sum + postsByPlatform[p], 0);
    const expectedPosts = target.period === 'day' ? target.posts * workingDays : (target.posts * workingDays) / workingWeekdays;
    const expectedActiveDays = Math.min(workingDays, expectedPosts);
    const mandatoryCovered = facts.mandatoryPlatforms.filter((p) => postsByPlatform[p] > 0);
    const registered = accountPlatforms.get(opd.id);
    const missingAccounts = missingPlatforms(registered ?? [], facts.mandatoryPlatforms);

    // A directive sent on a day the OPD was on leave is not held against it.
    const addressed = facts.directives.filter((d) => d.addressedOpdIds.includes(opd.id) && !isWithin(leave, d.sentDay));
    const asked = addressed.filter((d) => d.requireAck);
    const acknowledged = asked.filter((d) => d.acknowledgedOpdIds.has(opd.id)).length;
    const followedUp = addressed.filter((d) => d.followedUpOpdIds.has(opd.id)).length;

    // A meetup held on a day the OPD was on leave is not counted either.
    const meetupsHeld = (facts.meetups ?? []).filter(
      (mt) => !isWithin(leave, mt.heldDay) && (!mt.seatedOpdIds || mt.seatedOpdIds.has(opd.id) || mt.attendedOpdIds.has(opd.id)),
    );
    const meetupsAttended = meetupsHeld.filter((mt) => mt.attendedOpdIds.has(opd.id)).length;
    const kpi = computeKpi(
      {
        activeDays,
        expectedActiveDays,
        posts,
        expectedPosts,
        platformsCovered: mandatoryCovered.length,
        platformsRequired: facts.mandatoryPlatforms.length,
        acknowledgementsAsked: asked.length,
        acknowledged,
        directivesAddressed: addressed.length,
        followedUp,
        meetupsHeld: meetupsHeld.length,
        meetupsAttended,
      },
      facts.weights,
    );
    return {
      opdId: opd.id,
      code: opd.code,
      name: opd.name,
      type: opd.type,
      posts,
      postsByPlatform,
      activeDays,
      workingDays,
      leaveDays,
      expectedPosts,
      expectedActiveDays,
      mandatoryCovered,
      missingAccounts,
      unregisteredPosts: unregisteredPosts.get(opd.id) ?? 0,
      directives: { addressed: addressed.length, asked: asked.length, acknowledged, followedUp },
      score: kpi.score,
      components: kpi.components,
      status: statusFor(posts, expectedPosts, leaveDays),
    };
  });
  const opds = ranked(rows);

  const days = countedDays.map((date): DayRecap => {
    const day = perDay.get(date);
    return {
      date,
      working: isWorkingDay(calendar, date),
      posts: day?.posts ?? 0,
      postsByPlatform: day?.byPlatform ?? zeroPerPlatform(),
      activeOpds: day?.opds.size ?? 0,
    };
  });

  const platformRows = platforms.map(
    (platform): PlatformRecap => ({
      platform,
      posts: opds.reduce((sum, o) => sum + o.postsByPlatform[platform], 0),
      opds: opds.filter((o) => o.postsByPlatform[platform] > 0).length,
      mandatory: facts.mandatoryPlatforms.includes(platform),
    }),
  );

  const codeOf = new Map(facts.opds.map((o) => [o.id, o.code]));
  const directives = facts.directives.map(
    (d): DirectiveRecap => ({
      id: d.id,
      title: directiveTitle(d.text),
      priority: d.priority,
      fromLeader: d.fromLeader,
      sentAt: d.sentAt,
      deadline: d.deadline,
      requireAck: d.requireAck,
      addressed: d.addressedOpdIds.length,
      acknowledged: d.addressedOpdIds.filter((id) => d.acknowledgedOpdIds.has(id)).length,
      followedUp: d.addressedOpdIds.filter((id) => d.followedUpOpdIds.has(id)).length,
      // Like the KPI: an OPD on leave the day the directive went out is not named as silent.
      silentCodes: d.requireAck
        ? d.addressedOpdIds
            .filter((id) => !d.acknowledgedOpdIds.has(id) && !isWithin(leaveOf.get(id) ?? [], d.sentDay))
            .map((id) => codeOf.get(id) ?? `#${id}`)
            .sort()
        : [],
    }),
  );

  const activeOpds = opds.filter((o) => o.posts > 0).length;
  return {
    period,
    generatedAt: facts.generatedAt,
    timezone: facts.timezone,
    target,
    mandatoryPlatforms: facts.mandatoryPlatforms,
    weights: facts.weights,
    opds,
    days,
    platforms: platformRows,
    directives,
    totals: {
      opds: opds.length,
      posts: opds.reduce((sum, o) => sum + o.posts, 0),
      activeOpds,
      quietOpds: opds.filter(isQuiet).length,
    },
  };
}
