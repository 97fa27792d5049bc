import { AsyncResource } from 'node:async_hooks';
import type { Clock } from '../../app/ports/clock.port.ts';
import { backoffDelay, type Random } from './backoff.ts';
import type { GatewayError, GatewayOutcome, OutgoingMessage, TelegramGateway } from './gateway.port.ts';
import { resolveLimits, type DispatcherLimits } from './limits.ts';
import { RateLimiter } from './rate-limiter.ts';
import { SendQueue, type Job } from './send-queue.ts';
import { chatIdOf, type DeliveryResult, type DispatcherHooks, type DispatcherLogger, type Lane } from './types.ts';

export { defaultLimits, type DispatcherLimits } from './limits.ts';
export type { DeliveryResult, DispatcherHooks, DispatcherLogger, Lane } from './types.ts';

export interface DispatcherDeps {
  readonly gateway: TelegramGateway;
  readonly clock: Clock;
  readonly limits?: Partial<DispatcherLimits>;
  readonly hooks?: DispatcherHooks;
  readonly logger?: DispatcherLogger;
  /** Jitter source for retry backoff; tests pass a constant. Defaults to Math.random. */
  readonly random?: Random;
}

/** A chain of migrations longer than this is Telegram misbehaving, not a real upgrade. */
const MAX_MIGRATIONS = 3;

/**
 * The one way out to Telegram. Messages wait in priority lanes and leave as Telegram's limits
 * allow (see RateLimiter), several at a time; 429s pause everything, transient errors are
 * retried with backoff, migrations are followed, and final failures are reported.
 *
 * Driven by events rather than a polling loop: `pump` sends whatever may go now, then arms one
 * timer for the next instant something could (or waits for a send to finish when maxInFlight
 * are out). A new message or a finished send runs it again only if that lets something go
 * sooner than planned, so while the dispatcher paces at the global limit, each send costs one
 * timer and two looks at the tops of the queue's heaps.
 */
export class Dispatcher {
  private readonly gateway: TelegramGateway;
  private readonly clock: Clock;
  private readonly limits: DispatcherLimits;
  private readonly hooks: DispatcherHooks;
  private readonly logger: DispatcherLogger;
  private readonly random: Random;
  private readonly limiter: RateLimiter;
  private readonly queue: SendQueue;
  /** Old chat id → new one, so later sends to a migrated group skip the failing call. */
  private readonly migrated = new Map<bigint, bigint>();
  /**
   * pump() in the async context the dispatcher was made in: sends start from there, never from
   * a caller's context (a caller's open transaction must not leak into the hooks).
   */
  private readonly pumpInOwnContext: () => void;
  /** Timers are only armed by pump(), so they fire in the dispatcher's own context already. */
  private readonly onTimer = (): void => {
    this.cancelTimer = undefined;
    this.timerAt = Infinity;
    this.pump();
  };
  private state: 'idle' | 'running' | 'stopping' = 'idle';
  private drained: { promise: Promise<void>; resolve: () => void } | undefined;
  private seq = 0;
  private inFlight = 0;
  private unsettled = 0;
  private pausedUntil = 0;
  private rateLimitHits = 0;
  /** A pump is queued (microtask): it will look at everything, so nothing else needs to wake it. */
  private pumpQueued = false;
  /** maxInFlight sends are out: only a finished one can let another go. */
  private capped = false;
  /** When the armed timer fires (Infinity: none armed). */
  private timerAt = Infinity;
  private cancelTimer: (() => void) | undefined;

  constructor(deps: DispatcherDeps) {
    this.gateway = deps.gateway;
    this.clock = deps.clock;
    this.limits = resolveLimits(deps.limits);
    this.hooks = deps.hooks ?? {};
    this.logger = deps.logger ?? silentLogger;
    this.random = deps.random ?? Math.random;
    this.limiter = new RateLimiter(this.limits, this.now());
    this.queue = new SendQueue(this.limiter);
    this.pumpInOwnContext = AsyncResource.bind(() => this.pump());
  }

  /** Queues a message; resolves once it is finally sent or has finally failed. Never rejects. */
  send(message: OutgoingMessage, lane: Lane = 'interactive'): Promise<DeliveryResult> {
    if (this.state === 'stopping') {
      this.logger.warn({ kind: message.kind }, 'dispatcher is stopping; message not sent');
      return Promise.resolve({ status: 'failed', error: stoppingError });
    }
    return new Promise<DeliveryResult>((settle) => {
      const now = this.now();
      this.noteBacklog(1); // counting the message being queued
      const at = this.queue.push(
        {
          seq: ++this.seq,
          lane,
          message: this.followMigrations(message),
          attempts: 0,
          migrations: 0,
          notBefore: 0,
          inFlight: false,
          done: false,
          settle,
        },
        now,
      );
      this.unsettled++;
      this.wakeFor(at, now);
    });
  }

  start(): void {
    if (this.state !== 'idle') return;
    this.state = 'running';
    this.schedulePump();
  }

