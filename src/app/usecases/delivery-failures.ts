import type { AppDeps } from '../deps.ts';
import type { Repositories } from '../ports/repositories.port.ts';

/** Telegram refused a chat for good (blocked the bot, or no such chat): remember it. */
export async function recordUndeliverable(deps: AppDeps, chatId: bigint, errorCode: number, description: string): Promise<void> {
  await deps.uow.run(async (repos) => recordUndeliverableIn(repos, chatId, errorCode, description, deps.clock.now()));
}

/** The same, inside a transaction the caller already holds. */
export async function recordUndeliverableIn(repos: Repositories, chatId: bigint, errorCode: number, description: string, at: Date): Promise<void> {
  await repos.deliveryFailures.record({ chatId, errorCode, description, at });
  if (chatId > 0n) await repos.users.markUnreachable(chatId, description, at);
}
