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
import { BUSY_CORE_SHARE, cpuSnapshot, otherWorkSince, type OtherWork } from './lib/machine.ts';
import { envInt } from './lib/env.ts';
import { benchLapor } from './lapor.ts';

async function main(): Promise<void> {
  const lapor = await benchLapor();
  console.log('');
  console.log(lapor.table);
  const busy = reportOtherWork(lapor.otherWork);

  const out = path.join(import.meta.dirname, 'results', 'lapor-burst.json');
  mkdirSync(path.dirname(out), { recursive: true });
  const report = {
    finishedAt: new Date().toISOString(),
    machine: machineFacts(lapor.otherWork, busy),
    ...lapor.json,
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
    `${JSON.stringify({ finishedAt: new Date().toISOString(), machine: machineFacts(broadcastOtherWork, broadcastBusy), ...figures }, null, 2)}\n`,
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

function machineFacts(otherWork: OtherWork | null, busy: boolean): Record<string, unknown> {
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '?',
    otherWork,
    busy,
  };
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
