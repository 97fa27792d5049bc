import type { AppDeps } from '../../deps.ts';
import type { DaySpan } from '../../ports/repositories.port.ts';
import { readSettings } from '../settings.ts';
import { addDays, type LocalDate } from '../../../domain/calendar/local-date.ts';
import { assembleRecap } from '../../../domain/recap/assemble.ts';
import { daysOf } from '../../../domain/recap/period.ts';
import type { Recap, RecapPeriod } from '../../../domain/recap/recap.ts';
import { localDateKey, zonedInstant } from '../../../domain/time/zoned.ts';

/** 00:00 of a local day in the regency's time zone, as an instant. */
export function startOfDay(day: LocalDate, timeZone: string): Date {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return zonedInstant(timeZone, y, m, d);
}

/**
 * Reads what a period's recap needs in one transaction (a consistent snapshot) and computes it.
 * Reports are read grouped per local day, never row by row.
 */
export async function buildRecap(deps: AppDeps, period: RecapPeriod): Promise<Recap> {
  const tz = deps.settings.timezone;
  const generatedAt = deps.clock.now();
  const spans: DaySpan[] = daysOf({ from: period.from, until: period.countedUntil }).map((day) => ({
    day,
    from: startOfDay(day, tz),
    to: startOfDay(addDays(day, 1), tz),
  }));
  const from = startOfDay(period.from, tz);
  const to = startOfDay(addDays(period.countedUntil, 1), tz);
  return deps.uow.run(async (repos) => {
    const { nudge, recap } = await readSettings(repos, deps.settings.nudgeDefaults);
    const [holidays, leaves, opds, postCounts, directives, accounts] = [
      await repos.holidays.between(period.from, period.until),
      await repos.leaves.overlapping(period.from, period.until),
      await repos.recaps.activeOpds(),
      await repos.recaps.postCounts(spans),
      await repos.recaps.directivesSent(from, to),
      await repos.recaps.accountPlatforms(),
    ];
    const meetups = await repos.recaps.meetupsHeld(from, to, generatedAt);
    return assembleRecap({
      period,
      generatedAt,
      timezone: tz,
      target: nudge.policy.target,
      calendar: { workingWeekdays: new Set(nudge.workingDays), holidays: new Set(holidays.map((h) => h.date)) },
      mandatoryPlatforms: recap.mandatoryPlatforms,
      weights: recap.weights,
      opds,
      leaves,
      postCounts,
      accounts,
      directives: directives.map((d) => ({
        ...d,
        sentDay: localDateKey(d.sentAt, tz),
        acknowledgedOpdIds: new Set(d.acknowledgedOpdIds),
        followedUpOpdIds: new Set(d.followedUpOpdIds),
      })),
      meetups: meetups.map((mt) => ({
        id: mt.id,
        heldDay: localDateKey(mt.startsAt, tz),
        attendedOpdIds: new Set(mt.attendedOpdIds),
        seatedOpdIds: mt.seatedOpdIds === null ? null : new Set(mt.seatedOpdIds),
      })),
    });
  });
}
