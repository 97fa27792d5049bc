import type { ActionResult } from './results.ts';
import type { AppDeps } from '../../deps.ts';
import type { OutboxEntry, OutboxLane } from '../../ports/repositories.port.ts';
import type { Priority } from '../../../domain/directives/directive.ts';
import type { Person } from '../../../domain/model.ts';
import { splitForDelivery } from '../../../domain/text/delivery.ts';
import type { Button } from '../../reply.ts';
import { directiveCopy, recipientButtons, recipientsOf } from './render.ts';
import { previewButtons, previewText } from './compose.ts';

/** segera ahead of penting ahead of biasa, nudges and digests; interactive replies ahead of all. */
export function laneFor(priority: Priority): OutboxLane {
  return priority === 'segera' ? 'urgent' : priority === 'penting' ? 'high' : 'bulk';
}

/**
 * Send: one outbox row per recipient (each admin of each targeted OPD, and the community group),
 * all written in one transaction before the first send. A cancelled or already sent draft sends
 * nothing. Long texts go as several messages, buttons on the last.
 */
export async function sendDirective(deps: AppDeps, actor: Person, directiveId: number): Promise<ActionResult> {
  const m = deps.messages.directive;
  return deps.uow.run(async (repos): Promise<ActionResult> => {
    const directive = await repos.directives.find(directiveId);
    if (!directive) return { replies: [], answer: m.unknown(directiveId) };
    if (directive.authorId !== actor.id) return { replies: [], answer: m.notYours };
    const now = deps.clock.now();
    if (!(await repos.directives.leaveDraft(directive.id, 'sent', now))) return { replies: [], answer: m.notDraft };
    const sent = { ...directive, status: 'sent' as const, sentAt: now };
    const parts = splitForDelivery(directiveCopy(deps, sent), directive.media ?? undefined);
    const lane = laneFor(directive.priority);
    const recipients = await recipientsOf(repos, directive);
    const targets = [
      ...recipients.admins.map((r) => ({ chatId: r.person.telegramId, opdId: r.opd.id, userId: r.person.id, buttons: recipientButtons(deps, sent) as Button[][] | undefined, pin: false })),
      ...(recipients.communityChatId !== null
        ? [{ chatId: recipients.communityChatId, opdId: null, userId: null, buttons: undefined, pin: directive.priority === 'segera' }]
        : []),
      ...(recipients.leadersChatId !== null && recipients.leadersChatId !== recipients.communityChatId
        ? [{ chatId: recipients.leadersChatId, opdId: null, userId: null, buttons: undefined, pin: false }]
        : []),
    ];
    // Every row in one multi-row write (a directive may go to thousands): parts in order,
    // buttons on the last part, the pin on the first.
    const entries: OutboxEntry[] = targets.flatMap((target) =>
      parts.map((part, index): OutboxEntry => ({
        chatId: target.chatId,
        text: part.kind === 'media' ? part.caption : part.text,
        ...(part.kind === 'media' ? { media: part.media } : {}),
        kind: 'directive',
        lane,
        dedupeKey: `directive:${directive.id}:${target.chatId}:${index}`,
        ...(index === parts.length - 1 && target.buttons ? { buttons: target.buttons } : {}),
        ...(index === 0 && target.pin ? { pin: true } : {}),
      })),
    );
    const ids = await repos.outbox.addAll(entries, now);
    const deliveries = targets.flatMap((target, t) => {
      const lastId = ids[(t + 1) * parts.length - 1];
      return lastId === null || lastId === undefined ? [] : [{ directiveId: directive.id, opdId: target.opdId, userId: target.userId, chatId: target.chatId, outboxId: lastId }];
    });
    await repos.directives.addDeliveries(deliveries);
    await repos.audit.record({
      actorId: actor.id,
      action: 'directive.sent',
      subject: `directive:${directive.id}`,
      details: { priority: directive.priority, recipients: targets.length },
      at: now,
    });
    return { replies: [], answer: m.sentAnswer, editedText: m.sent(directive.id, targets.length), wakeOutbox: true };
  });
}

export async function cancelDirective(deps: AppDeps, actor: Person, directiveId: number): Promise<ActionResult> {
  const m = deps.messages.directive;
  return deps.uow.run(async (repos) => {
    const directive = await repos.directives.find(directiveId);
    if (!directive) return { replies: [], answer: m.unknown(directiveId) };
    if (directive.authorId !== actor.id) return { replies: [], answer: m.notYours };
    if (!(await repos.directives.leaveDraft(directive.id, 'cancelled', deps.clock.now()))) return { replies: [], answer: m.notDraft };
    await repos.audit.record({ actorId: actor.id, action: 'directive.cancelled', subject: `directive:${directive.id}`, at: deps.clock.now() });
    return { replies: [], answer: m.cancelledAnswer, editedText: m.cancelled(directive.id) };
  });
}

/** The preview's priority and acknowledgement buttons change the draft and redraw the preview. */
export async function updateDraft(deps: AppDeps, actor: Person, directiveId: number, patch: { priority?: Priority; toggleAck?: boolean }): Promise<ActionResult> {
  const m = deps.messages.directive;
  return deps.uow.run(async (repos) => {
    const directive = await repos.directives.find(directiveId);
    if (!directive) return { replies: [], answer: m.unknown(directiveId) };
    if (directive.authorId !== actor.id) return { replies: [], answer: m.notYours };
    const changed = await repos.directives.updateDraft(directive.id, {
      ...(patch.priority ? { priority: patch.priority } : {}),
      ...(patch.toggleAck ? { requireAck: !directive.requireAck } : {}),
    });
    if (!changed) return { replies: [], answer: m.notDraft };
    const updated = (await repos.directives.find(directive.id)) ?? directive;
    return { replies: [], answer: m.updatedAnswer, editedText: await previewText(deps, updated), editedButtons: previewButtons(deps, updated) };
  });
}
