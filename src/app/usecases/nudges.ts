import type { AppDeps } from '../deps.ts';
import { claimUnlessFinished, finishRun } from './job-runs.ts';
import type { LeaveRecord, OutboxEntry, Repositories } from '../ports/repositories.port.ts';
import type { NudgeSettings } from '../settings/definitions.ts';
import { readNudgeSettings } from './settings.ts';
import { todayIn } from '../today.ts';
import type { Button } from '../reply.ts';
import { addDays, weekdayOf, type LocalDate } from '../../domain/calendar/local-date.ts';
import { WorkingDayIndex, isWorkingDay, type WorkCalendar } from '../../domain/calendar/working-days.ts';
import { displayName, type Opd, type Person } from '../../domain/model.ts';
import { assessOpd, minimumSilenceForLevel, type NudgeLevel } from '../../domain/nudges/ladder.ts';
import { isPersonOnLeave, opdLeaveSpans } from '../../domain/calendar/leave.ts';
import { localDateKeyer, localTimeOfDay, zonedInstant } from '../../domain/time/zoned.ts';

export const NUDGE_JOB = 'nudges';
export const REPORT_BUTTON_DATA = 'nudge:lapor';
/** How far back silence is counted; a longer silence is reported as this many days' worth. */
const WINDOW_DAYS = 400;

export interface PlannedNudge {
  readonly opd: Opd;
  readonly silence: number;
  readonly level: NudgeLevel;
  readonly lastReportAt: Date | null;
  readonly admins: readonly Person[];
  /** Who gets a message: the OPD's admins, and for an escalation also superadmins and heads. */
  readonly recipients: readonly { readonly person: Person; readonly message: NudgeLevel }[];
}

export interface NudgePlan {
  readonly day: LocalDate;
  readonly workingDay: boolean;
  readonly nudges: readonly PlannedNudge[];
  /** OPDs that have no admin: they cannot be reminded. */
  readonly withoutAdmin: readonly Opd[];
  /** OPDs on approved leave today. */
  readonly onLeave: readonly Opd[];
  /** The digest covers posts since this working day began (weekends and holidays included). */
  readonly previousWorkingDay: LocalDate;
  readonly totalOpds: number;
}

export interface NudgeRunResult {
  readonly plan: NudgePlan;
  /** Nudges recorded now (a second run the same day records none). */
  readonly recorded: number;
  /** Outbox messages written now. */
  readonly enqueued: number;
}


/** The instant a local date begins in `timeZone`. */
function startOfLocalDate(date: LocalDate, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return zonedInstant(timeZone, y, m, d);
}

/** Groups leave by a key (OPD or person), so each OPD looks only at its own and its admins'. */
function groupLeaves(leaves: readonly LeaveRecord[], key: (leave: LeaveRecord) => number | null): Map<number, LeaveRecord[]> {
  const map = new Map<number, LeaveRecord[]>();
  for (const leave of leaves) {
    const k = key(leave);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(leave);
    else map.set(k, [leave]);
  }
  return map;
}

