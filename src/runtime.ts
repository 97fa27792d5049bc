import { appSettingsFrom, type Config } from './config.ts';
import { createAppDeps, LateOutboxSignal } from './app/composition.ts';
import { catalogues } from './app/messages/catalogues.ts';
import { createRecapRenderer } from './infra/render/recap-renderer.ts';
import type { AppDeps } from './app/deps.ts';
import type { Clock } from './app/ports/clock.port.ts';
import type { Logger } from './app/ports/logger.port.ts';
import { bootstrapSuperadmins, pruneUpdateClaims } from './app/usecases/identify.ts';
import { recordUndeliverable } from './app/usecases/delivery-failures.ts';
import { reportUnreachable } from './app/usecases/unreachable.ts';
import { openMigratedDatabase } from './infra/db/open.ts';
import { Dispatcher } from './infra/outbox/dispatcher.ts';
import { OutboxRelay } from './infra/outbox/relay.ts';
import { JobScheduler } from './infra/jobs/scheduler.ts';
import { followChatMigration } from './app/usecases/community.ts';
import { startTelegram } from './telegram/start.ts';

export interface RunningKopdar {
  readonly deps: AppDeps;
  readonly dispatcher: Dispatcher;
  /** Delivers the persistent outbox; wake() it after committing outbox rows. */
  readonly relay: OutboxRelay;
  /** The morning job; tick() runs what is due now (the cron calls it every minute). */
  readonly scheduler: JobScheduler;
  readonly botUsername: string;
  /** Stops polling, lets in-flight updates and queued messages finish, closes the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  /**
   * The clock that paces sends against Telegram's limits. Defaults to `clock`; end-to-end tests
   * move `clock` forward (to tomorrow) while Telegram's limits keep counting real time.
   */
  readonly pacingClock?: Clock;
  readonly newToken?: () => string;
}

/** Wires config → database → use cases → dispatcher → bot and starts long polling. */
export async function startKopdar({ config, logger, clock, pacingClock = clock, newToken }: StartOptions): Promise<RunningKopdar> {
  const database = await openMigratedDatabase(config.databaseUrl);
  logger.info({ event: 'db.migrated', applied: database.migration.applied, alreadyApplied: database.migration.alreadyApplied });
  try {
    const telegram = await startTelegram({ config, logger });
    const outboxSignal = new LateOutboxSignal();
    const deps = createAppDeps({
      outbox: outboxSignal,
      uow: database.uow,
      clock,
      settings: appSettingsFrom(config, telegram.botUsername),
      recapRenderer: createRecapRenderer(catalogues[config.locale]),
      locale: config.locale,
      ...(newToken ? { newToken } : {}),
    });
    const dispatcher = new Dispatcher({
      gateway: telegram.gateway,
      clock: pacingClock,
      limits: { ...config.rateLimits },
      logger,
      hooks: {
        onFinalFailure: async (message, error, lane) => {
          const chatId = message.kind === 'callbackAnswer' ? undefined : message.chatId.toString();
          // Only 403 (blocked) and 400 (chat not found) say the chat itself is gone for good.
          const final = message.kind !== 'callbackAnswer' && (error.kind === 'blocked' || error.kind === 'chat_not_found');
          // Outbox rows (every lane but 'interactive') are recorded by the relay, which also tells superadmins.
          if (final && lane === 'interactive') await recordUndeliverable(deps, message.chatId, error.kind === 'blocked' ? 403 : 400, error.description);
          logger.warn({ event: 'delivery.final_failure', chatId, lane, kind: error.kind, recorded: final, description: 'description' in error ? error.description : undefined });
        },
        onRateLimited: (retryAfterSeconds) => logger.warn({ event: 'delivery.rate_limited', retryAfterSeconds }),
        onChatMigrated: async (oldChatId, newChatId) => {
          logger.info({ event: 'chat.migrated', oldChatId: oldChatId.toString(), newChatId: newChatId.toString() });
          await followChatMigration(deps, oldChatId, newChatId);
        },
      },
    });
    dispatcher.start();
    const relay = new OutboxRelay({
      uow: database.uow,
      dispatcher,
      clock,
      logger,
      onUndeliverable: async (chatId, kind, description, outboxId) => {
        await reportUnreachable(deps, chatId, kind, description, outboxId); // the relay wakes itself for the notices
      },
    });
    outboxSignal.connect(() => relay.wake());
    const { demoted } = await bootstrapSuperadmins(deps);
    const pruned = await pruneUpdateClaims(deps);
    if (pruned > 0) logger.info({ event: 'updates.pruned', count: pruned });
    const bot = await telegram.launch({ deps, dispatcher, demoted });
    logger.info({ event: 'bot.started', username: telegram.botUsername, timezone: config.timezone });
    relay.start();
    relay.wake(); // rows left pending by an earlier run go out now
    const scheduler = new JobScheduler({ deps, logger, wakeOutbox: () => relay.wake() });
    scheduler.start(); // its first tick is the catch-up after downtime
    let stopped: Promise<void> | null = null;
    return {
      deps,
      dispatcher,
      relay,
      scheduler,
      botUsername: telegram.botUsername,
      stop: () =>
        (stopped ??= (async () => {
          await scheduler.stop();
          await bot.stop();
          await relay.stop();
          await dispatcher.stop();
          await database.close();
          logger.info({ event: 'bot.stopped' });
        })()),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
