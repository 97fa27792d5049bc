/** Source of randomness in [0, 1); injected so tests get deterministic delays. */
export type Random = () => number;

/**
 * Delay before retry number `attempt` (1 = the first retry): exponential from `baseMs`, capped
 * at `maxMs`, with "equal jitter" — half fixed, half random — so many chats failing together
 * (a Telegram outage) do not all retry in the same instant, yet no retry comes too early.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: Random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  const jitter = Math.min(Math.max(random(), 0), 1);
  return Math.round(exponential / 2 + (exponential / 2) * jitter);
}
