/** Telegram's sending limits as the dispatcher applies them, plus its retry policy. */
export interface DispatcherLimits {
  /** Messages per second for the whole bot (Telegram: about 30). */
  readonly globalPerSecond: number;
  /** Sustained messages per second into one chat (Telegram: 1). */
  readonly perChatPerSecond: number;
  /** How many messages one chat may receive back to back before the 1/s pace applies. */
  readonly perChatBurst: number;
  /** Messages per minute into one group (negative chat id; Telegram: 20). */
  readonly perGroupPerMinute: number;
  /** Gateway calls per message before a transient error becomes final (429s do not count). */
  readonly maxAttempts: number;
  readonly baseBackoffMs: number;
  readonly maxBackoffMs: number;
  /** Requests in flight at once; ~8 makes 30/s reachable when one HTTP call takes 50–100 ms. */
  readonly maxInFlight: number;
}

export const defaultLimits: DispatcherLimits = {
  globalPerSecond: 30,
  perChatPerSecond: 1,
  perChatBurst: 3,
  perGroupPerMinute: 20,
  maxAttempts: 5,
  baseBackoffMs: 500,
  maxBackoffMs: 30_000,
  maxInFlight: 8,
};

/** Fills in defaults and refuses values that would stall or flood (a config error, so throw). */
export function resolveLimits(overrides: Partial<DispatcherLimits> = {}): DispatcherLimits {
  const limits: DispatcherLimits = { ...defaultLimits, ...withoutUndefined(overrides) };
  for (const [name, value] of Object.entries(limits)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new RangeError(`Dispatcher limit ${name} must be a positive number, got ${String(value)}`);
    }
  }
  if (limits.perChatBurst < 1 || limits.maxAttempts < 1 || limits.maxInFlight < 1) {
    throw new RangeError('perChatBurst, maxAttempts and maxInFlight must be at least 1');
  }
  return limits;
}

function withoutUndefined(overrides: Partial<DispatcherLimits>): Partial<DispatcherLimits> {
  return Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
}
