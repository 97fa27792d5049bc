/** Child process: runs one benchmark when asked (see runner-api.ts) and hands back its result. */
import { runKopdarBroadcast, runNaiveBroadcast } from '../broadcast.ts';
import { runEchoBaseline } from '../echo-baseline.ts';
import { runLaporBurst } from '../lapor-burst.ts';
import type { RunnerApi } from './runner-api.ts';
import { serveRpc } from './rpc.ts';
import { laporBurst } from './workload.ts';

const handlers: RunnerApi = {
  lapor: ({ workload, timeoutMs, watchIntervalMs }) => runLaporBurst(laporBurst(workload), { timeoutMs, watchIntervalMs }),
  echo: ({ workload, timeoutMs, pacedSends }) => runEchoBaseline(laporBurst(workload), { timeoutMs, pacedSends }),
  broadcastKopdar: (params) => runKopdarBroadcast(params),
  broadcastNaive: (params) => runNaiveBroadcast(params),
};

serveRpc(handlers);
