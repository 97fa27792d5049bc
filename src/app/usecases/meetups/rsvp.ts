import type { AppDeps } from '../../deps.ts';
import type { MeetupRecord, OutboxEntry, Repositories, RsvpRecord } from '../../ports/repositories.port.ts';
import { decideRsvp, promotions, type RsvpAnswer } from '../../../domain/meetups/meetup.ts';
import type { Person } from '../../../domain/model.ts';
import type { ActionResult } from '../directives/results.ts';
import { countsOf, meetupCard, meetupWhen, rsvpButtons } from './render.ts';

/** Rows telling people moved up from the waiting list. */
export async function promotionNotices(deps: AppDeps, repos: Repositories, meetup: MeetupRecord, userIds: readonly number[], at: Date): Promise<OutboxEntry[]> {
  const entries: OutboxEntry[] = [];
  for (const userId of userIds) {
    const person = await repos.users.findById(userId);
    if (!person) continue;
    entries.push({
      chatId: person.telegramId,
      text: deps.messages.meetup.promoted(meetup.id, meetup.title, meetupWhen(deps, meetup)),
      kind: 'notice',
      lane: 'high',
      dedupeKey: `meetup-promoted:${meetup.id}:${userId}:${at.getTime()}`,
    });
  }
  return entries;
}

/** Moves people up from the waiting list while seats are free; returns the notices to send. */
export async function fillFreeSeats(deps: AppDeps, repos: Repositories, meetup: MeetupRecord, rsvps: readonly RsvpRecord[], at: Date): Promise<OutboxEntry[]> {
  const promoted = promotions(rsvps, meetup.capacity);
  if (promoted.length === 0) return [];
  await repos.meetups.setWaitlisted(meetup.id, promoted, false);
  return promotionNotices(deps, repos, meetup, promoted, at);
}

/**
 * A tap on Hadir / Tidak hadir / Mungkin. In a private chat the tapped copy is redrawn at once
 * with the new counts; the community group's copy is marked for the minute tick to redraw
 * (at most one edit a minute per meetup, within Telegram's 20 messages a minute per group).
 */
export async function answerRsvp(deps: AppDeps, actor: Person, meetupId: number, answer: RsvpAnswer, inGroup: boolean): Promise<ActionResult> {
  const m = deps.messages.meetup;
  return deps.uow.run(async (repos): Promise<ActionResult> => {
    const meetup = await repos.meetups.find(meetupId);
    const now = deps.clock.now();
    if (!meetup) return { replies: [], answer: m.unknown(meetupId) };
    if (meetup.status !== 'scheduled' || meetup.endsAt.getTime() <= now.getTime()) return { replies: [], answer: m.closed };
    const rsvps = await repos.meetups.rsvps(meetup.id);
    const decision = decideRsvp(rsvps, meetup.capacity, actor.id, answer, now);
    if (decision.unchanged) {
      return { replies: [], answer: decision.position !== null ? m.waitlistedAnswer(decision.position) : m.rsvpSame(answer) };
    }
    await repos.meetups.saveRsvp(meetup.id, { ...decision.entry, opdId: actor.opdId });
    await repos.meetups.setWaitlisted(meetup.id, decision.promoted, false);
    const notices = await promotionNotices(deps, repos, meetup, decision.promoted, now);
    if (meetup.groupOutboxId !== null) await repos.meetups.update(meetup.id, { groupDirty: true });
    if (notices.length > 0) await repos.outbox.enqueue(notices, now);
    const after = await repos.meetups.rsvps(meetup.id);
    const counts = countsOf(after);
    const waitlistReply = decision.position !== null ? [{ text: m.waitlisted(meetup.id, meetup.title, decision.position), chatId: actor.telegramId }] : [];
    const buttons = rsvpButtons(deps, meetup, counts);
    return {
      replies: waitlistReply,
      answer: decision.position !== null ? m.waitlistedAnswer(decision.position) : m.rsvpThanks(answer),
      ...(inGroup ? {} : { editedText: m.yourAnswer(meetupCard(deps, meetup, counts), answer, decision.position), ...(buttons ? { editedButtons: buttons } : {}) }),
      ...(notices.length > 0 ? { wakeOutbox: true } : {}),
    };
  });
}
