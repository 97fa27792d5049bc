import { setTimeout as delay } from 'node:timers/promises';
import { telegramErrors } from './api-error.ts';
import type { Update } from './types.ts';

export interface PollRequest {
  offset?: number;
  limit?: number;
  timeoutSeconds?: number;
  allowedUpdates?: readonly string[];
  /** Aborted when the client goes away, so a dropped long poll stops counting as active. */
  signal: AbortSignal;
}

/** Sent by default when allowed_updates is empty (Bot API: all but these three). */
const NOT_BY_DEFAULT = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

/** How long a second poll waits for the first one's closed socket to be noticed (see poll). */
const CONFLICT_GRACE_MS = 25;

/**
 * Updates as getUpdates serves them: kept until confirmed by a later call's offset (so they can
 * be delivered again: at-least-once), served at most `limit` at a time, long polling returns
 * as soon as one arrives, and one poller at a time.
 */
export class UpdateQueue {
  private pending: Update[] = [];
  /** Redeliveries: served once more on the next poll, whatever the offset. */
  private forced: Update[] = [];
  private readonly history = new Map<number, Update>();
  private nextId = 1;
  private allowed: ReadonlySet<string> | undefined;
  private polling = false;
  private wakePoller: (() => void) | undefined;
  private closed = false;

  /** Stores an update (Telegram does not create those the bot did not ask for); returns its id. */
  push(update: Omit<Update, 'update_id'>): number {
    const full = { ...update, update_id: this.nextId++ } as Update;
    this.history.set(full.update_id, full);
    if (this.isAllowed(full)) {
      this.pending.push(full);
      this.wake();
    }
    return full.update_id;
  }

  redeliver(updateId: number): void {
    const update = this.history.get(updateId);
    if (!update) throw new Error(`FakeTelegram: no update with id ${updateId} was ever pushed`);
    this.forced.push(update);
    this.wake();
  }

  /** Drops everything not yet delivered (deleteWebhook with drop_pending_updates). */
  dropPending(): void {
    this.pending = [];
    this.forced = [];
  }

  get pendingCount(): number {
    return this.pending.length + this.forced.length;
  }

  async poll(request: PollRequest): Promise<Update[]> {
    if (this.polling) {
      // A client that aborts its long poll and polls again at once (telegraf does on stop) may
      // be faster than the server noticing the closed socket; give that a moment first.
      await delay(CONFLICT_GRACE_MS);
      if (this.polling) throw telegramErrors.conflict();
    }
    this.confirm(request.offset);
    if (request.allowedUpdates) this.setAllowed(request.allowedUpdates);
    const limit = Math.min(100, Math.max(1, request.limit ?? 100));
    const timeoutMs = Math.max(0, request.timeoutSeconds ?? 0) * 1000;
    if (this.pendingCount > 0 || timeoutMs === 0 || this.closed) return this.take(limit);

    this.polling = true;
    try {
      await this.waitForUpdate(timeoutMs, request.signal);
    } finally {
      this.polling = false;
    }
    return request.signal.aborted ? [] : this.take(limit);
  }

  /** Ends every waiting poll (with whatever is there) and refuses to wait from now on. */
  close(): void {
    this.closed = true;
    this.wake();
  }

  private waitForUpdate(timeoutMs: number, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        if (this.wakePoller === done) this.wakePoller = undefined;
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal.addEventListener('abort', done, { once: true });
      this.wakePoller = done;
    });
  }

  private wake(): void {
    this.wakePoller?.();
  }

  /** offset > 0 confirms everything below it; offset < 0 keeps only the last -offset updates. */
  private confirm(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return;
    if (offset > 0) this.pending = this.pending.filter((u) => u.update_id >= offset);
    else this.pending = this.pending.slice(offset);
  }

  private take(limit: number): Update[] {
    const forced = this.forced.splice(0, limit);
    const fresh = this.pending.slice(0, limit - forced.length);
    return [...forced, ...fresh].sort((a, b) => a.update_id - b.update_id);
  }

  private setAllowed(types: readonly string[]): void {
    this.allowed = types.length === 0 ? undefined : new Set(types);
  }

  private isAllowed(update: Update): boolean {
    const type = Object.keys(update).find((key) => key !== 'update_id');
    if (type === undefined) return true;
    return this.allowed ? this.allowed.has(type) : !NOT_BY_DEFAULT.has(type);
  }
}
