import { reply, type AppDeps, type Outcome } from '../deps.ts';
import type { Person } from '../../domain/model.ts';

export const COMMUNITY_CHAT_KEY = 'community_chat_id';
/** The leaders' group (Bupati, heads of OPD): it receives directives, not digests. */
export const LEADERS_CHAT_KEY = 'leaders_chat_id';

export type BoundGroup = 'komunitas' | 'pimpinan';
const keyOf: Record<BoundGroup, string> = { komunitas: COMMUNITY_CHAT_KEY, pimpinan: LEADERS_CHAT_KEY };

/**
 * /hubungkan komunitas: this group receives the daily digest and directives from now on.
 * /hubungkan pimpinan: this group is the leaders' group and receives directives.
 */
export async function bindGroup(deps: AppDeps, actor: Person, which: BoundGroup, chatId: bigint, title: string): Promise<Outcome> {
  return deps.uow.run(async (repos) => {
    const now = deps.clock.now();
    const previous = await repos.settings.get(keyOf[which]);
    await repos.settings.set(keyOf[which], chatId.toString(), actor.id, now);
    await repos.audit.record({
      actorId: actor.id,
      action: `group.bound.${which}`,
      subject: `chat:${chatId}`,
      details: { previous: previous?.value ?? null },
      at: now,
    });
    return reply(which === 'komunitas' ? deps.messages.community.bound(title) : deps.messages.community.leadersBound(title));
  });
}

/** A group became a supergroup: settings that name its old id follow it to the new one. */
export async function followChatMigration(deps: AppDeps, oldChatId: bigint, newChatId: bigint): Promise<void> {
  await deps.uow.run(async (repos) => {
    for (const key of Object.values(keyOf)) {
      const bound = await repos.settings.get(key);
      if (bound?.value !== oldChatId.toString()) continue;
      await repos.settings.set(key, newChatId.toString(), bound.updatedById, deps.clock.now());
      await repos.audit.record({ actorId: null, action: 'group.migrated', subject: `chat:${newChatId}`, details: { from: oldChatId, key }, at: deps.clock.now() });
    }
  });
}
