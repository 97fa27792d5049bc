import { schedule, type ScheduledTask } from 'node-cron';
import type { AppDeps } from '../../app/deps.ts';
import type { Logger } from '../../app/ports/logger.port.ts';
import { runMorningIfDue } from '../../app/usecases/nudges.ts';
import { chaseDirectives } from '../../app/usecases/directives/chase.ts';
import { runMonthlyRecapIfDue, runWeeklyRecapIfDue } from '../../app/usecases/recap/jobs.ts';
import { runMeetupJobs } from '../../app/usecases/meetups/jobs.ts';

export interface SchedulerDeps {
  readonly deps: AppDeps;
  readonly logger: Logger;
  /**
   * Called after each tick: rows a job wrote go out at once, and rows written by another
   * process (the CLI, a second instance) are found within a minute.
   */
  readonly wakeOutbox: () => void;
}

/**
 * One cron tick a minute in APP_TIMEZONE chases directives (reminders, deadline summaries), runs
 * meetup reminders and group-copy refreshes, and asks the use cases whether the weekly and
 * monthly recaps and the morning run are due. The
 * time and working days live in the database (/atur changes them), so nothing is rescheduled;
 * a tick at start-up is the catch-up after downtime. Exactly-once is enforced by the database,
 * not here: two instances ticking at once still record each nudge once.
 */
export class JobScheduler {
  private task: ScheduledTask | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly options: SchedulerDeps) {}

  start(): void {
    this.task = schedule('* * * * *', () => this.tick(), {
      timezone: this.options.deps.settings.timezone,
      name: 'kopdar-morning',
      noOverlap: true,
    });
    void this.tick();
  }

  /** Runs what is due now; concurrent calls share one run. */
  tick(): Promise<void> {
    this.running ??= this.runDue().finally(() => {
      this.running = null;
      this.options.wakeOutbox();
    });
    return this.running;
  }

  async stop(): Promise<void> {
    await this.task?.stop();
    this.task = null;
    await this.running;
  }

  private async runDue(): Promise<void> {
    const { deps, logger } = this.options;
    try {
      const chased = await chaseDirectives(deps);
      if (chased.reminded + chased.summarized > 0) logger.info({ event: 'job.directives', ...chased });
    } catch (error) {
      logger.error({ event: 'job.failed', job: 'directives', err: error instanceof Error ? error.message : String(error) });
    }
    for (const [job, run] of [
      ['recap-weekly', runWeeklyRecapIfDue],
      ['recap-monthly', runMonthlyRecapIfDue],
    ] as const) {
      try {
        const result = await run(deps);
        if (result) logger.info({ event: 'job.recap', ...result });
      } catch (error) {
        logger.error({ event: 'job.failed', job, err: error instanceof Error ? error.message : String(error) });
      }
    }
    try {
      const meetups = await runMeetupJobs(deps);
      if (meetups.reminded + meetups.groupEdits > 0) logger.info({ event: 'job.meetups', ...meetups });
    } catch (error) {
      logger.error({ event: 'job.failed', job: 'meetups', err: error instanceof Error ? error.message : String(error) });
    }
    try {
      const result = await runMorningIfDue(deps);
      if (!result) return;
      logger.info({
        event: 'job.nudges',
        day: result.plan.day,
        workingDay: result.plan.workingDay,
        nudges: result.plan.nudges.length,
        recorded: result.recorded,
        enqueued: result.enqueued,
      });
    } catch (error) {
      logger.error({ event: 'job.failed', job: 'nudges', err: error instanceof Error ? error.message : String(error) });
    }
  }
}
