import path from 'node:path';
import type { BroadcastParams, BroadcastRun } from '../broadcast.ts';
import type { EchoBaselineResult } from '../echo-baseline.ts';
import type { LaporBurstResult } from '../lapor-burst.ts';
import { RpcClient } from './rpc.ts';
import type { WorkloadOptions } from './workload.ts';

/** Each benchmark runs in a fresh process, so its CPU, peak RSS and heap are its own. */
export interface RunnerApi {
  lapor(params: { workload: WorkloadOptions; timeoutMs: number; watchIntervalMs: number }): Promise<LaporBurstResult>;
  echo(params: { workload: WorkloadOptions; timeoutMs: number; pacedSends: number }): Promise<EchoBaselineResult>;
  broadcastKopdar(params: BroadcastParams): Promise<BroadcastRun>;
  broadcastNaive(params: BroadcastParams & { mode: 'loop' | 'all' }): Promise<BroadcastRun>;
}

export function spawnRunner(): RpcClient<RunnerApi> {
  return RpcClient.spawn<RunnerApi>(path.join(import.meta.dirname, 'runner-process.ts'));
}
