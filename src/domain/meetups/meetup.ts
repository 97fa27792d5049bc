import { zonedInstant } from '../time/zoned.ts';

/** hadir (coming), tidak (not coming), mungkin (maybe). */
export type RsvpAnswer = 'hadir' | 'tidak' | 'mungkin';
export const rsvpAnswers: readonly RsvpAnswer[] = ['hadir', 'tidak', 'mungkin'];
export type MeetupStatus = 'scheduled' | 'cancelled';
/** The parts of a meetup an organiser can change (the words of /kopdar … ubah). */
export type MeetupField = 'judul' | 'waktu' | 'tempat' | 'agenda' | 'kapasitas';
export const meetupFields: readonly MeetupField[] = ['judul', 'waktu', 'tempat', 'agenda', 'kapasitas'];

export const DEFAULT_DURATION_MS = 2 * 3_600_000;
/** Check-in opens this long before the start and closes at the end. */
export const CHECK_IN_OPENS_BEFORE_MS = 30 * 60_000;
export const REMINDER_DAY_BEFORE_MS = 24 * 3_600_000;
export const REMINDER_HOURS_BEFORE_MS = 2 * 3_600_000;

export const MAX_TITLE_LENGTH = 120;
export const MAX_PLACE_LENGTH = 200;
export const MAX_AGENDA_LENGTH = 1000;
export const MAX_CAPACITY = 10_000;

export function isRsvpAnswer(value: string): value is RsvpAnswer {
  return (rsvpAnswers as readonly string[]).includes(value);
}

export type MeetupTimeParse =
  | { readonly ok: true; readonly startsAt: Date; readonly endsAt: Date }
  | { readonly ok: false; readonly reason: 'format' | 'invalid' | 'past' | 'endBeforeStart' };

const datePatterns = [
  // 25-12-2026 14:00, 25/12/2026 14.00
  { re: /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/, order: 'dmy' as const },
  // 2026-12-25 14:00
  { re: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, order: 'ymd' as const },
];
const timePattern = /^(\d{1,2})[:.](\d{2})$/;

