import type { AppDeps } from '../../deps.ts';
import type { OutboxEntry } from '../../ports/repositories.port.ts';
import { reminderDelayHours } from '../../../domain/directives/directive.ts';
import { directiveCopy, recipientButtons } from './render.ts';
import { splitMessage } from '../../../domain/text/split.ts';
import { laneFor } from './send.ts';
import { progressOf } from './status.ts';

export interface ChaseResult {
  readonly reminded: number;
  readonly summarized: number;
  readonly enqueued: number;
}

/**
 * Run every minute: OPDs that have not acknowledged a segera (after 2 h) or penting (after 24 h)
 * directive get one reminder; when a deadline passes, the author gets a summary. Each happens
 * once per directive (marked in the same transaction as its outbox rows).
 */
export async function chaseDirectives(deps: AppDeps): Promise<ChaseResult> {
  const m = deps.messages.directive;
  return deps.uow.run(async (repos) => {
    const now = deps.clock.now();
    const entries: OutboxEntry[] = [];
    let reminded = 0;
    let summarized = 0;
    for (const directive of await repos.directives.awaitingReminder()) {
      const hours = reminderDelayHours(directive.priority, deps.settings.directives.remindAfterHours);
      if (hours === null || !directive.sentAt || now.getTime() < directive.sentAt.getTime() + hours * 3_600_000) continue;
      const progress = await progressOf(repos, directive);
      // A text reminder (the media stays in the original copy), split like any long message.
      const parts = splitMessage(m.reminder(directiveCopy(deps, directive)));
      for (const delivery of progress.deliveries) {
        if (delivery.opdId === null || !progress.notAckedIds.has(delivery.opdId)) continue;
        parts.forEach((text, index) =>
          entries.push({
            chatId: delivery.chatId,
            text,
            ...(index === parts.length - 1 ? { buttons: recipientButtons(deps, directive) } : {}),
            kind: 'directive',
            lane: laneFor(directive.priority),
            dedupeKey: `directive-reminder:${directive.id}:${delivery.chatId}:${index}`,
          }),
        );
      }
      await repos.directives.markReminded(directive.id, now);
      reminded++;
    }
    for (const directive of await repos.directives.pastDeadline(now)) {
      const progress = await progressOf(repos, directive);
      const author = await repos.users.findById(directive.authorId);
      const silent = progress.opdCodes.filter((code) => progress.noFollowUp.includes(code) && (!directive.requireAck || progress.notAcked.includes(code)));
      if (author) {
        entries.push({
          chatId: author.telegramId,
          text: m.deadlineSummary(
            directive.id,
            directive.requireAck ? progress.opdCodes.length - progress.notAcked.length : null,
            progress.opdCodes.length - progress.noFollowUp.length,
            progress.opdCodes.length,
            silent,
          ),
          kind: 'notice',
          lane: 'urgent',
          dedupeKey: `directive-summary:${directive.id}`,
        });
      }
      await repos.directives.markSummarized(directive.id, now);
      summarized++;
    }
    const enqueued = await repos.outbox.enqueue(entries, now);
    return { reminded, summarized, enqueued };
  });
}
