import type { AppDeps } from '../../deps.ts';
import type { MeetupRecord, OutboxEntry, Repositories } from '../../ports/repositories.port.ts';
import { REMINDER_DAY_BEFORE_MS, REMINDER_HOURS_BEFORE_MS } from '../../../domain/meetups/meetup.ts';
import { countsOf, meetupCard, rsvpButtons } from './render.ts';

export interface MeetupJobResult {
  readonly reminded: number;
  readonly groupEdits: number;
}

async function reminderRows(deps: AppDeps, repos: Repositories, meetup: MeetupRecord, kind: 'day' | 'hours'): Promise<OutboxEntry[]> {
  const rsvps = await repos.meetups.rsvps(meetup.id);
  const card = meetupCard(deps, meetup, countsOf(rsvps));
  const text = deps.messages.meetup.reminder(kind, card, true);
  const entries: OutboxEntry[] = [];
  for (const rsvp of rsvps) {
    if (rsvp.answer === 'tidak' || rsvp.waitlisted) continue;
    const person = await repos.users.findById(rsvp.userId);
    if (!person) continue;
    entries.push({
      chatId: person.telegramId,
      text,
      kind: 'notice',
      lane: 'high',
      // The start is part of the key: a meetup moved to another time is reminded again.
      dedupeKey: `meetup-reminder:${meetup.id}:${kind}:${meetup.startsAt.getTime()}:${rsvp.userId}`,
    });
  }
  return entries;
}

/**
 * Run every minute. Reminders go 24 hours and 2 hours before the start to those who answered
 * Hadir (with a seat) or Mungkin, once each; a reminder whose time had already passed when the
 * meetup was published (or moved) is skipped, and a day reminder not sent before the 2-hour one
 * gives way to it. Then the community group's copy of each meetup whose answers changed is
 * redrawn once (so at most once a minute per meetup).
 */
export async function runMeetupJobs(deps: AppDeps): Promise<MeetupJobResult> {
  return deps.uow.run(async (repos) => {
    const now = deps.clock.now();
    const entries: OutboxEntry[] = [];
    let reminded = 0;
    for (const meetup of await repos.meetups.awaitingReminder(now, new Date(now.getTime() + REMINDER_DAY_BEFORE_MS))) {
      const start = meetup.startsAt.getTime();
      const dayDue = start - REMINDER_DAY_BEFORE_MS;
      const hoursDue = start - REMINDER_HOURS_BEFORE_MS;
      if (meetup.remindedDayAt === null && now.getTime() >= dayDue) {
        if (dayDue >= meetup.scheduledAt.getTime() && now.getTime() < hoursDue) {
          entries.push(...(await reminderRows(deps, repos, meetup, 'day')));
          reminded++;
        }
        await repos.meetups.update(meetup.id, { remindedDayAt: now });
      }
      if (meetup.remindedHourAt === null && now.getTime() >= hoursDue) {
        if (hoursDue >= meetup.scheduledAt.getTime()) {
          entries.push(...(await reminderRows(deps, repos, meetup, 'hours')));
          reminded++;
        }
        await repos.meetups.update(meetup.id, { remindedHourAt: now });
      }
    }
    let groupEdits = 0;
    const minute = Math.floor(now.getTime() / 60_000);
    for (const meetup of await repos.meetups.dirtyGroupCopies()) {
      if (meetup.groupOutboxId === null) {
        await repos.meetups.update(meetup.id, { groupDirty: false });
        continue;
      }
      const sent = await repos.meetups.sentMessageId(meetup.groupOutboxId);
      if (!sent) continue; // not sent yet: the next tick looks again
      const counts = countsOf(await repos.meetups.rsvps(meetup.id));
      const buttons = rsvpButtons(deps, meetup, counts);
      const added = await repos.outbox.add(
        {
          chatId: sent.chatId,
          editMessageId: sent.messageId,
          text: meetupCard(deps, meetup, counts),
          ...(buttons ? { buttons } : {}),
          kind: 'notice',
          lane: 'bulk',
          dedupeKey: `meetup-group:${meetup.id}:${minute}`,
        },
        now,
      );
      if (added === null) continue; // already edited this minute: stays marked for the next one
      await repos.meetups.update(meetup.id, { groupDirty: false });
      groupEdits++;
    }
    if (entries.length > 0) await repos.outbox.enqueue(entries, now);
    return { reminded, groupEdits };
  });
}
