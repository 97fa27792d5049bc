/**
 * `npm run bench`: the /lapor burst through kopdar and through a bare telegraf echo bot (the
 * baseline), then a broadcast to 2,000 private chats (a kopdar directive against a naive telegraf
 * loop and a naive Promise.all), each in a fresh process against its own fake Bot API server
 * process. Prints the figures, whether each target was met, and writes
 * bench/results/lapor-burst.json and bench/results/broadcast.json.
 * Exits 0 whatever the figures are; 1 only if a run itself broke.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchBroadcast } from './broadcast.ts';
import { benchNudges } from './nudges.ts';
import { benchRecap } from './recap.ts';
import { cpuSnapshot, otherWorkSince, type OtherWork } from './lib/machine.ts';
import { evaluateTargets, formatTable } from './lib/report.ts';
import { spawnRunner } from './lib/runner-api.ts';
import type { WorkloadOptions } from './lib/workload.ts';
import { envInt } from './lib/env.ts';

/** Other processes using more than this share of one core on average make a run unreliable. */
const BUSY_CORE_SHARE = 0.1;


async function main(): Promise<void> {
  // The burst: 1,000 /lapor updates from 200 admins. Overridable for quick trials only.
  const workload: WorkloadOptions = {
    admins: envInt('BENCH_ADMINS', 200),
    perAdmin: envInt('BENCH_PER_ADMIN', 5),
    seed: envInt('BENCH_SEED', 20_240_601),
  };
  const updates = workload.admins * workload.perAdmin;
  // Delivery is bounded below by updates / 30 s; allow 2.5× that (and at least 30 s) before giving up.
  const kopdarTimeoutMs = Math.max(30_000, Math.ceil((updates / 30) * 2.5 * 1000));
  console.log(`kopdar bench: ${updates} /lapor updates from ${workload.admins} admins (node ${process.version}, ${os.cpus().length} CPUs)`);

  const cpuBefore = cpuSnapshot();
  console.log('running the baseline (bare telegraf echo bot)…');
  const echoRunner = spawnRunner();
  const echo = await echoRunner.call('echo', { workload, timeoutMs: 60_000, pacedSends: 150 }, 120_000).finally(() => echoRunner.close());

  console.log(`running kopdar (at least ${(updates / 30).toFixed(1)} s: replies are paced at Telegram's 30/s)…`);
  const kopdarRunner = spawnRunner();
  const kopdar = await kopdarRunner
    .call('lapor', { workload, timeoutMs: kopdarTimeoutMs, watchIntervalMs: 5 }, kopdarTimeoutMs + 120_000)
    .finally(() => kopdarRunner.close());

  const otherWork = otherWorkSince(cpuBefore);
  const cpus = os.cpus().length;
  const targets = evaluateTargets(kopdar, echo);
  console.log('');
  console.log(formatTable(kopdar, echo, targets));
  const busy = reportOtherWork(otherWork);

  const out = path.join(import.meta.dirname, 'results', 'lapor-burst.json');
  mkdirSync(path.dirname(out), { recursive: true });
  const report = {
    finishedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      cpus,
      cpuModel: os.cpus()[0]?.model ?? '?',
      otherWork,
      busy,
    },
    workload: { ...workload, updates },
    kopdar,
    echo,
    ratios: { cpuPerUpdate: kopdar.cpu.perUpdateMs / echo.cpu.perUpdateMs, delivery: kopdar.delivery.ratio },
    targets,
  };
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nresults written to ${path.relative(process.cwd(), out)}`);

  // ---- the broadcast: 2,000 private chats at 30 msg/s ----
  console.log('');
  const broadcastCpuBefore = cpuSnapshot();
  const broadcast = await benchBroadcast({ recipients: envInt('BENCH_BROADCAST_RECIPIENTS', 2000) });
  const broadcastOtherWork = otherWorkSince(broadcastCpuBefore);
  console.log('');
  console.log(broadcast.table);
  const broadcastBusy = reportOtherWork(broadcastOtherWork);
  const broadcastOut = path.join(import.meta.dirname, 'results', 'broadcast.json');
  const figures = { recipients: broadcast.recipients, kopdar: broadcast.kopdar, telegrafLoop: broadcast.loop, promiseAll: broadcast.all, targets: broadcast.targets };
  writeFileSync(
    broadcastOut,
    `${JSON.stringify({ finishedAt: new Date().toISOString(), machine: { ...report.machine, otherWork: broadcastOtherWork, busy: broadcastBusy }, ...figures }, null, 2)}\n`,
  );
  console.log(`\nresults written to ${path.relative(process.cwd(), broadcastOut)}`);

  // ---- the morning nudge computation: 25,000 OPDs, 5,000,000 reports ----
  console.log('');
  const nudges = await benchNudges();
  console.log(nudges.table);
  const nudgesOut = path.join(import.meta.dirname, 'results', 'nudges.json');
  writeFileSync(nudgesOut, `${JSON.stringify(nudges.json, null, 2)}\n`);
  console.log(`\nresults written to ${path.relative(process.cwd(), nudgesOut)}`);

  // ---- the monthly recap: 500 OPDs, 200,000 reports, workbook and chart ----
  console.log('');
  const recap = await benchRecap();
  console.log(recap.table);
  const recapOut = path.join(import.meta.dirname, 'results', 'recap.json');
  writeFileSync(recapOut, `${JSON.stringify(recap.json, null, 2)}\n`);
  console.log(`\nresults written to ${path.relative(process.cwd(), recapOut)}`);
}

/** Prints how much other work ran meanwhile; true when it makes the figures unreliable. */
function reportOtherWork(otherWork: OtherWork | null): boolean {
  // Anything above a few percent of one core is other work competing with the bots for CPU.
  const busy = otherWork !== null && otherWork.otherCoreShare > BUSY_CORE_SHARE;
  console.log(
    otherWork === null
      ? '  - could not tell whether other work ran meanwhile (no /proc).'
      : `  - other work on the machine during the run: ${(otherWork.otherCpuMs / 1000).toFixed(1)} CPU-s (${(otherWork.otherCoreShare * 100).toFixed(0)}% of one core on average)` +
          (busy ? ' — THE MACHINE WAS BUSY: these figures are unreliable, run again on a quiet machine.' : '.'),
  );
  return busy;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench run broke:', error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
