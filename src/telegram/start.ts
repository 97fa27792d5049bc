import { Telegraf } from 'telegraf';
import type { Config } from '../config.ts';
import type { AppDeps } from '../app/deps.ts';
import type { Person } from '../domain/model.ts';
import type { Logger } from '../app/ports/logger.port.ts';
import type { Dispatcher } from '../infra/outbox/dispatcher.ts';
import type { TelegramGateway } from '../infra/outbox/gateway.port.ts';
import { KopdarBot } from './bot.ts';
import { telegrafGateway } from './gateway.ts';
import { CommandMenus } from './menus.ts';

export interface TelegramRuntime {
  readonly botUsername: string;
  readonly gateway: TelegramGateway;
  /** Starts polling; `demoted` lost a role while the bot was down and get the newcomer menu. */
  launch(input: { deps: AppDeps; dispatcher: Dispatcher; demoted: readonly Person[] }): Promise<KopdarBot>;
}

export class TelegramStartError extends Error {
  override name = 'TelegramStartError';
}

/** Checks the token with getMe and prepares the pieces main.ts wires together. */
export async function startTelegram(input: { config: Config; logger: Logger }): Promise<TelegramRuntime> {
  const { config, logger } = input;
  const telegraf = new Telegraf(config.botToken, { telegram: { apiRoot: config.telegramApiRoot }, handlerTimeout: 60_000 });
  const client = telegraf.telegram;
  let botUsername: string;
  try {
    const me = await client.getMe();
    telegraf.botInfo = me;
    botUsername = me.username;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TelegramStartError(
      /401|Unauthorized/i.test(reason)
        ? 'Token bot ditolak Telegram (401). Periksa BOT_TOKEN di .env atau minta token baru ke @BotFather.'
        : `Server Bot API di ${config.telegramApiRoot} tidak dapat dihubungi (${reason}). Periksa koneksi internet atau TELEGRAM_API_ROOT.`,
    );
  }
  const gateway = telegrafGateway(client);
  return {
    botUsername,
    gateway,
    async launch({ deps, dispatcher, demoted }) {
      const menus = new CommandMenus(client, deps.messages, logger);
      const bot = new KopdarBot({ telegraf, deps, dispatcher, menus, logger });
      await menus.registerDefaults().catch((error: unknown) => logger.warn({ event: 'menu.defaults_failed', err: (error as Error).message }));
      for (const role of ['superadmin', 'leader'] as const) {
        const people = await deps.uow.run((repos) => repos.users.listByRole(role));
        for (const person of people) await menus.applyRole(person.telegramId, role);
      }
      for (const person of demoted) await menus.applyRole(person.telegramId, person.role);
      await bot.start();
      return bot;
    },
  };
}
