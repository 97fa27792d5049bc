import { reply, type AppDeps, type Outcome } from '../deps.ts';
import type { Person } from '../../domain/model.ts';

export const COMMUNITY_CHAT_KEY = 'community_chat_id';

/** /hubungkan komunitas: this group receives the daily digest from now on. */
export async function bindCommunityGroup(deps: AppDeps, actor: Person, chatId: bigint, title: string): Promise<Outcome> {
  return deps.uow.run(async (repos) => {
    const now = deps.clock.now();
    const previous = await repos.settings.get(COMMUNITY_CHAT_KEY);
    await repos.settings.set(COMMUNITY_CHAT_KEY, chatId.toString(), actor.id, now);
    await repos.audit.record({
      actorId: actor.id,
      action: 'community.bound',
      subject: `chat:${chatId}`,
      details: { previous: previous?.value ?? null },
      at: now,
    });
    return reply(deps.messages.community.bound(title));
  });
}

/** A group became a supergroup: settings that name its old id follow it to the new one. */
export async function followChatMigration(deps: AppDeps, oldChatId: bigint, newChatId: bigint): Promise<void> {
  await deps.uow.run(async (repos) => {
    const bound = await repos.settings.get(COMMUNITY_CHAT_KEY);
    if (bound?.value !== oldChatId.toString()) return;
    await repos.settings.set(COMMUNITY_CHAT_KEY, newChatId.toString(), bound.updatedById, deps.clock.now());
    await repos.audit.record({ actorId: null, action: 'community.migrated', subject: `chat:${newChatId}`, details: { from: oldChatId }, at: deps.clock.now() });
  });
}
