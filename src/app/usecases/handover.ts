import { reply, type AppDeps, type Outcome } from '../deps.ts';
import type { HandoverRecord, Repositories } from '../ports/repositories.port.ts';
import type { Reply } from '../reply.ts';
import type { Opd, Person } from '../../domain/model.ts';
import { displayName } from '../../domain/model.ts';
import { platforms } from '../../domain/links/index.ts';
import { describeRef, type PersonRef } from './members.ts';
import type { DecisionOutcome } from './join-requests.ts';

/**
 * /serahterima: an OPD's admin duties handed over (serah terima) from one person to another.
 *
 * An admin hands over their own duties (`/serahterima @baru`); a superadmin hands over any OPD's
 * (`/serahterima KODE @baru` when the OPD has exactly one admin, `/serahterima KODE @lama @baru`
 * otherwise). The new person must have opened the bot, and gets Terima / Tolak buttons valid for
 * 48 hours. Accepting makes them the OPD's admin and removes the old one (role none) in one
 * transaction; reports stay with the OPD (they reference it, not the admin's role), and the OPD's
 * official accounts lose their verification date so Diskominfo verifies them again. Someone who is
 * already the admin of another OPD is refused (a move is /pindah's job, and would leave that OPD
 * without notice); superadmins and leaders are refused too. The bot never asks for passwords: both
 * admins get a checklist for handing over account access in person.
 */

export const HANDOVER_CALLBACK_PREFIX = 'ho';
export const HANDOVER_VALID_HOURS = 48;

export function handoverDecisionData(handoverId: number, accept: boolean): string {
  return `${HANDOVER_CALLBACK_PREFIX}:${accept ? 'a' : 'd'}:${handoverId}`;
}

export type HandoverRequest =
  | { readonly kind: 'cancel' }
  /** code: the OPD (superadmins; an admin may name their own); from: the old admin (superadmins). */
  | { readonly kind: 'request'; readonly code: string | null; readonly from: PersonRef | null; readonly to: PersonRef };

function findPerson(repos: Repositories, ref: PersonRef): Promise<Person | null> {
  return 'username' in ref ? repos.users.findByUsername(ref.username) : repos.users.findByTelegramId(ref.telegramId);
}

/** "Rina Wati (@rina)": unescaped; every text escapes it. */
function who(deps: AppDeps, person: Person): string {
  return deps.messages.handover.person(displayName(person), person.username);
}

/** Why `to` cannot take over `opd` from `from`, if they cannot. */
type Obstacle = { readonly kind: 'self' | 'superadmin' | 'leader' } | { readonly kind: 'otherOpd'; readonly otherCode: string };

async function obstacleFor(repos: Repositories, to: Person, from: Person, opd: Opd): Promise<Obstacle | null> {
  if (to.id === from.id) return { kind: 'self' };
  if (to.role === 'superadmin') return { kind: 'superadmin' };
  if (to.role === 'leader') return { kind: 'leader' };
  if (to.role === 'admin' && to.opdId !== null && to.opdId !== opd.id) {
    const other = await repos.opds.findById(to.opdId);
    return { kind: 'otherOpd', otherCode: other?.code ?? '?' };
  }
  return null;
}

type Resolved = { readonly opd: Opd; readonly from: Person } | { readonly refusal: string };

