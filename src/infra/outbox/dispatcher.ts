import type { Clock } from '../../app/ports/clock.port.ts';
import { backoffDelay, type Random } from './backoff.ts';
import type { GatewayError, GatewayOutcome, OutgoingMessage, TelegramGateway } from './gateway.port.ts';
import { resolveLimits, type DispatcherLimits } from './limits.ts';
import { Notifier } from './notifier.ts';
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
 */
export class Dispatcher {
  private readonly gateway: TelegramGateway;
  private readonly clock: Clock;
  private readonly limits: DispatcherLimits;
  private readonly hooks: DispatcherHooks;
  private readonly logger: DispatcherLogger;
  private readonly random: Random;
  private readonly limiter: RateLimiter;
  private readonly queue = new SendQueue();
  private readonly wake = new Notifier();
  /** Old chat id → new one, so later sends to a migrated group skip the failing call. */
  private readonly migrated = new Map<bigint, bigint>();
  private state: 'idle' | 'running' | 'stopping' = 'idle';
  private loop: Promise<void> | undefined;
  private seq = 0;
  private inFlight = 0;
  private unsettled = 0;
  private pausedUntil = 0;
  private rateLimitHits = 0;

  constructor(deps: DispatcherDeps) {
    this.gateway = deps.gateway;
    this.clock = deps.clock;
    this.limits = resolveLimits(deps.limits);
    this.hooks = deps.hooks ?? {};
    this.logger = deps.logger ?? silentLogger;
    this.random = deps.random ?? Math.random;
    this.limiter = new RateLimiter(this.limits, this.now());
  }

  /** Queues a message; resolves once it is finally sent or has finally failed. Never rejects. */
  send(message: OutgoingMessage, lane: Lane = 'interactive'): Promise<DeliveryResult> {
    if (this.state === 'stopping') {
      this.logger.warn({ kind: message.kind }, 'dispatcher is stopping; message not sent');
      return Promise.resolve({ status: 'failed', error: stoppingError });
    }
    return new Promise<DeliveryResult>((settle) => {
      this.queue.push({
        seq: ++this.seq,
        lane,
        message: this.followMigrations(message),
        attempts: 0,
        migrations: 0,
        notBefore: 0,
        inFlight: false,
        done: false,
        settle,
      });
      this.unsettled++;
      this.wake.notify();
    });
  }

  start(): void {
    if (this.state !== 'idle') return;
    this.state = 'running';
    this.loop = this.run();
  }

  /** Stops accepting messages and resolves once everything queued or in flight is done. */
  stop(): Promise<void> {
    if (this.state === 'idle') this.loop = this.run(); // never started: still drain the queue
    this.state = 'stopping';
    this.wake.notify();
    return this.loop ?? Promise.resolve();
  }

  /** Messages queued or in flight (not yet resolved). */
  get pending(): number {
    return this.unsettled;
  }

  /** How many 429 answers the dispatcher has seen. */
  get rateLimitedCount(): number {
    return this.rateLimitHits;
  }

  private async run(): Promise<void> {
    while (this.state !== 'stopping' || this.unsettled > 0) {
      try {
        await this.step();
      } catch (error) {
        // A bug here must not silently end all sending; log it and carry on after a pause.
        this.logger.error({ err: error }, 'dispatcher loop failed; continuing');
        await this.clock.sleep(1000).catch(() => undefined);
      }
    }
  }

  /** Sends one message if one may go now, otherwise waits until something could change. */
  private async step(): Promise<void> {
    const now = this.now();
    if (this.inFlight >= this.limits.maxInFlight) return this.wake.wait();
    if (now < this.pausedUntil) return this.idle(now, this.pausedUntil);
    const pick = this.queue.next(now, this.limiter);
    if (pick.job) return this.dispatch(pick.job, now);
    return this.idle(now, pick.wakeAt);
  }

  private dispatch(job: Job, now: number): void {
    const chatId = chatIdOf(job.message);
    if (chatId !== undefined) this.limiter.take(chatId, now);
    job.inFlight = true;
    this.inFlight++;
    void this.attempt(job)
      .catch((error: unknown) => {
        this.logger.error({ err: error }, 'dispatcher attempt failed unexpectedly');
        this.settle(job, { status: 'failed', error: { kind: 'transient', description: describe(error) } });
      })
      .finally(() => {
        this.inFlight--;
        this.wake.notify();
      });
  }

  private async attempt(job: Job): Promise<void> {
    const outcome = await this.deliver(job.message);
    if (outcome.ok) {
      const chatId = chatIdOf(job.message);
      return this.settle(job, {
        status: 'sent',
        ...(outcome.messageId !== undefined ? { messageId: outcome.messageId } : {}),
        ...(chatId !== undefined ? { chatId } : {}),
      });
    }
    const { error } = outcome;
    switch (error.kind) {
      case 'rate_limited':
        this.pause(error.retryAfterSeconds);
        job.inFlight = false; // retried after the pause; a 429 is not an attempt
        return;
      case 'transient':
        job.attempts++;
        if (job.attempts >= this.limits.maxAttempts) return this.fail(job, error);
        job.notBefore = this.now() + this.backoff(job.attempts);
        this.logger.warn({ attempt: job.attempts, error: error.description }, 'telegram send failed; will retry');
        job.inFlight = false;
        return;
      case 'migrated':
        return this.migrate(job, error.newChatId);
      case 'blocked':
      case 'chat_not_found':
      case 'rejected':
        job.attempts++;
        return this.fail(job, error);
    }
  }

  /** A gateway that throws is treated like a network error: it may work next time. */
  private async deliver(message: OutgoingMessage): Promise<GatewayOutcome> {
    try {
      return await this.gateway.deliver(message);
    } catch (error) {
      return { ok: false, error: { kind: 'transient', description: describe(error) } };
    }
  }

  /** Telegram asked for silence: no sends at all until retry_after seconds have passed. */
  private pause(retryAfterSeconds: number): void {
    const seconds = Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0 ? retryAfterSeconds : 1;
    this.rateLimitHits++;
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + seconds * 1000);
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
    this.queue.rewriteChat(oldChatId, newChatId);
    this.logger.info({ oldChatId: String(oldChatId), newChatId: String(newChatId) }, 'chat migrated');
    await this.runHook('onChatMigrated', () => this.hooks.onChatMigrated?.(oldChatId, newChatId));
    job.inFlight = false; // retried at once (as far as the new chat's limits allow)
  }

  private async fail(job: Job, error: GatewayError): Promise<void> {
    this.logger.warn({ kind: job.message.kind, error }, 'telegram send failed for good');
    await this.runHook('onFinalFailure', () => this.hooks.onFinalFailure?.(job.message, error, job.lane));
    this.settle(job, { status: 'failed', error });
  }

  private settle(job: Job, result: DeliveryResult): void {
    if (job.done) return;
    job.done = true;
    this.queue.remove(job);
    this.unsettled--;
    job.settle(result);
  }

  /** Waits for `wakeAt` (if any) or for a change (new message, finished send), whichever first. */
  private async idle(now: number, wakeAt: number | undefined): Promise<void> {
    const changed = this.wake.wait();
    if (wakeAt === undefined) return changed;
    const abort = new AbortController();
    const slept = this.clock.sleep(Math.max(1, wakeAt - now), abort.signal).catch(() => undefined);
    await Promise.race([changed, slept]);
    abort.abort(); // drop the timer (and a FakeClock sleeper) if the change came first
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
