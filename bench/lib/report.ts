import type { EchoBaselineResult } from '../echo-baseline.ts';
import type { LaporBurstResult } from '../lapor-burst.ts';

export interface Target {
  readonly name: string;
  readonly met: boolean;
  readonly detail: string;
}

/** Processing cost per update may be at most this many times the bare echo bot's. */
export const MAX_COST_RATIO = 3;

/**
 * The issue's "processing cost per update": CPU from the push until every update is handled —
 * for kopdar recorded, answered and its reply handed to the dispatcher; for the echo bot its
 * handler done, which includes its own send. Delivering kopdar's replies at Telegram's pace is
 * judged by the delivery target and costed separately (see deliveryPerReplyMs).
 */
export function processingPerUpdateMs(kopdar: LaporBurstResult): number {
  return kopdar.cpu.processingMs / kopdar.updates;
}

/** kopdar's CPU per reply while pacing out what was still queued after the last record. */
export function deliveryPerReplyMs(kopdar: LaporBurstResult): number {
  const paced = kopdar.replies.delivered - kopdar.pacing.deliveredWhileProcessing;
  return paced > 0 ? kopdar.cpu.deliveryMs / paced : Number.NaN;
}
/** Delivering every reply may take at most this many times Telegram's limit (n / 30 s). */
export const MAX_DELIVERY_RATIO = 1.1;

export function evaluateTargets(kopdar: LaporBurstResult, echo: EchoBaselineResult): Target[] {
  const n = kopdar.updates;
  const r = kopdar.records;
  const recordedOnce =
    r.rows === n && r.distinctCanonicalUrls === n && r.expectedFoundOnce === n && r.unexpectedRows === 0 && r.processedUpdates === n &&
    kopdar.replies.delivered === n && kopdar.replies.recorded === n && kopdar.replies.adminsServedExactly === kopdar.admins;
  const costRatio = processingPerUpdateMs(kopdar) / echo.cpu.perUpdateMs;
  const wholeRatio = kopdar.cpu.perUpdateMs / echo.cpu.perUpdateMs;
  return [
    {
      name: 'recorded once',
      met: recordedOnce,
      detail:
        `${r.rows} rows, ${r.distinctCanonicalUrls} distinct URLs, ${r.expectedFoundOnce}/${n} expected links exactly once, ` +
        `${r.processedUpdates} updates claimed; replies ✅ ${kopdar.replies.recorded}, 🔁 ${kopdar.replies.alreadyReported}, ❌ ${kopdar.replies.refused}, other ${kopdar.replies.other}; ` +
        `${kopdar.replies.adminsServedExactly}/${kopdar.admins} admins got exactly their ${n / kopdar.admins} ✅ replies`,
    },
    {
      name: 'zero 429',
      met: kopdar.rateLimited.serverAnswers === 0,
      detail: `${kopdar.rateLimited.serverAnswers} answered by the server (dispatcher saw ${kopdar.rateLimited.dispatcherSaw})`,
    },
    {
      name: 'delivery within 10%',
      met: kopdar.replies.delivered === n && kopdar.delivery.ratio <= MAX_DELIVERY_RATIO,
      detail: `${fixed(kopdar.delivery.seconds, 1)} s for ${kopdar.replies.delivered}/${n} replies = ${fixed(kopdar.delivery.ratio, 3)}× the ${fixed(kopdar.delivery.limitSeconds, 1)} s limit (≤ ${MAX_DELIVERY_RATIO}×)`,
    },
    {
      name: `cost ≤${MAX_COST_RATIO}×`,
      met: Number.isFinite(costRatio) && costRatio <= MAX_COST_RATIO,
      detail:
        `handling: ${fixed(processingPerUpdateMs(kopdar), 2)} ms vs ${fixed(echo.cpu.perUpdateMs, 2)} ms CPU per update = ${fixed(costRatio, 2)}× ` +
        `(whole window with paced delivery: ${fixed(kopdar.cpu.perUpdateMs, 2)} ms = ${fixed(wholeRatio, 2)}×; ` +
        `delivery ${fixed(deliveryPerReplyMs(kopdar), 2)} ms per reply vs ${fixed(echo.pacedSend.cpuPerSendMs, 2)} ms per paced send of bare telegraf)`,
    },
  ];
}

export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

function row(label: string, a: string, b: string, note = ''): string {
  return `${label.padEnd(26)}${a.padEnd(34)}${b.padEnd(26)}${note}`.trimEnd();
}