/** Which OPD and which of its admins hand over. */
async function resolveSource(deps: AppDeps, repos: Repositories, actor: Person, code: string | null, fromRef: PersonRef | null): Promise<Resolved> {
  const m = deps.messages;
  if (actor.role === 'admin') {
    if (fromRef !== null) return { refusal: m.handover.adminNamesOwnOnly };
    const own = actor.opdId === null ? null : await repos.opds.findById(actor.opdId);
    if (!own) return { refusal: m.handover.adminWithoutOpd };
    if (code !== null && code !== own.code) return { refusal: m.handover.notYourOpd(code, own.code) };
    return { opd: own, from: actor };
  }
  if (code === null) return { refusal: m.handover.needsOpd };
  const opd = await repos.opds.findByCode(code);
  if (!opd) return { refusal: m.common.unknownOpd(code) };
  if (fromRef !== null) {
    const from = await findPerson(repos, fromRef);
    if (!from) return { refusal: m.common.personNotFound(describeRef(fromRef)) };
    if (from.role !== 'admin' || from.opdId !== opd.id) return { refusal: m.handover.notAdminOf(who(deps, from), opd.code) };
    return { opd, from };
  }
  const admins = await repos.users.listAdmins(opd.id);
  const [only, ...others] = admins;
  if (!only) return { refusal: m.handover.noAdmin(opd.code) };
  if (others.length > 0) return { refusal: m.handover.severalAdmins(opd.code, admins.map((a) => who(deps, a))) };
  return { opd, from: only };
}

/** /serahterima …: asks the new person to accept; they get Terima / Tolak buttons. */
export async function requestHandover(deps: AppDeps, actor: Person, request: Extract<HandoverRequest, { kind: 'request' }>): Promise<Outcome> {
  const m = deps.messages;
  return deps.uow.run(async (repos) => {
    const source = await resolveSource(deps, repos, actor, request.code, request.from);
    if ('refusal' in source) return reply(source.refusal);
    const { opd, from } = source;
    const to = await findPerson(repos, request.to);
    if (!to) return reply(m.handover.unknownNewAdmin(describeRef(request.to), deps.settings.botUsername));
    const obstacle = await obstacleFor(repos, to, from, opd);
    if (obstacle) {
      const refusal = m.handover.refusal;
      if (obstacle.kind === 'self') return reply(refusal.self);
      if (obstacle.kind === 'otherOpd') return reply(refusal.otherOpd(who(deps, to), obstacle.otherCode, opd.code));
      return reply(refusal[obstacle.kind](who(deps, to)));
    }
    const now = deps.clock.now();
    const tz = deps.settings.timezone;
    const pending = await repos.handovers.findPending(opd.id, from.id);
    if (pending && pending.expiresAt > now) {
      const pendingTo = await repos.users.findById(pending.toUserId);
      return reply(m.handover.alreadyPending(opd.code, pendingTo ? who(deps, pendingTo) : '—', deps.messages.format.dateTime(pending.expiresAt, tz)));
    }
    if (pending) await expire(deps, repos, pending, now);
    const expiresAt = new Date(now.getTime() + HANDOVER_VALID_HOURS * 3_600_000);
    const handover = await repos.handovers.create({ opdId: opd.id, fromUserId: from.id, toUserId: to.id, requestedById: actor.id, at: now, expiresAt });
    await repos.audit.record({
      actorId: actor.id,
      action: 'handover.requested',
      subject: `opd:${opd.code}`,
      details: { handoverId: handover.id, from: from.id, to: to.id },
      at: now,
    });
    const until = deps.messages.format.dateTime(expiresAt, tz);
    const replies: Reply[] = [
      { text: m.handover.sent(who(deps, to), opd.code, until) },
      { text: cardText(deps, handover, opd, from, actor), buttons: decisionButtons(deps, handover.id), chatId: to.telegramId },
    ];
    if (actor.id !== from.id) replies.push({ text: m.handover.startedNotice(displayName(actor), who(deps, to), opd.name, opd.code, until), chatId: from.telegramId });
    return { replies };
  });
}

function decisionButtons(deps: AppDeps, handoverId: number): Reply['buttons'] {
  const m = deps.messages.handover;
  return [
    [
      { text: m.acceptButton, callbackData: handoverDecisionData(handoverId, true) },
      { text: m.declineButton, callbackData: handoverDecisionData(handoverId, false) },
    ],
  ];
}

/** The message the new person reads (and, once decided, its edited form without buttons). */
function cardText(deps: AppDeps, handover: HandoverRecord, opd: Opd, from: Person, requester: Person | null): string {
  return deps.messages.handover.card({
    from: who(deps, from),
    requester: requester && requester.id !== from.id ? displayName(requester) : null,
    opdName: opd.name,
    code: opd.code,
    until: deps.messages.format.dateTime(handover.expiresAt, deps.settings.timezone),
  });
}

