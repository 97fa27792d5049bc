import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { concernsBot, route, type RoutedResult } from '../../commands/router.ts';
import type { AppDeps } from '../app/deps.ts';
import type { Logger } from '../app/ports/logger.port.ts';
import { markUpdateHandled } from '../app/usecases/identify.ts';
import { captionForFile } from '../domain/text/delivery.ts';
import { MAX_CAPTION_LENGTH, splitMessage } from '../domain/text/split.ts';
import type { Dispatcher } from '../infra/outbox/dispatcher.ts';
import { toIncomingEvent } from './incoming.ts';
import type { CommandMenus } from './menus.ts';

export interface BotOptions {
  readonly telegraf: Telegraf;
  readonly deps: AppDeps;
  readonly dispatcher: Dispatcher;
  readonly menus: CommandMenus;
  readonly logger: Logger;
}

/** Runs the bot: long polling, one handler per update, replies through the dispatcher. */
export class KopdarBot {
  readonly telegraf: Telegraf;
  private inFlight = 0;
  private readonly inFlightIds = new Set<number>();
  private readonly pendingWork = new Set<Promise<unknown>>();
  private idle: (() => void) | null = null;
  private polling: Promise<void> | null = null;
  private stopping = false;

  constructor(private readonly options: BotOptions) {
    this.telegraf = options.telegraf;
    this.telegraf.use((ctx) => this.handle(ctx.update));
    // The last line of defence: telegraf rethrows (and stops polling) without a catch handler.
    this.telegraf.catch((error, ctx) => {
      options.logger.error({ event: 'update.unhandled', updateId: ctx.update.update_id, err: describeError(error) });
    });
  }

  /** Starts long polling; resolves once polling has begun. */
  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.polling = this.telegraf.launch({ allowedUpdates: ['message', 'callback_query'] }, () => resolve());
      this.polling.catch((error: unknown) => {
        this.options.logger.error({ event: 'polling.stopped', err: describeError(error) });
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
  }

  /** Stops polling, then waits for the updates being handled to finish. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    try {
      this.telegraf.stop('shutdown');
    } catch {
      // telegraf throws when polling never started; there is nothing to stop then.
    }
    await this.polling?.catch(() => undefined);
    if (this.inFlight > 0 || this.pendingWork.size > 0) await new Promise<void>((resolve) => (this.idle = resolve));
  }

  private async handle(update: Update): Promise<void> {
    const { deps, logger } = this.options;
    const event = toIncomingEvent(update);
    // Group chatter and other bots' commands cost nothing: no claim, no database, no answer.
    if (!event || !concernsBot(event, deps.settings.botUsername)) return;
    if (this.inFlightIds.has(update.update_id)) {
      logger.info({ event: 'update.duplicate', updateId: update.update_id });
      return;
    }
    this.inFlightIds.add(update.update_id);
    this.inFlight++;
    const started = performance.now();
    try {
      // One transaction per update: the "handled" mark and the command's work commit together,
      // so a crash leaves the update unmarked and its redelivery is handled again.
      let duplicate = false;
      const result = await deps.uow.run(async () => {
        // One turn of the event loop per update. Updates queue for the database and each hands
        // it to the next inside the microtask queue, so a burst would otherwise be handled in
        // one stretch of seconds in which no timer fires and no socket is read: replies could
        // not leave on time, and those that did would reach Telegram bunched together.
        await nextTurn();
        if (!(await markUpdateHandled(deps, update.update_id))) {
          duplicate = true;
          return null;
        }
        return route(event, deps);
      });
      if (duplicate) {
        logger.info({ event: 'update.duplicate', updateId: update.update_id });
        return;
      }
      if (!result) return;
      if (result.wakeOutbox) deps.outbox.wake(); // after the commit, so the relay sees the rows
      this.deliver(result, update);
      for (const change of result.roleChanges) this.track(this.options.menus.applyRole(change.telegramId, change.role));
      logger.info({
        event: 'update.handled',
        updateId: update.update_id,
        command: result.command,
        userId: result.actor.id,
        role: result.actor.role,
        ms: Math.round(performance.now() - started),
      });
    } catch (error) {
      logger.error({ event: 'update.failed', updateId: update.update_id, err: describeError(error) });
      this.apologise(update);
      // The failed work was rolled back; a redelivery of this update is answered once, not retried.
      await markUpdateHandled(deps, update.update_id).catch((markError: unknown) => logger.error({ event: 'update.finish_failed', updateId: update.update_id, err: describeError(markError) }));
    } finally {
      this.inFlightIds.delete(update.update_id);
      this.inFlight--;
      if (this.inFlight === 0 && this.pendingWork.size === 0 && this.idle) this.idle();
    }
  }

  /** Hands everything to the dispatcher without waiting for Telegram, so polling never stalls. */
  private deliver(result: RoutedResult, update: Update): void {
    const { dispatcher } = this.options;
    if ('callback_query' in update) {
      this.track(dispatcher.send({ kind: 'callbackAnswer', callbackQueryId: update.callback_query.id, ...(result.answer ? { text: result.answer.slice(0, 200) } : {}) }));
    }
    if (result.edit) {
      const { chatId, messageId, text, buttons, caption } = result.edit;
      this.track(
        dispatcher.send(
          caption
            ? { kind: 'editCaption', chatId, messageId, caption: splitMessage(text, MAX_CAPTION_LENGTH)[0] ?? '', ...(buttons ? { buttons } : {}) }
            : { kind: 'editText', chatId, messageId, text: splitMessage(text)[0] ?? '', ...(buttons ? { buttons } : {}) },
        ),
      );
    }
    for (const reply of result.replies) {
      const buttons = reply.buttons ? { buttons: reply.buttons } : {};
      if (reply.attachment) {
        // Queued in order on one lane and chat, so the text arrives before its file.
        const { before, caption } = captionForFile(reply.text);
        for (const text of before) this.track(dispatcher.send({ kind: 'text', chatId: reply.chatId, text }));
        this.track(dispatcher.send({ kind: 'media', chatId: reply.chatId, media: reply.attachment, caption, ...buttons }));
        continue;
      }
      const chunks = splitMessage(reply.text);
      chunks.forEach((text, index) => {
        const last = index === chunks.length - 1;
        this.track(dispatcher.send({ kind: 'text', chatId: reply.chatId, text, ...(last ? buttons : {}) }));
      });
    }
  }

  private apologise(update: Update): void {
    const text = this.options.deps.messages.common.unexpectedError;
    const { dispatcher } = this.options;
    if ('callback_query' in update) {
      this.track(dispatcher.send({ kind: 'callbackAnswer', callbackQueryId: update.callback_query.id, text: text.slice(0, 200) }));
      return;
    }
    if ('message' in update) this.track(dispatcher.send({ kind: 'text', chatId: BigInt(update.message.chat.id), text }));
  }

  /** Keeps background work (deliveries, menu changes) visible to stop(), and logs its failures. */
  private track(work: Promise<unknown>): void {
    const tracked = work
      .catch((error: unknown) => this.options.logger.error({ event: 'background.failed', err: describeError(error) }))
      .finally(() => {
        this.pendingWork.delete(tracked);
        if (this.inFlight === 0 && this.pendingWork.size === 0 && this.idle) this.idle();
      });
    this.pendingWork.add(tracked);
  }
}

export function describeError(error: unknown): { name: string; message: string; stack?: string } {
  if (error instanceof Error) return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { name: 'unknown', message: String(error) };
}
