import { reply, type AppDeps, type Outcome } from '../deps.ts';
import type { Person } from '../../domain/model.ts';
import { displayName } from '../../domain/model.ts';

export const INVITATION_VALIDITY_DAYS = 7;

/** An admin of an OPD, or a leader — optionally the head of an OPD, who gets its escalations. */
export type InvitationTarget = { readonly kind: 'opd'; readonly code: string } | { readonly kind: 'leader'; readonly headOf: string | null };

export function deepLink(botUsername: string, token: string): string {
  return `https://t.me/${botUsername}?start=${token}`;
}

/** A superadmin creates a one-time link that makes whoever opens it an admin (or a leader). */
export interface InvitationOutcome extends Outcome {
  readonly link?: string;
}

export async function createInvitation(deps: AppDeps, actor: Person, target: InvitationTarget): Promise<InvitationOutcome> {
  const m = deps.messages;
  return deps.uow.run(async (repos) => {
    const now = deps.clock.now();
    const expiresAt = new Date(now.getTime() + INVITATION_VALIDITY_DAYS * 86_400_000);
    const code = target.kind === 'opd' ? target.code : target.headOf;
    const opd = code ? await repos.opds.findByCode(code) : null;
    if (code && !opd) return reply(m.common.unknownOpd(code));
    const token = deps.newToken();
    await repos.invitations.create({
      token,
      role: target.kind === 'opd' ? 'admin' : 'leader',
      opdId: opd?.id ?? null,
      createdById: actor.id,
      expiresAt,
    });
    await repos.audit.record({
      actorId: actor.id,
      action: 'invitation.created',
      subject: target.kind === 'leader' ? `role:leader${opd ? `:${opd.code}` : ''}` : `opd:${opd?.code ?? ''}`,
      details: { expiresAt: expiresAt.toISOString() },
      at: now,
    });
    const label =
      target.kind === 'opd' && opd ? m.invite.adminTarget(opd.name, opd.code) : opd ? m.invite.headTarget(opd.name, opd.code) : m.invite.leaderTarget;
    const link = deepLink(deps.settings.botUsername, token);
    return { replies: [{ text: m.invite.created(label, link, deps.messages.format.dateTime(expiresAt, deps.settings.timezone)) }], link };
  });
}

/** Someone opened a deep link: validate the token once and give them their role. */
export async function acceptInvitation(deps: AppDeps, actor: Person, token: string): Promise<Outcome> {
  const m = deps.messages;
  return deps.uow.run(async (repos) => {
    const now = deps.clock.now();
    const invitation = await repos.invitations.findByToken(token);
    if (!invitation) return reply(m.start.invitationInvalid);
    if (invitation.usedAt) return reply(m.start.invitationUsed);
    if (invitation.expiresAt.getTime() <= now.getTime()) return reply(m.start.invitationExpired);
    if (actor.role === 'superadmin') return reply(m.start.invitationNotForSuperadmin);
    if (actor.role === 'leader' && invitation.role === 'admin') return reply(m.start.invitationNotForLeader);
    if (!(await repos.invitations.markUsed(invitation.id, actor.id, now))) return reply(m.start.invitationUsed);

    const inviter = await repos.users.findById(invitation.createdById);
    const name = displayName(actor);
    if (invitation.role === 'leader') {
      // A leader invited as an OPD's head is linked to it and receives its escalations.
      await repos.users.setRole(actor.id, 'leader', invitation.opdId);
      await repos.audit.record({ actorId: actor.id, action: 'invitation.accepted', subject: 'role:leader', details: { invitationId: invitation.id }, at: now });
      return {
        replies: [
          { text: m.start.leaderInvitationAccepted(name) },
          ...(inviter ? [{ text: m.start.inviterLeaderNotice(name), chatId: inviter.telegramId }] : []),
        ],
        roleChanges: [{ telegramId: actor.telegramId, role: 'leader' }],
      };
    }
    const opd = invitation.opdId === null ? null : await repos.opds.findById(invitation.opdId);
    if (!opd) return reply(m.start.invitationInvalid);
    const previousOpd = actor.role === 'admin' && actor.opdId !== null && actor.opdId !== opd.id ? await repos.opds.findById(actor.opdId) : null;
    await repos.users.setRole(actor.id, 'admin', opd.id);
    await repos.audit.record({
      actorId: actor.id,
      action: 'invitation.accepted',
      subject: `opd:${opd.code}`,
      details: { invitationId: invitation.id, previousOpdId: actor.opdId, previousRole: actor.role },
      at: now,
    });
    return {
      replies: [
        { text: previousOpd ? m.start.invitationMoved(name, previousOpd.code, opd.name, opd.code) : m.start.invitationAccepted(name, opd.name, opd.code) },
        ...(inviter ? [{ text: m.start.inviterNotice(name, opd.code), chatId: inviter.telegramId }] : []),
      ],
      roleChanges: [{ telegramId: actor.telegramId, role: 'admin' }],
    };
  });
}