/** Marks a pending handover expired (if it still is) and writes the audit entry. */
async function expire(deps: AppDeps, repos: Repositories, handover: HandoverRecord, now: Date): Promise<boolean> {
  if (!(await repos.handovers.decide(handover.id, 'expired', now))) return false;
  await repos.audit.record({ actorId: null, action: 'handover.expired', subject: `handover:${handover.id}`, details: { handoverId: handover.id }, at: now });
  return true;
}

/** The Terima / Tolak buttons: only the person named may decide; the first decision wins. */
export async function decideHandover(deps: AppDeps, actor: Person, handoverId: number, accept: boolean): Promise<DecisionOutcome> {
  const m = deps.messages;
  return deps.uow.run(async (repos) => {
    const handover = await repos.handovers.findById(handoverId);
    if (!handover) return { replies: [], answer: m.common.buttonExpired };
    if (handover.toUserId !== actor.id) return { replies: [], answer: m.handover.notForYou };
    if (handover.status !== 'pending') return { replies: [], answer: m.handover.alreadyDecided(handover.status) };
    const [opd, from, requester] = await Promise.all([
      repos.opds.findById(handover.opdId),
      repos.users.findById(handover.fromUserId),
      repos.users.findById(handover.requestedById),
    ]);
    if (!opd || !from || !requester) return { replies: [], answer: m.common.buttonExpired };
    const now = deps.clock.now();
    const card = cardText(deps, handover, opd, from, requester);
    const toName = who(deps, actor);
    // Whoever must hear how it ended: the requester, and the old admin when someone else asked.
    const concerned = requester.id === from.id ? [requester] : [requester, from];

    if (handover.expiresAt <= now) {
      if (!(await expire(deps, repos, handover, now))) return { replies: [], answer: m.common.buttonExpired };
      return {
        replies: [{ text: m.handover.expiredNotice(toName, opd.code), chatId: requester.telegramId }],
        answer: m.handover.expiredAnswer,
        editedText: m.handover.expiredCard(card),
      };
    }

    if (!accept) {
      if (!(await repos.handovers.decide(handover.id, 'declined', now))) return { replies: [], answer: m.handover.alreadyDecided('declined') };
      await repos.audit.record({ actorId: actor.id, action: 'handover.declined', subject: `opd:${opd.code}`, details: { handoverId: handover.id }, at: now });
      return {
        replies: concerned.map((p) => ({ text: m.handover.declinedNotice(toName, who(deps, from), opd.code), chatId: p.telegramId })),
        answer: m.handover.declinedAnswer,
        editedText: m.handover.declinedCard(card),
      };
    }

    // Roles may have changed since the request: check again before anything moves.
    const reason = await voidReason(deps, repos, actor, from, opd);
    if (reason !== null) {
      if (!(await repos.handovers.decide(handover.id, 'cancelled', now))) return { replies: [], answer: m.common.buttonExpired };
      await repos.audit.record({ actorId: actor.id, action: 'handover.void', subject: `opd:${opd.code}`, details: { handoverId: handover.id }, at: now });
      return {
        replies: [{ text: reason }, ...concerned.map((p) => ({ text: m.handover.voidNotice(toName, opd.code), chatId: p.telegramId }))],
        answer: m.handover.voidAnswer,
        editedText: m.handover.voidCard(card),
      };
    }

    if (!(await repos.handovers.decide(handover.id, 'accepted', now))) return { replies: [], answer: m.common.buttonExpired };
    await repos.users.setRole(actor.id, 'admin', opd.id);
    await repos.users.setRole(from.id, 'none', null);
    const reset = await repos.accounts.resetVerification(opd.id);
    const details = { handoverId: handover.id, opd: opd.code, via: 'handover' };
    await repos.audit.record({ actorId: actor.id, action: 'handover.accepted', subject: `opd:${opd.code}`, details: { handoverId: handover.id, from: from.id, to: actor.id, accountsReset: reset }, at: now });
    await repos.audit.record({ actorId: actor.id, action: 'admin.revoked', subject: `user:${from.id}`, details, at: now });
    await repos.audit.record({ actorId: actor.id, action: 'admin.added', subject: `user:${actor.id}`, details, at: now });

    const accounts = (await repos.accounts.listForOpd(opd.id))
      .sort((a, b) => platforms.indexOf(a.platform) - platforms.indexOf(b.platform) || a.handle.localeCompare(b.handle))
      .map((a) => m.accounts.account(a.platform, a.handle, a.url));
    const checklist = m.handover.checklist(opd.code, accounts);
    const superadmins = await repos.users.listByRole('superadmin');
    const fromName = who(deps, from);
    const replies: Reply[] = [
      { text: m.handover.acceptedNew(opd.name, opd.code, fromName, checklist) },
      { text: m.handover.acceptedOld(opd.name, opd.code, toName, checklist), chatId: from.telegramId },
      ...superadmins.map((s) => ({ text: m.handover.acceptedSuperadmin(opd.code, opd.name, fromName, toName, reset), chatId: s.telegramId })),
    ];
    // An admin who asked for it is the old admin (told above); a superadmin hears it as a superadmin.
    if (requester.id !== from.id && requester.role !== 'superadmin') {
      replies.push({ text: m.handover.acceptedRequester(opd.code, fromName, toName), chatId: requester.telegramId });
    }
    return {
      replies,
      roleChanges: [
        { telegramId: actor.telegramId, role: 'admin' },
        { telegramId: from.telegramId, role: 'none' },
      ],
      answer: m.handover.acceptedAnswer,
      editedText: m.handover.acceptedCard(card),
    };
  });
}

