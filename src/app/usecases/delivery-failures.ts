import type { AppDeps } from '../deps.ts';

/** Telegram refused a chat for good (blocked the bot, or no such chat): remember it. */
export async function recordUndeliverable(deps: AppDeps, chatId: bigint, errorCode: number, description: string): Promise<void> {
  await deps.uow.run(async (repos) => {
    const at = deps.clock.now();
    await repos.deliveryFailures.record({ chatId, errorCode, description, at });
    if (chatId > 0n) await repos.users.markUnreachable(chatId, description, at);
  });
}
