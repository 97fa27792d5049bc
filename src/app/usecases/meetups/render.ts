import type { AppDeps } from '../../deps.ts';
import type { MeetupRecord, Repositories, RsvpRecord } from '../../ports/repositories.port.ts';
import type { Button } from '../../reply.ts';
import { rsvpAnswers, seatsTaken, waitingList, type RsvpAnswer } from '../../../domain/meetups/meetup.ts';
import { localDateKey, wallClock } from '../../../domain/time/zoned.ts';
import { COMMUNITY_CHAT_KEY } from '../community.ts';

export const MEETUP_PREFIX = 'k';

/** callback_data of the RSVP buttons: "k:<id>:<answer>". */
export const rsvpData = (meetupId: number, answer: RsvpAnswer): string => `${MEETUP_PREFIX}:${meetupId}:${answer}`;

export interface RsvpCounts {
  readonly hadir: number;
  readonly tidak: number;
  readonly mungkin: number;
  readonly waiting: number;
}

export function countsOf(rsvps: readonly RsvpRecord[]): RsvpCounts {
  return {
    hadir: seatsTaken(rsvps),
    tidak: rsvps.filter((r) => r.answer === 'tidak').length,
    mungkin: rsvps.filter((r) => r.answer === 'mungkin').length,
    waiting: waitingList(rsvps).length,
  };
}

/** "25 Desember 2026 14.00–16.00 WIB" (the end's date too when it is another day). */
export function meetupWhen(deps: AppDeps, meetup: Pick<MeetupRecord, 'startsAt' | 'endsAt'>): string {
  const tz = deps.settings.timezone;
  const start = deps.messages.format.dateTime(meetup.startsAt, tz);
  const end = deps.messages.format.dateTime(meetup.endsAt, tz);
  if (localDateKey(meetup.startsAt, tz) !== localDateKey(meetup.endsAt, tz)) return `${start} – ${end}`;
  const w = wallClock(meetup.endsAt, tz);
  const cut = start.lastIndexOf(' ');
  return deps.messages.meetup.when(start.slice(0, cut), `${String(w.hour).padStart(2, '0')}.${String(w.minute).padStart(2, '0')}`, start.slice(cut + 1));
}

type CardFields = Pick<MeetupRecord, 'title' | 'startsAt' | 'endsAt' | 'place' | 'onlineUrl' | 'agenda' | 'capacity'> &
  Partial<Pick<MeetupRecord, 'status' | 'cancelReason'>> & { readonly id: number };

/** The card every admin and the community group read. */
export function meetupCard(deps: AppDeps, meetup: CardFields, counts: RsvpCounts): string {
  return deps.messages.meetup.card({
    id: meetup.id,
    title: meetup.title,
    when: meetupWhen(deps, meetup),
    place: meetup.place,
    onlineUrl: meetup.onlineUrl,
    agenda: meetup.agenda,
    capacity: meetup.capacity,
    counts,
    cancelled: meetup.status === 'cancelled' ? (meetup.cancelReason ?? '') : null,
  });
}

/** Hadir / Tidak hadir / Mungkin with their counts; none once cancelled. */
export function rsvpButtons(deps: AppDeps, meetup: Pick<MeetupRecord, 'id' | 'capacity' | 'status'>, counts: RsvpCounts): Button[][] | undefined {
  if (meetup.status === 'cancelled') return undefined;
  return [rsvpAnswers.map((answer) => ({ text: deps.messages.meetup.answerButton(answer, counts[answer], meetup.capacity), callbackData: rsvpData(meetup.id, answer) }))];
}

/** The community group's chat id, when one is bound. */
export async function communityChat(repos: Repositories): Promise<bigint | null> {
  const community = await repos.settings.get(COMMUNITY_CHAT_KEY);
  return community && /^-?\d+$/.test(community.value) ? BigInt(community.value) : null;
}