/** Why an accepted handover can no longer take effect (told to the person who tapped), if so. */
async function voidReason(deps: AppDeps, repos: Repositories, to: Person, from: Person, opd: Opd): Promise<string | null> {
  const m = deps.messages.handover.voidReason;
  if (from.role !== 'admin' || from.opdId !== opd.id) return m.fromGone(who(deps, from), opd.code);
  const obstacle = await obstacleFor(repos, to, from, opd);
  if (!obstacle) return null;
  // "self" cannot happen here: a handover to its own old admin is never created.
  if (obstacle.kind === 'self') return m.fromGone(who(deps, from), opd.code);
  if (obstacle.kind === 'otherOpd') return m.otherOpd(obstacle.otherCode, opd.code);
  return m[obstacle.kind];
}

/** /serahterima batal: cancels the pending handovers the actor asked for. */
export async function cancelHandovers(deps: AppDeps, actor: Person): Promise<Outcome> {
  const m = deps.messages;
  return deps.uow.run(async (repos) => {
    const now = deps.clock.now();
    const replies: Reply[] = [];
    const items: string[] = [];
    for (const handover of await repos.handovers.pendingRequestedBy(actor.id)) {
      const [opd, to, from] = await Promise.all([
        repos.opds.findById(handover.opdId),
        repos.users.findById(handover.toUserId),
        repos.users.findById(handover.fromUserId),
      ]);
      if (handover.expiresAt <= now) {
        await expire(deps, repos, handover, now);
        continue;
      }
      if (!(await repos.handovers.decide(handover.id, 'cancelled', now))) continue;
      await repos.audit.record({ actorId: actor.id, action: 'handover.cancelled', subject: `opd:${opd?.code ?? handover.opdId}`, details: { handoverId: handover.id }, at: now });
      const code = opd?.code ?? '?';
      items.push(m.handover.cancelledItem(code, to ? who(deps, to) : '—'));
      if (to) replies.push({ text: m.handover.cancelledNotice(code), chatId: to.telegramId });
      if (from && from.id !== actor.id) replies.push({ text: m.handover.cancelledFromNotice(code), chatId: from.telegramId });
    }
    if (items.length === 0) return reply(m.handover.nothingToCancel);
    return { replies: [{ text: m.handover.cancelled(items) }, ...replies] };
  });
}