  /** Stops accepting messages and resolves once everything queued or in flight is done. */
  stop(): Promise<void> {
    this.state = 'stopping'; // also when never started: the queue is drained all the same
    if (this.unsettled === 0 && this.inFlight === 0) return Promise.resolve();
    if (!this.drained) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.drained = { promise, resolve };
    }
    this.schedulePump();
    return this.drained.promise;
  }

  /** Messages queued or in flight (not yet resolved). */
  get pending(): number {
    return this.unsettled;
  }

  /** How many 429 answers the dispatcher has seen. */
  get rateLimitedCount(): number {
    return this.rateLimitHits;
  }

  /** Sends every message that may go now, then arranges to be called again when one could. */
  private pump(): void {
    this.pumpQueued = false;
    this.capped = false;
    if (this.state === 'idle') return;
    try {
      for (;;) {
        if (this.inFlight >= this.limits.maxInFlight) {
          this.capped = true; // each finished send pumps
          return this.armTimer(Infinity, 0);
        }
        const now = this.now();
        if (now < this.pausedUntil) return this.armTimer(this.pausedUntil, now);
        this.noteBacklog();
        const pick = this.queue.next(now);
        if (!pick.job) return this.armTimer(pick.wakeAt ?? Infinity, now);
        this.dispatch(pick.job, now);
      }
    } catch (error) {
      // A bug here must not silently end all sending; log it and carry on after a pause.
      this.logger.error({ err: error }, 'dispatcher loop failed; continuing');
      const now = this.now();
      this.pausedUntil = Math.max(this.pausedUntil, now + 1000);
      this.armTimer(this.pausedUntil, now);
    }
  }

  /**
   * Something may be sendable from `at` on: pump now if that is sooner than planned. An overdue
   * timer does not count: while the event loop is busy (a burst of updates being handled), timers
   * wait, yet new messages keep coming; each of them then gives the dispatcher a turn.
   */
  private wakeFor(at: number, now: number): void {
    if (this.pumpQueued || this.capped || this.state === 'idle') return;
    if (Math.max(at, this.pausedUntil) >= this.timerAt && this.timerAt > now) return; // the timer comes first
    this.schedulePump();
  }

  /** Messages waiting (not in flight) decide whether paced sends leave in groups (RateLimiter). */
  private noteBacklog(arriving = 0): void {
    this.limiter.setBacklog(this.unsettled + arriving - this.inFlight);
  }

  private schedulePump(): void {
    if (this.pumpQueued) return;
    this.pumpQueued = true;
    queueMicrotask(this.pumpInOwnContext);
  }

  /** One timer for the next look (Infinity: none; a new message or a finished send wakes us). */
  private armTimer(at: number, now: number): void {
    if (at === this.timerAt) return;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.timerAt = at;
    if (at === Infinity) return;
    const ms = Math.max(1, at - now);
    if (this.clock.setTimer) {
      this.cancelTimer = this.clock.setTimer(ms, this.onTimer);
      return;
    }
    // A clock without timers: a sleep that is aborted when re-planned (and ignored if it had
    // already ended by then).
    const abort = new AbortController();
    const cancel = (): void => abort.abort();
    this.cancelTimer = cancel;
    this.clock.sleep(ms, abort.signal).then(
      () => {
        if (this.cancelTimer === cancel) this.onTimer();
      },
      () => undefined,
    );
  }

  private dispatch(job: Job, now: number): void {
    const chatId = chatIdOf(job.message);
    if (chatId !== undefined) this.limiter.take(chatId, now);
    this.inFlight++;
    let outcome: Promise<GatewayOutcome>;
    try {
      outcome = this.gateway.deliver(job.message);
    } catch (error) {
      outcome = Promise.resolve(thrown(error));
    }
    outcome.then(
      (result) => this.finish(job, result),
      (error: unknown) => this.finish(job, thrown(error)),
    );
  }

  /** Acts on a call's outcome; the job keeps its in-flight slot until any hook has run. */
  private finish(job: Job, outcome: GatewayOutcome): void {
    let hook: Promise<void> | undefined;
    try {
      if (chatIdOf(job.message) !== undefined) this.limiter.answered(this.now());
      hook = this.conclude(job, outcome);
    } catch (error) {
      hook = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    if (!hook) return this.release(job);
    hook.then(
      () => this.release(job),
      (error: unknown) => {
        this.logger.error({ err: error }, 'dispatcher attempt failed unexpectedly');
        this.settle(job, { status: 'failed', error: { kind: 'transient', description: describe(error) } });
        this.release(job);
      },
    );
  }

  /** Settles the job or readies it for another attempt; a promise when a hook must run first. */
  private conclude(job: Job, outcome: GatewayOutcome): Promise<void> | undefined {
    if (outcome.ok) {
      const chatId = chatIdOf(job.message);
      this.settle(job, {
        status: 'sent',
        ...(outcome.messageId !== undefined ? { messageId: outcome.messageId } : {}),
        ...(chatId !== undefined ? { chatId } : {}),
        ...(outcome.fileId !== undefined ? { fileId: outcome.fileId } : {}),
      });
      return undefined;
    }
    const { error } = outcome;
    switch (error.kind) {
      case 'rate_limited':
        this.pause(error.retryAfterSeconds); // retried after the pause; a 429 is not an attempt
        return undefined;
      case 'transient':
        job.attempts++;
        if (job.attempts >= this.limits.maxAttempts) return this.fail(job, error);
        job.notBefore = this.now() + this.backoff(job.attempts);
        this.logger.warn({ attempt: job.attempts, error: error.description }, 'telegram send failed; will retry');
        return undefined;
      case 'migrated':
        return this.migrate(job, error.newChatId);
      case 'blocked':
      case 'chat_not_found':
      case 'rejected':
        job.attempts++;
        return this.fail(job, error);
    }
  }

  /** The call is over: frees its slot, and gives the job back (or the next one in its chat). */
  private release(job: Job): void {
    this.inFlight--;
    try {
      const now = this.now();
      this.noteBacklog();
      const at = job.done ? this.queue.remove(job, now) : this.queue.requeue(job, now);
      if (this.capped) this.schedulePump();
      else if (this.unsettled > this.inFlight) {
        // The answer may also have made room under the global limit (see RateLimiter.answered).
        this.wakeFor(Math.min(at, this.limiter.globalReadyAt(now)), now);
      }
    } catch (error) {
      this.logger.error({ err: error }, 'dispatcher loop failed; continuing');
      this.schedulePump();
    }
    if (this.state === 'stopping' && this.unsettled === 0 && this.inFlight === 0) this.drained?.resolve();
  }

  /** Telegram asked for silence: no sends at all until retry_after seconds have passed. */
  private pause(retryAfterSeconds: number): void {
    const seconds = Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0 ? retryAfterSeconds : 1;
    this.rateLimitHits++;
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + seconds * 1000);
    this.limiter.restartGlobalAt(this.pausedUntil); // no burst of catching up right after it
    this.logger.warn({ retryAfterSeconds: seconds }, 'telegram rate limit hit; pausing all sends');
    try {
      this.hooks.onRateLimited?.(seconds);
    } catch (error) {
      this.logger.error({ err: error }, 'onRateLimited hook failed');
    }
  }

  private async migrate(job: Job, newChatId: bigint): Promise<void> {
    const oldChatId = chatIdOf(job.message);
    if (oldChatId === undefined || oldChatId === newChatId || job.migrations >= MAX_MIGRATIONS) {
      const description = `unexpected chat migration to ${newChatId}`;
      return this.fail(job, { kind: 'rejected', code: 400, description });
    }
    job.migrations++;
    this.migrated.set(oldChatId, newChatId);
    const now = this.now();
    this.queue.rewriteChat(oldChatId, newChatId, now);
    this.wakeFor(-Infinity, now); // other chats' heads may now be ready sooner
    this.logger.info({ oldChatId: String(oldChatId), newChatId: String(newChatId) }, 'chat migrated');
    await this.runHook('onChatMigrated', () => this.hooks.onChatMigrated?.(oldChatId, newChatId));
    // retried at once (as far as the new chat's limits allow)
  }

  private async fail(job: Job, error: GatewayError): Promise<void> {
    this.logger.warn({ kind: job.message.kind, error }, 'telegram send failed for good');
    await this.runHook('onFinalFailure', () => this.hooks.onFinalFailure?.(job.message, error, job.lane));
    this.settle(job, { status: 'failed', error });
  }

  private settle(job: Job, result: DeliveryResult): void {
    if (job.done) return;
    job.done = true;
    this.unsettled--;
    job.settle(result);
  }

  private followMigrations(message: OutgoingMessage): OutgoingMessage {
    if (message.kind === 'callbackAnswer') return message;
    let chatId = message.chatId;
    for (let hop = 0; hop < MAX_MIGRATIONS; hop++) {
      const next = this.migrated.get(chatId);
      if (next === undefined) break;
      chatId = next;
    }
    return chatId === message.chatId ? message : { ...message, chatId };
  }

  private backoff(attempt: number): number {
    return backoffDelay(attempt, this.limits.baseBackoffMs, this.limits.maxBackoffMs, this.random);
  }

  private async runHook(name: string, call: () => void | Promise<void> | undefined): Promise<void> {
    try {
      await call();
    } catch (error) {
      this.logger.error({ err: error, hook: name }, 'dispatcher hook failed');
    }
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}

/** A gateway that throws is treated like a network error: it may work next time. */
function thrown(error: unknown): GatewayOutcome {
  return { ok: false, error: { kind: 'transient', description: describe(error) } };
}

/** The answer to a send after stop(): the message never reached Telegram (code 0 is no HTTP code). */
const stoppingError = { kind: 'rejected', code: 0, description: 'dispatcher is stopping' } as const satisfies GatewayError;

/** True when a failure means the message was never tried (the dispatcher was stopping). */
export function neverAttempted(error: GatewayError): boolean {
  return error.kind === 'rejected' && error.code === stoppingError.code;
}

const silentLogger: DispatcherLogger = { info: () => {}, warn: () => {}, error: () => {} };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
