import type { AppDeps } from '../deps.ts';
import type { Repositories } from '../ports/repositories.port.ts';

/**
 * Claims a scheduled job's run for one key (a local day, a week, a month); false when that run
 * already finished. An unfinished claim (the process died) is claimed again and the job re-run:
 * the jobs record what they did idempotently (unique nudges, outbox dedupe keys).
 */
export async function claimUnlessFinished(repos: Repositories, job: string, key: string, at: Date): Promise<boolean> {
  const last = await repos.jobRuns.lastRun(job);
  if (last?.day === key && last.finishedAt) return false;
  await repos.jobRuns.claim(job, key, at);
  return true;
}

export async function finishRun(deps: AppDeps, job: string, key: string): Promise<void> {
  await deps.uow.run((repos) => repos.jobRuns.finish(job, key, deps.clock.now()));
}
