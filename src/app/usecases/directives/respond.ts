import type { ActionResult } from './results.ts';
import { reply, type AppDeps, type Outcome } from '../../deps.ts';
import { inAudience } from '../../../domain/directives/directive.ts';
import { displayName, type Person } from '../../../domain/model.ts';
import { directiveCopy, recipientButtons } from './render.ts';
import { splitForDelivery } from '../../../domain/text/delivery.ts';

/**
 * "✅ Siap, dilaksanakan": the first tap of any admin of the OPD counts for the OPD (who and
 * when are recorded); double taps and redelivered callbacks count once. The tapped copy is
 * edited to show who acknowledged.
 */
export async function acknowledgeDirective(deps: AppDeps, actor: Person, directiveId: number, tappedIsMedia = false): Promise<ActionResult> {
  const m = deps.messages.directive;
  return deps.uow.run(async (repos) => {
    const directive = await repos.directives.find(directiveId);
    const opd = actor.opdId === null ? null : await repos.opds.findById(actor.opdId);
    if (!directive || directive.status !== 'sent') return { replies: [], answer: m.unknown(directiveId) };
    if (!opd || !inAudience(directive.audience, opd)) return { replies: [], answer: m.ackNotForYou };
    const tz = deps.settings.timezone;
    const { first, ack } = await repos.directives.acknowledge({ directiveId, opdId: opd.id, userId: actor.id, at: deps.clock.now() });
    const acker = first ? actor : ((await repos.users.findById(ack.userId)) ?? actor);
    const when = deps.messages.format.dateTime(ack.at, tz);
    if (first) await repos.audit.record({ actorId: actor.id, action: 'directive.acknowledged', subject: `directive:${directiveId}`, details: { opd: opd.code }, at: ack.at });
    // Acknowledged: the ✅/❓ buttons give way to the follow-up button only.
    const followUpOnly = recipientButtons(deps, { ...directive, requireAck: false });
    // The buttons sit on the last part of the copy (a media message when it all fit in a caption)
    // or on a reminder (text); the tapped message says which, and its caption or text is redrawn.
    const parts = splitForDelivery(directiveCopy(deps, directive), directive.media ?? undefined);
    const last = parts.at(-1);
    const shown = last?.kind === 'media' ? last.caption : (last?.text ?? '');
    return {
      replies: [],
      answer: first ? m.ackThanks : m.ackAlready(displayName(acker), when),
      editedText: m.ackedCopy(shown, displayName(acker), opd.code, when),
      editedButtons: followUpOnly,
      ...(tappedIsMedia ? { editedIsCaption: true } : {}),
    };
  });
}

/** "❓ Perlu penjelasan": tells the admin how to ask. */
export function explainQuestion(deps: AppDeps, directiveId: number): ActionResult {
  return { replies: [{ text: deps.messages.directive.askHow(directiveId) }], answer: deps.messages.directive.askAnswer };
}

/** "📝 Lapor tindak lanjut": tells the admin how to report the follow-up post. */
export function explainFollowUp(deps: AppDeps, directiveId: number): ActionResult {
  return { replies: [{ text: deps.messages.directive.followUpHow(directiveId) }], answer: deps.messages.directive.followUpHow(directiveId).split('\n')[0]?.slice(0, 190) ?? '' };
}

/** /tanya <id> <question>: forwarded to the directive's author. */
export async function askAboutDirective(deps: AppDeps, actor: Person, directiveId: number, question: string): Promise<Outcome> {
  const m = deps.messages.directive;
  return deps.uow.run(async (repos) => {
    const directive = await repos.directives.find(directiveId);
    if (!directive || directive.status !== 'sent') return reply(m.unknown(directiveId));
    const author = await repos.users.findById(directive.authorId);
    const opd = actor.opdId === null ? null : await repos.opds.findById(actor.opdId);
    const at = deps.clock.now();
    await repos.directives.addQuestion({ directiveId, userId: actor.id, text: question, at });
    return {
      replies: [
        { text: m.questionSent(directiveId) },
        ...(author ? [{ text: m.questionToAuthor(directiveId, displayName(actor), opd?.code ?? '—', question), chatId: author.telegramId }] : []),
      ],
    };
  });
}
