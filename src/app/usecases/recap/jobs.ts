import type { AppDeps } from '../../deps.ts';
import type { OutboxEntry } from '../../ports/repositories.port.ts';
import { todayIn } from '../../today.ts';
import { readSettings } from '../settings.ts';
import { claimUnlessFinished, finishRun } from '../job-runs.ts';
import { localTimeOfDay } from '../../../domain/time/zoned.ts';
import { formatMonthlySchedule, formatWeeklySchedule } from '../../settings/definitions.ts';
import { buildRecap } from './build.ts';
import { recapFiles } from './files.ts';
import { addDays, weekdayOf, type LocalDate } from '../../../domain/calendar/local-date.ts';
import { splitMessage } from '../../../domain/text/split.ts';
import { monthPeriod, previousPeriod, weekPeriod } from '../../../domain/recap/period.ts';
import type { OpdRecap, Recap, RecapPeriod } from '../../../domain/recap/recap.ts';

export const WEEKLY_RECAP_JOB = 'recap-weekly';
export const MONTHLY_RECAP_JOB = 'recap-monthly';

/**
 * A bot that was down at the scheduled moment catches up within this many days after it; later
 * the recap would be stale (and a freshly installed bot would greet leaders with last month's
 * empty report), so that period is skipped.
 */
export const CATCH_UP_DAYS = 2;

/** Whether the scheduled moment (local day and time) has come, and not too long ago. */
function due(today: LocalDate, now: string, day: LocalDate, time: string): boolean {
  if (today > addDays(day, CATCH_UP_DAYS)) return false;
  return today > day || (today === day && now >= time);
}

/** Claims the job's run for one period (see claimUnlessFinished). */
const claim = (deps: AppDeps, job: string, key: string): Promise<boolean> => deps.uow.run((repos) => claimUnlessFinished(repos, job, key, deps.clock.now()));

/** The OPD whose score rose most since the previous period (scored in both), if any rose. */
export function mostImproved(current: Recap, previous: Recap): { readonly opd: OpdRecap; readonly before: number } | null {
  const before = new Map(previous.opds.map((o) => [o.opdId, o.score]));
  let best: { opd: OpdRecap; before: number } | null = null;
  for (const opd of current.opds) {
    const old = before.get(opd.opdId);
    if (opd.score === null || old === undefined || old === null || opd.score <= old) continue;
    if (!best || opd.score - old > (best.opd.score ?? 0) - best.before) best = { opd, before: old };
  }
  return best;
}

export interface RecapJobResult {
  readonly job: string;
  readonly period: string;
  readonly enqueued: number;
}

/** The weekly recap of last week to the community group, once its weekday and time have come. */
export async function runWeeklyRecapIfDue(deps: AppDeps): Promise<RecapJobResult | null> {
  const tz = deps.settings.timezone;
  const today = todayIn(deps);
  const { nudge, recap: settings } = await deps.uow.run((repos) => readSettings(repos, deps.settings.nudgeDefaults));
  if (!settings.weekly || nudge.communityChatId === null) return null;
  const monday = addDays(today, 1 - weekdayOf(today));
  const now = localTimeOfDay(deps.clock.now(), tz);
  const schedule = settings.weekly;
  // This week's moment, or last week's when the bot was down over a week's turn (a Sunday recap
  // caught up on Monday).
  const scheduled = [0, -7].map((offset) => addDays(monday, schedule.weekday - 1 + offset)).find((day) => due(today, now, day, schedule.time));
  if (scheduled === undefined) return null;
  // The week the recap is about is the one the day before its moment belongs to: on Monday the
  // week just ended, on Friday the week so far.
  const period = weekPeriod(addDays(scheduled, -1), today);
  return runWeekly(deps, period, nudge.communityChatId);
}

async function runWeekly(deps: AppDeps, period: RecapPeriod, chatId: bigint): Promise<RecapJobResult | null> {
  if (!(await claim(deps, WEEKLY_RECAP_JOB, period.key))) return null;
  const today = todayIn(deps);
  const recap = await buildRecap(deps, period);
  const before = await buildRecap(deps, previousPeriod(period, today));
  const entries = splitMessage(deps.messages.recap.weekly(recap, mostImproved(recap, before))).map(
    (text, part): OutboxEntry => ({ chatId, text, kind: 'recap', lane: 'bulk', dedupeKey: `recap:weekly:${period.key}${part === 0 ? '' : `:${part}`}` }),
  );
  const enqueued = await deps.uow.run(async (repos) => {
    const written = await repos.outbox.enqueue(entries, deps.clock.now());
    await repos.audit.record({ actorId: null, action: 'recap.weekly', subject: `period:${period.key}`, details: { enqueued: written }, at: deps.clock.now() });
    return written;
  });
  await finishRun(deps, WEEKLY_RECAP_JOB, period.key);
  return { job: WEEKLY_RECAP_JOB, period: period.key, enqueued };
}

