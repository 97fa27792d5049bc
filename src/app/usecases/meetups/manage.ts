import { reply, type AppDeps, type Outcome } from '../../deps.ts';
import type { MeetupPatch, MeetupRecord, OutboxEntry, Repositories } from '../../ports/repositories.port.ts';
import type { MeetupField } from '../../../domain/meetups/meetup.ts';
import type { Person } from '../../../domain/model.ts';
import { parseField } from './fields.ts';
import { countsOf, meetupCard, meetupWhen } from './render.ts';
import { fillFreeSeats } from './rsvp.ts';

export const MAX_REASON_LENGTH = 500;

/** One row per person who answered (whatever the answer). */
async function toEveryoneWhoAnswered(repos: Repositories, meetup: MeetupRecord, text: string, key: string, at: Date): Promise<OutboxEntry[]> {
  const entries: OutboxEntry[] = [];
  for (const rsvp of await repos.meetups.rsvps(meetup.id)) {
    const person = await repos.users.findById(rsvp.userId);
    if (!person) continue;
    entries.push({ chatId: person.telegramId, text, kind: 'notice', lane: 'high', dedupeKey: `meetup-${key}:${meetup.id}:${rsvp.userId}:${at.getTime()}` });
  }
  return entries;
}

async function editable(deps: AppDeps, repos: Repositories, meetupId: number): Promise<MeetupRecord | Outcome> {
  const m = deps.messages.meetup;
  const meetup = await repos.meetups.find(meetupId);
  if (!meetup) return reply(m.unknown(meetupId));
  if (meetup.status === 'cancelled') return reply(m.alreadyCancelled(meetupId));
  if (meetup.endsAt.getTime() <= deps.clock.now().getTime()) return reply(m.alreadyOver(meetupId));
  return meetup;
}

/**
 * /kopdar <id> ubah <bagian> <nilai>: validated like the dialogue's answer; everyone who answered
 * is told, the group copy is redrawn, a new time resets the reminders, more seats let the
 * waiting list move up.
 */
export async function editMeetup(deps: AppDeps, actor: Person, meetupId: number, field: MeetupField, value: string): Promise<Outcome> {
  const m = deps.messages.meetup;
  if (value.trim() === '') return reply(m.editUsage(meetupId));
  return deps.uow.run(async (repos) => {
    const found = await editable(deps, repos, meetupId);
    if (!('id' in found)) return found;
    const parsed = parseField(deps, field, value);
    if (!parsed.ok) return reply(parsed.error);
    const now = deps.clock.now();
    const patch: MeetupPatch = {
      ...parsed.patch,
      ...(parsed.patch.startsAt ? { scheduledAt: now, remindedDayAt: null, remindedHourAt: null } : {}),
      ...(found.groupOutboxId !== null ? { groupDirty: true } : {}),
    };
    await repos.meetups.update(found.id, patch);
    const meetup: MeetupRecord = { ...found, ...patch };
    const label = m.fieldButton[field];
    const rsvps = await repos.meetups.rsvps(meetup.id);
    const entries = await toEveryoneWhoAnswered(repos, meetup, m.editedNotice(label, meetupCard(deps, meetup, countsOf(rsvps))), 'edited', now);
    const told = entries.length;
    if (field === 'kapasitas') entries.push(...(await fillFreeSeats(deps, repos, meetup, rsvps, now)));
    await repos.outbox.enqueue(entries, now);
    await repos.audit.record({ actorId: actor.id, action: 'meetup.edited', subject: `meetup:${meetup.id}`, details: { field }, at: now });
    return { replies: [{ text: m.edited(meetup.id, label, told) }], wakeOutbox: entries.length > 0 };
  });
}

/** /kopdar <id> batal <alasan>: everyone who answered is told; the group copy shows it. */
export async function cancelMeetup(deps: AppDeps, actor: Person, meetupId: number, reason: string): Promise<Outcome> {
  const m = deps.messages.meetup;
  const why = reason.trim().slice(0, MAX_REASON_LENGTH);
  if (why.length < 3) return reply(m.cancelUsage(meetupId));
  return deps.uow.run(async (repos) => {
    const found = await editable(deps, repos, meetupId);
    if (!('id' in found)) return found;
    const now = deps.clock.now();
    await repos.meetups.update(found.id, { status: 'cancelled', cancelReason: why, ...(found.groupOutboxId !== null ? { groupDirty: true } : {}) });
    const entries = await toEveryoneWhoAnswered(repos, found, m.cancelledNotice(found.id, found.title, meetupWhen(deps, found), why), 'cancelled', now);
    await repos.outbox.enqueue(entries, now);
    await repos.audit.record({ actorId: actor.id, action: 'meetup.cancelled', subject: `meetup:${found.id}`, details: { reason: why }, at: now });
    return { replies: [{ text: m.cancelledDone(found.id, entries.length) }], wakeOutbox: entries.length > 0 };
  });
}