export function formatTable(kopdar: LaporBurstResult, echo: EchoBaselineResult, targets: readonly Target[]): string {
  const n = kopdar.updates;
  const costRatio = processingPerUpdateMs(kopdar) / echo.cpu.perUpdateMs;
  const wholeRatio = kopdar.cpu.perUpdateMs / echo.cpu.perUpdateMs;
  const lines = [
    `/lapor burst: ${n} updates, ${kopdar.admins} admins (${n / kopdar.admins} each), fake Bot API server enforcing Telegram's limits`,
    row('', 'kopdar', 'telegraf echo (baseline)'),
    row('records/s', fixed(kopdar.records.perSecond, 1), `— (${fixed(echo.handledPerSecond, 0)} updates handled/s)`),
    row(
      'update→record p50/p99',
      `${fixed(kopdar.updateToCommitted.p50Ms, 0)} / ${fixed(kopdar.updateToCommitted.p99Ms, 0)} ms`,
      '—',
      `(by createdAt: ${fixed(kopdar.updateToCreatedAt.p50Ms, 0)} / ${fixed(kopdar.updateToCreatedAt.p99Ms, 0)} ms)`,
    ),
    row('last record committed', `${fixed(kopdar.records.lastCommittedMs / 1000, 2)} s`, `— (last handled ${fixed(echo.lastHandledMs / 1000, 2)} s)`),
    row('replies delivered', `${kopdar.replies.delivered}/${n}`, `${echo.replies.delivered}/${n}`),
    row(
      'delivery time',
      `${fixed(kopdar.delivery.seconds, 1)} s (${fixed(kopdar.delivery.ratio, 2)}× the ${fixed(kopdar.delivery.limitSeconds, 1)} s limit)`,
      `${fixed(echo.delivery.seconds, 2)} s (then 429s only)`,
    ),
    row('429 answers', String(kopdar.rateLimited.serverAnswers), String(echo.rateLimited.serverAnswers)),
    row(
      'CPU per update, handling',
      `${fixed(processingPerUpdateMs(kopdar), 2)} ms (${fixed(kopdar.cpu.processingWallMs / 1000, 1)} s)`,
      `${fixed(echo.cpu.perUpdateMs, 2)} ms (${fixed(echo.cpu.windowMs / 1000, 2)} s)`,
      `(ratio ${fixed(costRatio, 2)}×; kopdar sent ${kopdar.pacing.deliveredWhileProcessing} replies meanwhile)`,
    ),
    row(
      'CPU per paced reply',
      `${fixed(deliveryPerReplyMs(kopdar), 2)} ms (${fixed((kopdar.cpu.windowMs - kopdar.cpu.processingWallMs) / 1000, 1)} s)`,
      `${fixed(echo.pacedSend.cpuPerSendMs, 2)} ms per send`,
      `(bare telegraf reference: 1 send every ${echo.pacedSend.intervalMs} ms, ${echo.pacedSend.ok}/${echo.pacedSend.sends} ok)`,
    ),
    row('CPU per update, window', `${fixed(kopdar.cpu.perUpdateMs, 2)} ms (${fixed(kopdar.cpu.windowMs / 1000, 1)} s)`, `${fixed(echo.cpu.perUpdateMs, 2)} ms`, `(ratio ${fixed(wholeRatio, 2)}×: handling + pacing every reply + idle)`),
    row('  idle, per second', `${fixed(kopdar.cpu.idleMsPerSecond, 1)} ms/s`, `${fixed(echo.cpu.idleMsPerSecond, 1)} ms/s`, '(measured 2 s before the burst)'),
    row('reply spacing mean/p99', `${fixed(kopdar.pacing.meanIntervalMs, 1)} / ${fixed(kopdar.pacing.p99IntervalMs, 0)} ms`, '—', `(ideal ${fixed(1000 / 30, 1)} ms)`),
    row('peak RSS', `${fixed(kopdar.memory.processPeakRssMb, 0)} MB`, `${fixed(echo.memory.processPeakRssMb, 0)} MB`),
    `targets: ${targets.map((t) => `${t.name} ${t.met ? 'MET' : 'NOT MET'}`).join(', ')}`,
    '',
    ...targets.map((t) => `  ${t.met ? 'MET    ' : 'NOT MET'}  ${t.name}: ${t.detail}`),
    '',
    'Notes:',
    `  - The fake Bot API server runs in its own process; CPU and RSS above are the bot process only.`,
    `    The fake server used ${fixed(kopdar.cpu.fakeServerMs, 0)} ms CPU during kopdar's window, ${fixed(echo.cpu.fakeServerMs, 0)} ms during echo's.`,
    `  - CPU = bot process user+system CPU. Handling: from the push until every update was handled (kopdar: the last record committed,`,
    `    its reply queued; echo: the last handler finished, its own send included), ÷ ${n}. Paced reply: kopdar's CPU after that until every`,
    `    reply was delivered, ÷ the replies sent in that time. Window: from the push to the last reply, ÷ ${n}.`,
    `  - update→record = push into the fake server → row visible to a second connection polling the file; createdAt is taken inside the transaction.`,
    `  - peak RSS = the bot process's lifetime peak (start-up included); during the burst alone: kopdar ${fixed(kopdar.memory.burstPeakRssMb, 0)} MB (from ${fixed(kopdar.memory.rssBeforeBurstMb, 0)} MB), echo ${fixed(echo.memory.burstPeakRssMb, 0)} MB (from ${fixed(echo.memory.rssBeforeBurstMb, 0)} MB).`,
  ];
  for (const hit of kopdar.rateLimitedDetail.slice(0, 3)) {
    lines.push(
      `  - kopdar got a 429 for chat ${hit.chatId}: ${hit.sendsInPrecedingSecond} sends in the second before; ` +
        `earlier sends to that chat ${hit.msSinceSendsToChat.join(', ') || 'none'} ms before.`,
    );
  }
  if (!kopdar.completed) {
    lines.push(`  - kopdar did NOT record and answer everything (${kopdar.records.rows} records, ${kopdar.replies.delivered} replies, ${kopdar.logs.failed} updates failed).`);
  }
  if (!echo.completed) lines.push(`  - the echo bot did NOT finish within the time limit (${echo.handled} handled).`);
  if (kopdar.logs.problems.length > 0) lines.push('  - kopdar logged warnings/errors:', ...kopdar.logs.problems.map((p) => `      ${p}`));
  return lines.join('\n');
}
