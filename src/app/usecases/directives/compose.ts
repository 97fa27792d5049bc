import type { AppDeps, Outcome } from '../../deps.ts';
import { reply } from '../../deps.ts';
import type { DirectiveMedia, DirectiveRecord } from '../../ports/repositories.port.ts';
import type { Button } from '../../reply.ts';
import { parseDirectiveCommand, resolveAudience } from '../../../domain/directives/command-options.ts';
import { priorities } from '../../../domain/directives/directive.ts';
import type { Person } from '../../../domain/model.ts';
import { zonedInstant } from '../../../domain/time/zoned.ts';
import { MAX_DIRECTIVE_LENGTH, directiveCopy, directiveData, recipientsOf } from './render.ts';

export interface ComposeRequest {
  readonly text: string;
  /** A photo, video or document the command replied to: broadcast with the text as caption. */
  readonly media: DirectiveMedia | null;
}

/** The preview's buttons: priority, acknowledgement, then Send / Cancel. */
export function previewButtons(deps: AppDeps, directive: DirectiveRecord): Button[][] {
  const m = deps.messages.directive;
  return [
    priorities.map((p) => ({ text: m.priorityButton(p, p === directive.priority), callbackData: directiveData.priority(directive.id, p) })),
    [{ text: m.ackToggle(directive.requireAck), callbackData: directiveData.toggleAck(directive.id) }],
    [
      { text: m.sendButton, callbackData: directiveData.send(directive.id) },
      { text: m.cancelButton, callbackData: directiveData.cancel(directive.id) },
    ],
  ];
}

export async function previewText(deps: AppDeps, directive: DirectiveRecord): Promise<string> {
  const recipients = await deps.uow.run((repos) => recipientsOf(repos, directive));
  const groups = [
    ...(recipients.communityChatId !== null ? [deps.messages.groupName.komunitas] : []),
    ...(recipients.leadersChatId !== null ? [deps.messages.groupName.pimpinan] : []),
  ];
  return deps.messages.directive.preview(directiveCopy(deps, directive), recipients.admins.length, recipients.opds.length, groups);
}

/**
 * /arahan: stores a draft and shows the author exactly what recipients will read, how many
 * they are, and Send / Cancel buttons. Nothing is sent until Send.
 */
export async function composeDirective(deps: AppDeps, actor: Person, request: ComposeRequest): Promise<Outcome> {
  const m = deps.messages.directive;
  const parsed = parseDirectiveCommand(request.text);
  if (parsed.problems.length > 0) return reply(m.badOption(parsed.problems[0] ?? ''));
  if (!parsed.text) return reply(`${m.empty}\n${m.usage}`);
  if (parsed.text.length > MAX_DIRECTIVE_LENGTH) return reply(m.tooLong(MAX_DIRECTIVE_LENGTH));
  const now = deps.clock.now();
  let deadline: Date | null = null;
  if (parsed.deadline) {
    const [y, mo, d] = parsed.deadline.date.split('-').map(Number) as [number, number, number];
    const [h, mi] = (parsed.deadline.time ?? '23:59').split(':').map(Number) as [number, number];
    deadline = zonedInstant(deps.settings.timezone, y, mo, d, h, mi);
    if (deadline.getTime() <= now.getTime()) return reply(m.deadlinePast);
  }
  return deps.uow.run(async (repos) => {
    const audience = resolveAudience(parsed.audienceWords, await repos.opds.list());
    if ('unknown' in audience) return reply(m.unknownAudience(audience.unknown));
    const fromLeader = actor.role === 'leader';
    const directive = await repos.directives.create({
      authorId: actor.id,
      fromLeader,
      text: parsed.text,
      media: request.media,
      // A leader's directive defaults to segera.
      priority: parsed.priority ?? (fromLeader ? 'segera' : 'biasa'),
      audience,
      requireAck: parsed.requireAck ?? true,
      deadline,
      createdAt: now,
    });
    const recipients = await recipientsOf(repos, directive);
    if (recipients.admins.length === 0) {
      await repos.directives.leaveDraft(directive.id, 'cancelled', now);
      return reply(m.noRecipients);
    }
    return reply(await previewText(deps, directive), { buttons: previewButtons(deps, directive) });
  });
}
