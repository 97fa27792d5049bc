import { reply, type AppDeps, type Outcome } from '../../deps.ts';
import { checkInOpensAt, checkInWindow } from '../../../domain/meetups/meetup.ts';
import type { Person } from '../../../domain/model.ts';

/**
 * /hadir <kode>: records the person's attendance (and so their OPD's), valid from 30 minutes
 * before the start until the end; outside that window, says when the code is valid.
 */
export async function checkIn(deps: AppDeps, actor: Person, rawCode: string): Promise<Outcome> {
  const m = deps.messages.meetup;
  const code = rawCode.trim().toUpperCase();
  const tz = deps.settings.timezone;
  return deps.uow.run(async (repos) => {
    const now = deps.clock.now();
    const candidates = await repos.meetups.byCheckInCode(code);
    if (candidates.length === 0) return reply(m.unknownCode(rawCode.trim()));
    const meetup = candidates.find((c) => checkInWindow(c.startsAt, c.endsAt, now) === 'open') ?? candidates[0];
    if (!meetup) return reply(m.unknownCode(rawCode.trim()));
    const window = checkInWindow(meetup.startsAt, meetup.endsAt, now);
    if (window === 'early') return reply(m.tooEarly(meetup.id, deps.messages.format.dateTime(checkInOpensAt(meetup.startsAt), tz), deps.messages.format.dateTime(meetup.endsAt, tz)));
    if (window === 'closed') return reply(m.tooLate(meetup.id, deps.messages.format.dateTime(meetup.endsAt, tz)));
    const first = await repos.meetups.addAttendance(meetup.id, { userId: actor.id, opdId: actor.opdId, at: now });
    if (!first) {
      const mine = (await repos.meetups.attendance(meetup.id)).find((a) => a.userId === actor.id);
      return reply(m.alreadyCheckedIn(meetup.id, deps.messages.format.dateTime(mine?.at ?? now, tz)));
    }
    const opd = actor.opdId === null ? null : await repos.opds.findById(actor.opdId);
    await repos.audit.record({ actorId: actor.id, action: 'meetup.checked_in', subject: `meetup:${meetup.id}`, details: { opd: opd?.code ?? null }, at: now });
    return reply(m.checkedIn(meetup.id, meetup.title, opd ? deps.messages.opdLabel(opd.name, opd.code) : null));
  });
}
