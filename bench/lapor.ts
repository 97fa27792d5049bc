/**
 * The /lapor burst benchmark: the bare telegraf echo bot (baseline), then kopdar, each in a
 * fresh runner process with its own fake Bot API server. Returns the printed table and the JSON.
 */
import os from 'node:os';
import { cpuSnapshot, otherWorkSince, type OtherWork } from './lib/machine.ts';
import { deliveryPerReplyMs, evaluateTargets, formatTable, processingPerUpdateMs } from './lib/report.ts';
import { spawnRunner } from './lib/runner-api.ts';
import type { WorkloadOptions } from './lib/workload.ts';
import { envInt } from './lib/env.ts';

export interface LaporBench {
  readonly table: string;
  readonly otherWork: OtherWork | null;
  readonly json: Record<string, unknown>;
}

export async function benchLapor(): Promise<LaporBench> {
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
  const targets = evaluateTargets(kopdar, echo);
  return {
    table: formatTable(kopdar, echo, targets),
    otherWork,
    json: {
      workload: { ...workload, updates },
      kopdar,
      echo,
      ratios: {
        handlingCpuPerUpdate: processingPerUpdateMs(kopdar) / echo.cpu.perUpdateMs,
        windowCpuPerUpdate: kopdar.cpu.perUpdateMs / echo.cpu.perUpdateMs,
        pacedReplyToBarePacedSend: deliveryPerReplyMs(kopdar) / echo.pacedSend.cpuPerSendMs,
        delivery: kopdar.delivery.ratio,
      },
      targets,
    },
  };
}