/** Works out who is quiet on `day` and what each OPD earns. Reads only. */
async function plan(deps: AppDeps, repos: Repositories, day: LocalDate, settings: NudgeSettings): Promise<NudgePlan> {
  const tz = deps.settings.timezone;
  const windowStart = addDays(day, -WINDOW_DAYS);
  const holidays = await repos.holidays.between(windowStart, day);
  const calendar: WorkCalendar = { workingWeekdays: new Set(settings.workingDays), holidays: new Set(holidays.map((h) => h.date)) };
  const workingDay = isWorkingDay(calendar, day);
  let previousWorkingDay = addDays(day, -1);
  for (let back = 1; back <= 14 && !isWorkingDay(calendar, previousWorkingDay); back++) previousWorkingDay = addDays(day, -back - 1);
  if (!workingDay) return { day, workingDay, nudges: [], withoutAdmin: [], onLeave: [], previousWorkingDay, totalOpds: 0 };

  const index = new WorkingDayIndex(calendar, day, WINDOW_DAYS);
  const leaves = await repos.leaves.overlapping(windowStart, day);
  const superadmins = await repos.users.listByRole('superadmin');
  const nudges: PlannedNudge[] = [];
  const withoutAdmin: Opd[] = [];
  const onLeave: Opd[] = [];

  // Only OPDs that can earn a reminder, have no admin, or are on leave today are read: the rest
  // are on target (leave only lowers silence), and they are most OPDs on most days.
  const latestQuietDay = index.latestDayWithCountSince(minimumSilenceForLevel(settings.policy, calendar.workingWeekdays.size));
  // An OPD can be on leave today through its own leave or through all its admins' (see
  // domain/calendar/leave.ts): both kinds of today's leave are listed whatever the activity.
  const todaysLeave = leaves.filter((l) => l.fromDate <= day && day <= l.untilDate);
  const { rows, activeOpds } = await repos.activity.opdsNeedingAttention({
    quietBefore: latestQuietDay === null ? null : startOfLocalDate(addDays(latestQuietDay, 1), tz),
    alsoOpdIds: todaysLeave.flatMap((l) => (l.opdId !== null && l.userId === null ? [l.opdId] : [])),
    alsoOpdsOfAdminIds: todaysLeave.flatMap((l) => (l.userId !== null ? [l.userId] : [])),
  });
  const localDay = localDateKeyer(tz);
  // The leave rules scan the leave they are given: give each OPD only its own and its admins'.
  const leavesOfOpd = groupLeaves(leaves, (l) => l.opdId);
  const leavesOfPerson = groupLeaves(leaves, (l) => l.userId);
  for (const row of rows) {
    const relevant = [...(leavesOfOpd.get(row.opd.id) ?? []), ...row.admins.flatMap((a) => leavesOfPerson.get(a.id) ?? [])];
    // An admin on leave is not messaged; an OPD whose admins are all away counts as on leave.
    const reachable = row.admins.filter((a) => !isPersonOnLeave(a.id, relevant, day));
    const assessment = assessOpd(
      {
        lastReportDay: row.lastReportAt ? localDay(row.lastReportAt) : null,
        addedDay: localDay(row.createdAt),
        leaves: opdLeaveSpans(row.opd.id, row.admins.map((a) => a.id), relevant),
      },
      index,
      settings.policy,
    );
    if (assessment.onLeave) {
      onLeave.push(row.opd);
      continue;
    }
    if (row.admins.length === 0) {
      withoutAdmin.push(row.opd);
      continue;
    }
    if (!assessment.level || reachable.length === 0) continue;
    const adminMessage: NudgeLevel = assessment.level === 'friendly' ? 'friendly' : 'firm';
    const recipients: { person: Person; message: NudgeLevel }[] = reachable.map((person) => ({ person, message: adminMessage }));
    if (assessment.level === 'escalation') {
      for (const person of [...superadmins, ...row.heads]) recipients.push({ person, message: 'escalation' });
    }
    nudges.push({ opd: row.opd, silence: assessment.silence, level: assessment.level, lastReportAt: row.lastReportAt, admins: row.admins, recipients });
  }
  return { day, workingDay, nudges, withoutAdmin, onLeave, previousWorkingDay, totalOpds: activeOpds };
}

function messageFor(deps: AppDeps, nudge: PlannedNudge, message: NudgeLevel, lastPost: string | null, adminNames: readonly string[]): string {
  const m = deps.messages.nudge;
  if (message === 'friendly') return m.friendly(nudge.opd.name, nudge.opd.code, nudge.silence, lastPost);
  if (message === 'firm') return m.firm(nudge.opd.name, nudge.opd.code, nudge.silence, lastPost);
  return m.escalation(nudge.opd.name, nudge.opd.code, nudge.silence, lastPost, adminNames);
}

/** Activity since the previous working day began, for the community group: praise in public. */
async function digestEntry(deps: AppDeps, repos: Repositories, result: NudgePlan, chatId: bigint, totalOpds: number): Promise<OutboxEntry> {
  const tz = deps.settings.timezone;
  const [y, mo, d] = result.previousWorkingDay.split('-').map(Number) as [number, number, number];
  const from = zonedInstant(tz, y, mo, d);
  const [ty, tm, td] = result.day.split('-').map(Number) as [number, number, number];
  const to = zonedInstant(tz, ty, tm, td);
  const counts = await repos.activity.reportCountsBetween(from, to);
  const opds = new Map((await repos.opds.list()).map((o) => [o.id, o]));
  const top = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (opds.get(a[0])?.code ?? '').localeCompare(opds.get(b[0])?.code ?? ''))
    .slice(0, 3)
    .map(([id, posts]) => ({ code: opds.get(id)?.code ?? '?', posts }));
  const named = result.nudges.filter((n) => n.level !== 'friendly').map((n) => n.opd.code);
  return {
    chatId,
    kind: 'digest',
    lane: 'bulk',
    dedupeKey: `digest:${result.day}`,
    text: deps.messages.nudge.digest({
      date: deps.messages.format.date(from, tz),
      active: counts.size,
      total: totalOpds,
      top,
      quiet: result.nudges.length,
      named,
    }),
  };
}

/**
 * The morning run: reminds quiet OPDs (once per OPD, level and day, enforced by a unique key
 * written in the same transaction as the outbox rows), escalates persistent silence, posts the
 * community digest and, on the week's first working day, lists OPDs without an admin.
 * With dryRun nothing is written: the plan says who would be reminded and why.
 */
