import { reply, type AppDeps, type Outcome } from '../../deps.ts';
import { checkInOpensAt, waitingList } from '../../../domain/meetups/meetup.ts';
import { displayName, type Person } from '../../../domain/model.ts';
import { countsOf, meetupCard, meetupWhen } from './render.ts';

/** /kopdar: the upcoming meetups (any registered role). */
export async function listMeetups(deps: AppDeps, actor: Person): Promise<Outcome> {
  const m = deps.messages.meetup;
  return deps.uow.run(async (repos) => {
    const upcoming = await repos.meetups.upcoming(deps.clock.now(), 10);
    const footer = actor.role === 'superadmin' ? m.listFooterSuperadmin : m.listFooter;
    if (upcoming.length === 0) return reply(`${m.listEmpty}\n${footer}`);
    const lines: string[] = [];
    for (const meetup of upcoming) lines.push(m.listLine(meetup.id, meetup.title, meetupWhen(deps, meetup), countsOf(await repos.meetups.rsvps(meetup.id)).hadir));
    return reply([m.listHeader, ...lines, footer].join('\n\n'));
  });
}

/** /kopdar <id>: the card, answers, waiting list, and attendance per OPD against the "hadir" answers. */
export async function meetupStatus(deps: AppDeps, actor: Person, meetupId: number): Promise<Outcome> {
  const m = deps.messages.meetup;
  return deps.uow.run(async (repos) => {
    const meetup = await repos.meetups.find(meetupId);
    if (!meetup) return reply(m.unknown(meetupId));
    const rsvps = await repos.meetups.rsvps(meetup.id);
    const attendance = await repos.meetups.attendance(meetup.id);
    const opds = new Map((await repos.opds.list()).map((o) => [o.id, o.code]));
    const waiting: string[] = [];
    for (const entry of waitingList(rsvps)) {
      const person = await repos.users.findById(entry.userId);
      waiting.push(person ? displayName(person) : '—');
    }
    const said = new Map<string, number>();
    for (const r of rsvps) {
      if (r.answer !== 'hadir' || r.waitlisted) continue;
      const code = r.opdId !== null ? (opds.get(r.opdId) ?? '—') : '—';
      said.set(code, (said.get(code) ?? 0) + 1);
    }
    const came = new Map<string, number>();
    for (const a of attendance) {
      const code = a.opdId !== null ? (opds.get(a.opdId) ?? '—') : '—';
      came.set(code, (came.get(code) ?? 0) + 1);
    }
    const codes = [...new Set([...said.keys(), ...came.keys()])].sort();
    const attendingOpds = [...came.keys()].filter((c) => c !== '—').length;
    const lines = [
      m.statusHeader(meetup.id),
      meetupCard(deps, meetup, countsOf(rsvps)),
      '',
      m.statusWaiting(waiting),
      m.statusAttendance(attendance.length, attendingOpds),
      ...(codes.length > 0 ? codes.map((c) => m.statusOpdLine(c, said.get(c) ?? 0, came.get(c) ?? 0)) : []),
      ...(attendance.length === 0 ? [m.statusNoAttendance] : []),
      ...(actor.role === 'superadmin' ? ['', m.statusCodeHint(meetup.id)] : []),
    ];
    return reply(lines.join('\n'));
  });
}

/** /kopdar <id> kode: the check-in code for the organiser to show. */
export async function meetupCode(deps: AppDeps, meetupId: number): Promise<Outcome> {
  const m = deps.messages.meetup;
  const tz = deps.settings.timezone;
  const meetup = await deps.uow.run((repos) => repos.meetups.find(meetupId));
  if (!meetup) return reply(m.unknown(meetupId));
  if (meetup.status === 'cancelled') return reply(m.alreadyCancelled(meetupId));
  return reply(m.code(meetup.id, meetup.checkInCode, deps.messages.format.dateTime(checkInOpensAt(meetup.startsAt), tz), deps.messages.format.dateTime(meetup.endsAt, tz)));
}
