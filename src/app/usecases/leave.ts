import { reply, type AppDeps, type Outcome } from '../deps.ts';
import type { LeaveRecord, Repositories } from '../ports/repositories.port.ts';
import type { Reply } from '../reply.ts';
import { displayName, type Opd, type Person } from '../../domain/model.ts';
import { addDays, type LocalDate } from '../../domain/calendar/local-date.ts';
import { checkLeaveEnd, MAX_LEAVE_REASON_LENGTH, oneYearAfter } from '../../domain/calendar/leave.ts';
import { describeRef, type PersonRef } from './members.ts';
import { todayIn } from '../today.ts';

/** Whose leave: a whole OPD, or one admin (see src/domain/calendar/leave.ts for the rule). */
export type LeaveTarget = { readonly kind: 'opd'; readonly code: string } | { readonly kind: 'admin'; readonly ref: PersonRef };

/** How far ahead /cuti looks for current and upcoming leave (leave lasts at most a year). */
const LOOK_AHEAD_DAYS = 400;

type Resolved = { readonly opd: Opd; readonly admin: null } | { readonly opd: Opd; readonly admin: Person } | { readonly problem: string };

async function resolveTarget(deps: AppDeps, repos: Repositories, target: LeaveTarget): Promise<Resolved> {
  const m = deps.messages;
  if (target.kind === 'opd') {
    const opd = await repos.opds.findByCode(target.code);
    return opd ? { opd, admin: null } : { problem: m.common.unknownOpd(target.code) };
  }
  const ref = target.ref;
  const person = 'username' in ref ? await repos.users.findByUsername(ref.username) : await repos.users.findByTelegramId(ref.telegramId);
  if (!person) return { problem: m.common.personNotFound(describeRef(ref)) };
  const opd = person.role === 'admin' && person.opdId !== null ? await repos.opds.findById(person.opdId) : null;
  if (!opd) return { problem: m.leave.notAdmin(displayName(person)) };
  return { opd, admin: person };
}

function targetLabel(deps: AppDeps, target: { opd: Opd; admin: Person | null }): string {
  const m = deps.messages;
  return target.admin ? m.leave.adminTarget(displayName(target.admin), target.opd.code) : m.leave.opdTarget(target.opd.code, target.opd.name);
}

/**
 * /cuti <KODE|@admin> <sampai> <alasan>: records leave from today until `until` (inclusive),
 * at most a year ahead, and tells the people concerned.
 */
export async function recordLeave(deps: AppDeps, actor: Person, target: LeaveTarget, until: string, rawReason: string): Promise<Outcome> {
  const m = deps.messages;
  const today = todayIn(deps);
  const problem = checkLeaveEnd(today, until);
  if (problem === 'not_a_date') return reply(m.leave.invalidDate(until));
  if (problem === 'in_the_past') return reply(m.leave.inThePast(until, today));
  if (problem === 'too_far') return reply(m.leave.tooFar(oneYearAfter(today)));
  const reason = rawReason.trim().replace(/\s+/g, ' ');
  if (!reason) return reply(m.leave.missingReason);
  if (reason.length > MAX_LEAVE_REASON_LENGTH) return reply(m.leave.reasonTooLong(MAX_LEAVE_REASON_LENGTH));

  return deps.uow.run(async (repos) => {
    const resolved = await resolveTarget(deps, repos, target);
    if ('problem' in resolved) return reply(resolved.problem);
    const now = deps.clock.now();
    const leave = await repos.leaves.create({
      opdId: resolved.admin ? null : resolved.opd.id,
      userId: resolved.admin ? resolved.admin.id : null,
      fromDate: today,
      untilDate: until,
      reason,
      createdById: actor.id,
      at: now,
    });
    await repos.audit.record({
      actorId: actor.id,
      action: 'leave.recorded',
      subject: resolved.admin ? `user:${resolved.admin.id}` : `opd:${resolved.opd.id}`,
      details: { leaveId: leave.id, opd: resolved.opd.code, from: today, until, reason },
      at: now,
    });
    const label = targetLabel(deps, resolved);
    if (resolved.admin) {
      const notices: Reply[] = resolved.admin.telegramId === actor.telegramId ? [] : [{ text: m.leave.noticeAdmin(until), chatId: resolved.admin.telegramId }];
      return { replies: [{ text: m.leave.recordedAdmin(label, today, until, reason, resolved.opd.code) }, ...notices] };
    }
    const admins = await repos.users.listAdmins(resolved.opd.id);
    return {
      replies: [
        { text: m.leave.recordedOpd(label, today, until, reason) },
        ...admins.map((a) => ({ text: m.leave.noticeOpd(resolved.opd.name, until), chatId: a.telegramId })),
      ],
    };
  });
}