/** The monthly KPI report of last month, with its workbook and chart, to superadmins and leaders. */
export async function runMonthlyRecapIfDue(deps: AppDeps): Promise<RecapJobResult | null> {
  const tz = deps.settings.timezone;
  const today = todayIn(deps);
  const { recap: settings } = await deps.uow.run((repos) => readSettings(repos, deps.settings.nudgeDefaults));
  if (!settings.monthly) return null;
  const scheduled = `${today.slice(0, 7)}-${String(settings.monthly.day).padStart(2, '0')}`;
  if (!due(today, localTimeOfDay(deps.clock.now(), tz), scheduled, settings.monthly.time)) return null;
  const period = monthPeriod(addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7), today);
  if (!(await claim(deps, MONTHLY_RECAP_JOB, period.key))) return null;

  const m = deps.messages.recap;
  const recap = await buildRecap(deps, period);
  const files = await recapFiles(deps, recap);
  const enqueued = await deps.uow.run(async (repos) => {
    const now = deps.clock.now();
    const people = [...(await repos.users.listByRole('superadmin')), ...(await repos.users.listByRole('leader'))];
    const chats = [...new Set(people.map((p) => p.telegramId))];
    if (chats.length === 0) return 0;
    const workbookId = await repos.outbox.addAttachment(files.workbook, now);
    const chartId = await repos.outbox.addAttachment(files.chart, now);
    const entries = chats.flatMap((chatId): OutboxEntry[] => {
      const key = `recap:monthly:${period.key}:${chatId}`;
      // The summary names quiet OPDs and silent directives: with hundreds of OPDs it can pass
      // Telegram's 4,096 characters, so it goes as as many messages as it needs.
      const summary = splitMessage(`${m.monthlyIntro(recap)}\n\n${m.summary(recap)}`);
      return [
        ...summary.map((text, part): OutboxEntry => ({ chatId, text, kind: 'recap', lane: 'bulk', dedupeKey: `${key}:summary:${part}` })),
        { chatId, text: m.workbookCaption(recap), kind: 'recap', lane: 'bulk', dedupeKey: `${key}:workbook`, attachmentId: workbookId },
        { chatId, text: m.chartCaption(recap), kind: 'recap', lane: 'bulk', dedupeKey: `${key}:chart`, attachmentId: chartId },
      ];
    });
    const written = await repos.outbox.enqueue(entries, now);
    // A re-run after a crash finds its rows enqueued already: the files it just stored are not needed.
    await repos.outbox.discardUnreferencedAttachments([workbookId, chartId]);
    await repos.audit.record({ actorId: null, action: 'recap.monthly', subject: `period:${period.key}`, details: { recipients: chats.length, enqueued: written }, at: now });
    return written;
  });
  await finishRun(deps, MONTHLY_RECAP_JOB, period.key);
  return { job: MONTHLY_RECAP_JOB, period: period.key, enqueued };
}

/** What `jobs list` shows for the automatic recaps: when each runs and its last period. */
export async function listRecapJobs(deps: AppDeps): Promise<{ name: string; schedule: string; lastDay: string | null; finished: boolean }[]> {
  return deps.uow.run(async (repos) => {
    const { recap } = await readSettings(repos, deps.settings.nudgeDefaults);
    const tz = deps.settings.timezone;
    const describe = async (name: string, schedule: string) => {
      const last = await repos.jobRuns.lastRun(name);
      return { name, schedule, lastDay: last?.day ?? null, finished: Boolean(last?.finishedAt) };
    };
    return [
      await describe(WEEKLY_RECAP_JOB, recap.weekly ? `${formatWeeklySchedule(recap.weekly)} ${tz}, rekap minggu lalu ke grup komunitas` : 'mati'),
      await describe(MONTHLY_RECAP_JOB, recap.monthly ? `tanggal ${formatMonthlySchedule(recap.monthly)} ${tz}, laporan KPI bulan lalu` : 'mati'),
    ];
  });
}
