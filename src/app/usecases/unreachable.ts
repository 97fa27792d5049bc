import { displayName } from '../../domain/model.ts';
import { localDateKey } from '../../domain/time/zoned.ts';
import type { AppDeps } from '../deps.ts';
import type { OutboxEntry, Repositories } from '../ports/repositories.port.ts';
import { recordUndeliverableIn } from './delivery-failures.ts';

export type UndeliverableKind = 'blocked' | 'chat_not_found';

/**
 * An outbox message could not be delivered for good (403 blocked / 400 chat not found):
 * records the failure, marks the person unreachable, and — when the chat is a known person
 * other than a superadmin — tells every superadmin who cannot be reached, their OPD and why.
 * The notice goes through the outbox with a dedupe key per person, superadmin and local day,
 * so superadmins hear about one person at most once a day however many messages bounce.
 * An unreachable superadmin is only recorded: telling the others about them would bounce
 * again on their own chat and notices would chase each other.
 * Returns how many notices were enqueued (the caller wakes the outbox relay when > 0).
 */
export async function reportUnreachable(deps: AppDeps, chatId: bigint, kind: UndeliverableKind, description: string, outboxId?: number): Promise<number> {
  return deps.uow.run(async (repos) => {
    const at = deps.clock.now();
    await recordUndeliverableIn(repos, chatId, kind === 'blocked' ? 403 : 400, description, at);
    const toAuthor = outboxId === undefined ? 0 : await tellDirectiveAuthor(deps, repos, chatId, kind, outboxId, at);
    return toAuthor + (await tellSuperadmins(deps, repos, chatId, kind, at));
  });
}

/** Superadmins hear who cannot be reached, once a day per person (never about a superadmin or a group). */
async function tellSuperadmins(deps: AppDeps, repos: Repositories, chatId: bigint, kind: UndeliverableKind, at: Date): Promise<number> {
  if (chatId <= 0n) return 0; // a group: recorded; it has no person to name
  const person = await repos.users.findByTelegramId(chatId);
  if (!person || person.role === 'superadmin') return 0;
  const opd = person.opdId === null ? null : await repos.opds.findById(person.opdId);
  const shown = displayName(person);
  const name = person.username && !shown.startsWith('@') ? `${shown} (@${person.username})` : shown;
  const m = deps.messages.delivery;
  const text = m.unreachableNotice(name, opd ? deps.messages.opdLabel(opd.name, opd.code) : null, m.unreachableReason[kind]);
  const day = localDateKey(at, deps.settings.timezone);
  const entries: OutboxEntry[] = (await repos.users.listByRole('superadmin')).map((superadmin) => ({
    chatId: superadmin.telegramId,
    text,
    kind: 'notice',
    lane: 'bulk',
    dedupeKey: `unreachable:${chatId}:${day}:${superadmin.telegramId}`,
  }));
  return entries.length > 0 ? repos.outbox.enqueue(entries, at) : 0;
}

/** A copy of a directive bounced: its author is told which recipient did not get it (once each). */
async function tellDirectiveAuthor(deps: AppDeps, repos: Repositories, chatId: bigint, kind: UndeliverableKind, outboxId: number, at: Date): Promise<number> {
  const delivery = await repos.directives.deliveryByOutboxId(outboxId);
  if (!delivery) return 0;
  const directive = await repos.directives.find(delivery.directiveId);
  const author = directive ? await repos.users.findById(directive.authorId) : null;
  if (!directive || !author || author.telegramId === chatId) return 0;
  const person = chatId > 0n ? await repos.users.findByTelegramId(chatId) : null;
  const opd = delivery.opdId === null ? null : await repos.opds.findById(delivery.opdId);
  const m = deps.messages;
  const who = person ? displayName(person) : m.groupName.komunitas;
  return repos.outbox.enqueue(
    [
      {
        chatId: author.telegramId,
        text: m.directive.undelivered(directive.id, who, opd?.code ?? null, m.delivery.unreachableReason[kind]),
        kind: 'notice',
        lane: 'bulk',
        dedupeKey: `directive-undelivered:${directive.id}:${chatId}`,
      },
    ],
    at,
  );
}