/** Leave that has not ended yet (today or later), oldest first. */
async function currentAndUpcoming(repos: Repositories, today: LocalDate): Promise<LeaveRecord[]> {
  return repos.leaves.overlapping(today, addDays(today, LOOK_AHEAD_DAYS));
}

/** /cuti: current and upcoming leave, with whom it concerns and why. */
export async function listLeave(deps: AppDeps): Promise<Outcome> {
  const m = deps.messages;
  const today = todayIn(deps);
  const lines = await deps.uow.run(async (repos) => {
    const leaves = await currentAndUpcoming(repos, today);
    const opds = new Map((await repos.opds.list()).map((o) => [o.id, o]));
    return Promise.all(
      leaves
        .sort((a, b) => (a.untilDate < b.untilDate ? -1 : a.untilDate > b.untilDate ? 1 : a.id - b.id))
        .map(async (leave) => {
          let label: string;
          if (leave.userId !== null) {
            const person = await repos.users.findById(leave.userId);
            const opd = person?.opdId != null ? opds.get(person.opdId) : undefined;
            label = person && opd ? m.leave.adminTarget(displayName(person), opd.code) : m.leave.unknownTarget(person ? displayName(person) : `#${leave.userId}`);
          } else {
            const opd = leave.opdId === null ? undefined : opds.get(leave.opdId);
            label = opd ? m.leave.opdTarget(opd.code, opd.name) : m.leave.unknownTarget(`OPD #${leave.opdId ?? '?'}`);
          }
          return m.leave.line(label, leave.userId !== null ? 'admin' : 'opd', leave.fromDate, leave.untilDate, leave.reason);
        }),
    );
  });
  if (lines.length === 0) return reply([m.leave.empty, '', m.leave.listFooter].join('\n'));
  return reply([m.leave.header(lines.length), ...lines, '', m.leave.listFooter].join('\n'));
}

/** /cuti selesai <KODE|@admin>: ends the target's current and upcoming leave; from today it counts again. */
export async function endLeave(deps: AppDeps, actor: Person, target: LeaveTarget): Promise<Outcome> {
  const m = deps.messages;
  const today = todayIn(deps);
  const yesterday = addDays(today, -1);
  return deps.uow.run(async (repos) => {
    const resolved = await resolveTarget(deps, repos, target);
    if ('problem' in resolved) return reply(resolved.problem);
    const label = targetLabel(deps, resolved);
    const mine = (await currentAndUpcoming(repos, today)).filter((l) => (resolved.admin ? l.userId === resolved.admin.id : l.userId === null && l.opdId === resolved.opd.id));
    if (mine.length === 0) return reply(m.leave.nothingToEnd(label));
    for (const leave of mine) await repos.leaves.endEarly(leave.id, yesterday);
    await repos.audit.record({
      actorId: actor.id,
      action: 'leave.ended',
      subject: resolved.admin ? `user:${resolved.admin.id}` : `opd:${resolved.opd.id}`,
      details: { leaveIds: mine.map((l) => l.id), lastDay: yesterday },
      at: deps.clock.now(),
    });
    return reply(m.leave.ended(label, mine.length));
  });
}
