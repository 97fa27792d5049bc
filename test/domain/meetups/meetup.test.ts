import { describe, expect, it } from 'vitest';
import { checkInCodeFrom, checkInWindow, decideRsvp, parseMeetupTime, promotions, splitPlace, waitingList, type RsvpEntry } from '../../../src/domain/meetups/meetup.ts';

const now = new Date('2026-11-23T02:00:00.000Z'); // Monday 23 November 2026, 09:00 WIB
const at = (minute: number) => new Date(now.getTime() + minute * 60_000);

describe('parseMeetupTime', () => {
  it('reads day-first and year-first dates in APP_TIMEZONE, two hours by default', () => {
    const a = parseMeetupTime('25-12-2026 14:00', 'Asia/Jakarta', now);
    const b = parseMeetupTime(' 2026-12-25   14.00 ', 'Asia/Jakarta', now);
    expect(a).toEqual({ ok: true, startsAt: new Date('2026-12-25T07:00:00.000Z'), endsAt: new Date('2026-12-25T09:00:00.000Z') });
    expect(b).toEqual(a);
    expect(parseMeetupTime('25/12/2026 14:00', 'Asia/Makassar', now)).toMatchObject({ ok: true, startsAt: new Date('2026-12-25T06:00:00.000Z') });
  });

  it('takes an end time', () => {
    expect(parseMeetupTime('25-12-2026 14:00-16:30', 'Asia/Jakarta', now)).toMatchObject({ ok: true, endsAt: new Date('2026-12-25T09:30:00.000Z') });
    expect(parseMeetupTime('25-12-2026 14:00 s.d. 15:00', 'Asia/Jakarta', now)).toMatchObject({ ok: true, endsAt: new Date('2026-12-25T08:00:00.000Z') });
    expect(parseMeetupTime('25-12-2026 14:00-13:00', 'Asia/Jakarta', now)).toEqual({ ok: false, reason: 'endBeforeStart' });
  });

  it('refuses what is not a date, what is not on the calendar, and the past', () => {
    for (const text of ['besok', '25-12-2026', '14:00', '2026/12/25 14:00 lalu', '25 Desember 2026 14:00']) {
      expect(parseMeetupTime(text, 'Asia/Jakarta', now)).toEqual({ ok: false, reason: 'format' });
    }
    expect(parseMeetupTime('31-02-2026 14:00', 'Asia/Jakarta', now)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseMeetupTime('25-12-2026 24:00', 'Asia/Jakarta', now)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseMeetupTime('23-11-2026 09:00', 'Asia/Jakarta', now)).toEqual({ ok: false, reason: 'past' });
    expect(parseMeetupTime('23-11-2026 09:01', 'Asia/Jakarta', now)).toMatchObject({ ok: true });
  });
});

describe('RSVP with capacity and a waiting list', () => {
  it('fills seats, then queues "hadir" in order; repeating an answer changes nothing', () => {
    let entries: RsvpEntry[] = [];
    const answer = (userId: number, a: 'hadir' | 'tidak' | 'mungkin', minute: number) => {
      const d = decideRsvp(entries, 2, userId, a, at(minute));
      entries = [...entries.filter((e) => e.userId !== userId), d.entry];
      return d;
    };
    expect(answer(1, 'hadir', 0)).toMatchObject({ position: null, unchanged: false });
    expect(answer(2, 'mungkin', 1).entry.waitlisted).toBe(false);
    expect(answer(3, 'hadir', 2).position).toBeNull();
    expect(answer(4, 'hadir', 3)).toMatchObject({ position: 1, entry: { waitlisted: true } });
    expect(answer(5, 'hadir', 4).position).toBe(2);
    expect(answer(4, 'hadir', 5)).toMatchObject({ unchanged: true, position: 1 });
    // A seat given up goes to the first in line.
    const gaveUp = answer(1, 'tidak', 6);
    expect(gaveUp.promoted).toEqual([4]);
    // Someone on the waiting list who changes their mind frees no seat.
    expect(answer(5, 'mungkin', 7).promoted).toEqual([]);
  });

  it('promotes as many as seats free (no capacity: everyone)', () => {
    const entries: RsvpEntry[] = [
      { userId: 1, answer: 'hadir', waitlisted: false, at: at(0) },
      { userId: 3, answer: 'hadir', waitlisted: true, at: at(2) },
      { userId: 2, answer: 'hadir', waitlisted: true, at: at(1) },
    ];
    expect(waitingList(entries).map((e) => e.userId)).toEqual([2, 3]);
    expect(promotions(entries, 2)).toEqual([2]);
    expect(promotions(entries, 1)).toEqual([]);
    expect(promotions(entries, null)).toEqual([2, 3]);
  });
});

describe('check-in window and code', () => {
  const start = new Date('2026-12-25T07:00:00.000Z');
  const end = new Date('2026-12-25T09:00:00.000Z');
  it('opens 30 minutes before the start and closes at the end', () => {
    expect(checkInWindow(start, end, new Date('2026-12-25T06:29:59.000Z'))).toBe('early');
    expect(checkInWindow(start, end, new Date('2026-12-25T06:30:00.000Z'))).toBe('open');
    expect(checkInWindow(start, end, end)).toBe('open');
    expect(checkInWindow(start, end, new Date('2026-12-25T09:00:01.000Z'))).toBe('closed');
  });
  it('makes six upper-case letters and digits', () => {
    expect(checkInCodeFrom('a-b_cdef12')).toBe('CDEF12');
    expect(checkInCodeFrom('ab')).toMatch(/^[A-Z0-9]{6}$/);
  });
  it('splits a place from an online link', () => {
    expect(splitPlace('Aula | https://meet.google.com/x')).toEqual({ place: 'Aula', onlineUrl: 'https://meet.google.com/x' });
    expect(splitPlace('https://zoom.us/j/1')).toEqual({ place: null, onlineUrl: 'https://zoom.us/j/1' });
  });
});
