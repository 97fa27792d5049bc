/** Time as the application sees it. Tests inject a fake that moves time instead of sleeping. */
export interface Clock {
  now(): Date;
  /** Resolves after `ms` of this clock's time; rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Optional, cheaper than sleep() with an AbortSignal for a loop that re-plans often: calls
   * `callback` once after `ms` of this clock's time, unless the returned function (cancel) was
   * called first. The callback runs without a promise in between; it must not throw.
   */
  setTimer?(ms: number, callback: () => void): () => void;
}