function validDate(y: number, mo: number, d: number): boolean {
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

function parseTime(text: string): { h: number; mi: number } | null | 'invalid' {
  const match = timePattern.exec(text);
  if (!match) return null;
  const h = Number(match[1]);
  const mi = Number(match[2]);
  return h > 23 || mi > 59 ? 'invalid' : { h, mi };
}

/**
 * "25-12-2026 14:00" or "2026-12-25 14:00", optionally with an end time ("14:00-16:00",
 * "14:00 s.d. 16:00"), read as wall-clock time in `timeZone`. Without an end time a meetup
 * lasts two hours. Must lie after `now`.
 */
export function parseMeetupTime(text: string, timeZone: string, now: Date): MeetupTimeParse {
  const normalized = text.trim().replace(/\s+(s\.?d\.?|sampai|-|–)\s+/i, '-').replace(/\s+/g, ' ');
  const [datePart = '', timePart = ''] = normalized.split(' ');
  if (!datePart || !timePart || normalized.split(' ').length > 2) return { ok: false, reason: 'format' };
  let y = 0;
  let mo = 0;
  let d = 0;
  let matched = false;
  for (const { re, order } of datePatterns) {
    const match = re.exec(datePart);
    if (!match) continue;
    const [a, b, c] = [Number(match[1]), Number(match[2]), Number(match[3])];
    [y, mo, d] = order === 'dmy' ? [c, b, a] : [a, b, c];
    matched = true;
    break;
  }
  if (!matched) return { ok: false, reason: 'format' };
  const [startText = '', endText] = timePart.split(/[-–]/);
  const start = parseTime(startText);
  const end = endText === undefined ? undefined : parseTime(endText);
  if (start === null || end === null) return { ok: false, reason: 'format' };
  if (start === 'invalid' || end === 'invalid' || !validDate(y, mo, d)) return { ok: false, reason: 'invalid' };
  const startsAt = zonedInstant(timeZone, y, mo, d, start.h, start.mi);
  const endsAt = end === undefined ? new Date(startsAt.getTime() + DEFAULT_DURATION_MS) : zonedInstant(timeZone, y, mo, d, end.h, end.mi);
  if (startsAt.getTime() <= now.getTime()) return { ok: false, reason: 'past' };
  if (endsAt.getTime() <= startsAt.getTime()) return { ok: false, reason: 'endBeforeStart' };
  return { ok: true, startsAt, endsAt };
}

export interface RsvpEntry {
  readonly userId: number;
  readonly answer: RsvpAnswer;
  readonly waitlisted: boolean;
  /** When the answer was given (the waiting list is served in this order). */
  readonly at: Date;
}

export interface RsvpDecision {
  /** The person's entry after the answer. */
  readonly entry: RsvpEntry;
  /** Their place on the waiting list (1-based) when waitlisted. */
  readonly position: number | null;
  /** People moved from the waiting list to "hadir", in order. */
  readonly promoted: readonly number[];
  /** The answer did not change anything. */
  readonly unchanged: boolean;
}

/** "Hadir" answers that hold a seat. */
export function seatsTaken(entries: readonly RsvpEntry[]): number {
  return entries.filter((e) => e.answer === 'hadir' && !e.waitlisted).length;
}

/** The waiting list, first in line first. */
export function waitingList(entries: readonly RsvpEntry[]): RsvpEntry[] {
  return entries.filter((e) => e.answer === 'hadir' && e.waitlisted).sort((a, b) => a.at.getTime() - b.at.getTime() || a.userId - b.userId);
}

/** Who moves up from the waiting list while seats are free. */
export function promotions(entries: readonly RsvpEntry[], capacity: number | null): number[] {
  const waiting = waitingList(entries);
  const free = capacity === null ? waiting.length : Math.max(0, capacity - seatsTaken(entries));
  return waiting.slice(0, free).map((e) => e.userId);
}

/**
 * A person answers. A "hadir" beyond capacity goes to the end of the waiting list; someone who
 * gives up a seat lets the first in line move up. Repeating an answer changes nothing (a
 * waitlisted person keeps their place).
 */
export function decideRsvp(entries: readonly RsvpEntry[], capacity: number | null, userId: number, answer: RsvpAnswer, at: Date): RsvpDecision {
  const previous = entries.find((e) => e.userId === userId);
  const others = entries.filter((e) => e.userId !== userId);
  if (previous && previous.answer === answer) {
    const position = previous.waitlisted ? waitingList(entries).findIndex((e) => e.userId === userId) + 1 : null;
    return { entry: previous, position, promoted: [], unchanged: true };
  }
  const full = capacity !== null && seatsTaken(others) >= capacity;
  const entry: RsvpEntry = { userId, answer, waitlisted: answer === 'hadir' && full, at };
  const after = [...others, entry];
  const promoted = previous?.answer === 'hadir' && !previous.waitlisted ? promotions(after, capacity) : [];
  const position = entry.waitlisted ? waitingList(after).findIndex((e) => e.userId === userId) + 1 : null;
  return { entry, position, promoted, unchanged: false };
}

export type CheckInWindow = 'early' | 'open' | 'closed';

/** Check-in is open from 30 minutes before the start until the end. */
export function checkInWindow(startsAt: Date, endsAt: Date, now: Date): CheckInWindow {
  const t = now.getTime();
  if (t < startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS) return 'early';
  if (t > endsAt.getTime()) return 'closed';
  return 'open';
}

export function checkInOpensAt(startsAt: Date): Date {
  return new Date(startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS);
}

/** A six-character check-in code from a random token (letters and digits, upper case). */
export function checkInCodeFrom(token: string): string {
  const cleaned = token.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return cleaned.slice(-6).padStart(6, 'K');
}

/** A place answer: a link becomes the online link; "Aula | https://…" gives both. */
export function splitPlace(text: string): { place: string | null; onlineUrl: string | null } {
  const parts = text.split('|').map((p) => p.trim()).filter((p) => p.length > 0);
  let place: string | null = null;
  let onlineUrl: string | null = null;
  for (const part of parts) {
    if (/^https?:\/\/\S+$/i.test(part)) onlineUrl ??= part;
    else place ??= part;
  }
  return { place, onlineUrl };
}