export async function runNudges(deps: AppDeps, options: { day?: LocalDate; dryRun?: boolean } = {}): Promise<NudgeRunResult> {
  const day = options.day ?? todayIn(deps);
  const tz = deps.settings.timezone;
  return deps.uow.run(async (repos) => {
    const settings = await readNudgeSettings(repos, deps.settings.nudgeDefaults);
    const result = await plan(deps, repos, day, settings);
    if (options.dryRun || !result.workingDay) return { plan: result, recorded: 0, enqueued: 0 };

    const now = deps.clock.now();
    const entries: OutboxEntry[] = [];
    const button: Button[][] = [[{ text: deps.messages.nudge.reportButton, callbackData: REPORT_BUTTON_DATA }]];
    let recorded = 0;
    const isNew = await repos.nudges.recordAllOnce(
      result.nudges.map((nudge) => ({ opdId: nudge.opd.id, day, level: nudge.level, silence: nudge.silence })),
      now,
    );
    for (const [index, nudge] of result.nudges.entries()) {
      if (!isNew[index]) continue;
      recorded++;
      const lastPost = nudge.lastReportAt ? deps.messages.format.dateTime(nudge.lastReportAt, tz) : null;
      const adminNames = nudge.admins.map((a) => displayName(a));
      for (const { person, message } of nudge.recipients) {
        entries.push({
          chatId: person.telegramId,
          text: messageFor(deps, nudge, message, lastPost, adminNames),
          ...(message === 'escalation' ? {} : { buttons: button }),
          kind: message === 'escalation' ? 'escalation' : 'nudge',
          lane: 'bulk',
          dedupeKey: `nudge:${day}:${nudge.opd.id}:${nudge.level}:${person.telegramId}`,
        });
      }
    }
    if (settings.communityChatId !== null) entries.push(await digestEntry(deps, repos, result, settings.communityChatId, result.totalOpds));
    // Once a week, by the week's first run (normally its first working day; later if that day's
    // run never happened): the key names the week's Monday.
    if (result.withoutAdmin.length > 0) {
      const week = addDays(day, 1 - weekdayOf(day));
      const text = deps.messages.nudge.noAdmin(result.withoutAdmin.map((o) => deps.messages.nudge.noAdminLine(o.code, o.name)));
      for (const superadmin of await repos.users.listByRole('superadmin')) {
        entries.push({ chatId: superadmin.telegramId, text, kind: 'notice', lane: 'bulk', dedupeKey: `noadmin:${week}:${superadmin.telegramId}` });
      }
    }
    const enqueued = await repos.outbox.enqueue(entries, now);
    await repos.audit.record({ actorId: null, action: 'nudges.run', subject: `day:${day}`, details: { recorded, enqueued }, at: now });
    return { plan: result, recorded, enqueued };
  });
}

/**
 * Called every minute by the scheduler (and once at start-up): runs today's morning job when
 * its time has come and it has not finished today. So a bot that was down at 08:00 catches up
 * when it starts, the same day; a day it missed entirely is not replayed the next morning; an
 * interrupted run is simply run again (every nudge is recorded once).
 */
export async function runMorningIfDue(deps: AppDeps): Promise<NudgeRunResult | null> {
  const now = deps.clock.now();
  const day = todayIn(deps);
  const due = await deps.uow.run(async (repos) => {
    const settings = await readNudgeSettings(repos, deps.settings.nudgeDefaults);
    if (localTimeOfDay(now, deps.settings.timezone) < settings.nudgeTime) return false;
    return claimUnlessFinished(repos, NUDGE_JOB, day, now);
  });
  if (!due) return null;
  const result = await runNudges(deps, { day });
  await finishRun(deps, NUDGE_JOB, day);
  return result;
}

export interface JobStatus {
  readonly name: string;
  readonly schedule: string;
  readonly lastDay: LocalDate | null;
  readonly finished: boolean;
}

/** What `jobs list` shows: each job, when it runs, and its last run. */
export async function listJobs(deps: AppDeps): Promise<JobStatus[]> {
  return deps.uow.run(async (repos) => {
    const settings = await readNudgeSettings(repos, deps.settings.nudgeDefaults);
    const last = await repos.jobRuns.lastRun(NUDGE_JOB);
    return [
      {
        name: NUDGE_JOB,
        schedule: `${settings.nudgeTime} ${deps.settings.timezone}, hari kerja ${settings.workingDays.join(',')}`,
        lastDay: last?.day ?? null,
        finished: Boolean(last?.finishedAt),
      },
    ];
  });
}
