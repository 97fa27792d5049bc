import { reply, type AppDeps, type Outcome } from '../deps.ts';
import type { Person } from '../../domain/model.ts';
import { displayName } from '../../domain/model.ts';

export const JOIN_CALLBACK_PREFIX = 'jr';

export function joinDecisionData(requestId: number, approve: boolean): string {
  return `${JOIN_CALLBACK_PREFIX}:${approve ? 'a' : 'r'}:${requestId}`;
}

/** A person asks to become an admin of an OPD; every superadmin gets Approve/Reject buttons. */
export async function requestJoin(deps: AppDeps, actor: Person, code: string): Promise<Outcome> {
  const m = deps.messages;
  return deps.uow.run(async (repos) => {
    if (actor.role === 'superadmin') return reply(m.join.superadminNeedsNoJoin);
    const opd = await repos.opds.findByCode(code);
    if (!opd) return reply(m.common.unknownOpd(code));
    if (actor.role === 'admin' && actor.opdId === opd.id) return reply(m.join.alreadyMember(opd.code));
    const pending = await repos.joinRequests.findPending(actor.id);
    if (pending) {
      const pendingOpd = await repos.opds.findById(pending.opdId);
      return reply(m.join.alreadyPending(pendingOpd?.code ?? opd.code));
    }
    const superadmins = await repos.users.listByRole('superadmin');
    if (superadmins.length === 0) return reply(m.join.noSuperadmin);
    const now = deps.clock.now();
    const request = await repos.joinRequests.create({ userId: actor.id, opdId: opd.id, at: now });
    await repos.audit.record({ actorId: actor.id, action: 'join.requested', subject: `opd:${opd.code}`, details: { requestId: request.id }, at: now });
    const card = m.join.requestCard(displayName(actor), actor.username, actor.telegramId.toString(), opd.name, opd.code);
    const buttons = [
      [
        { text: m.join.approveButton, callbackData: joinDecisionData(request.id, true) },
        { text: m.join.rejectButton, callbackData: joinDecisionData(request.id, false) },
      ],
    ];
    return {
      replies: [
        { text: m.join.sent(opd.name, opd.code) },
        ...superadmins.map((s) => ({ text: card, buttons, chatId: s.telegramId })),
      ],
    };
  });
}

export interface DecisionOutcome extends Outcome {
  /** Short text for the callback answer. */
  readonly answer: string;
  /** New text for the message that carried the buttons (buttons removed), when it changed. */
  readonly editedText?: string;
}

/** A superadmin taps Approve or Reject; the first decision wins, later taps are told so. */
export async function decideJoinRequest(deps: AppDeps, actor: Person, requestId: number, approve: boolean): Promise<DecisionOutcome> {
  const m = deps.messages;
  return deps.uow.run(async (repos) => {
    const request = await repos.joinRequests.findById(requestId);
    if (!request) return { replies: [], answer: m.common.buttonExpired };
    const now = deps.clock.now();
    if (!(await repos.joinRequests.decide(request.id, approve ? 'approved' : 'rejected', actor.id, now))) {
      return { replies: [], answer: m.join.alreadyDecided };
    }
    const requester = await repos.users.findById(request.userId);
    const opd = await repos.opds.findById(request.opdId);
    if (!requester || !opd) return { replies: [], answer: m.common.buttonExpired };
    const card = m.join.requestCard(displayName(requester), requester.username, requester.telegramId.toString(), opd.name, opd.code);
    await repos.audit.record({
      actorId: actor.id,
      action: approve ? 'join.approved' : 'join.rejected',
      subject: `user:${requester.id}`,
      details: { requestId: request.id, opd: opd.code },
      at: now,
    });
    if (!approve) {
      return {
        replies: [{ text: m.join.rejectedNotice(opd.code), chatId: requester.telegramId }],
        answer: m.join.rejectedAnswer,
        editedText: m.join.rejectedCard(card, displayName(actor)),
      };
    }
    // A superadmin or leader keeps their role; only plain members become admins.
    const role = requester.role === 'superadmin' || requester.role === 'leader' ? requester.role : 'admin';
    await repos.users.setRole(requester.id, role, opd.id);
    return {
      replies: [{ text: m.join.approvedNotice(opd.name, opd.code), chatId: requester.telegramId }],
      roleChanges: [{ telegramId: requester.telegramId, role }],
      answer: m.join.approvedAnswer,
      editedText: m.join.approvedCard(card, displayName(actor)),
    };
  });
}
