import { reply, type AppDeps, type Outcome } from '../deps.ts';
import { pageButtons } from './pages.ts';
import { pageOf } from '../../domain/text/pages.ts';
import type { Repositories } from '../ports/repositories.port.ts';
import type { Person } from '../../domain/model.ts';
import { displayName } from '../../domain/model.ts';

/** "@budi" or a numeric Telegram id: how a superadmin names a person in a command. */
export type PersonRef = { readonly username: string } | { readonly telegramId: bigint };

export function describeRef(ref: PersonRef): string {
  return 'username' in ref ? `@${ref.username}` : ref.telegramId.toString();
}

async function findPerson(repos: Repositories, ref: PersonRef): Promise<Person | null> {
  return 'username' in ref ? repos.users.findByUsername(ref.username) : repos.users.findByTelegramId(ref.telegramId);
}

/** Removes someone's admin (or leader) role; their past reports stay attributed to the OPD. */
export async function revokeAdmin(deps: AppDeps, actor: Person, ref: PersonRef): Promise<Outcome> {
  const m = deps.messages;
  return deps.uow.run(async (repos) => {
    const target = await findPerson(repos, ref);
    if (!target) return reply(m.common.personNotFound(describeRef(ref)));
    if (target.role === 'superadmin') return reply(m.members.cannotChangeSuperadmin);
    if (target.role === 'leader') {
      await repos.users.setRole(target.id, 'none', null);
      await repos.audit.record({ actorId: actor.id, action: 'leader.revoked', subject: `user:${target.id}`, at: deps.clock.now() });
      return {
        replies: [{ text: m.members.leaderRevoked(displayName(target)) }, { text: m.members.leaderRevokedNotice, chatId: target.telegramId }],
        roleChanges: [{ telegramId: target.telegramId, role: 'none' }],
      };
    }
    const opd = target.opdId === null ? null : await repos.opds.findById(target.opdId);
    if (target.role !== 'admin' || !opd) return reply(m.members.notAdmin(displayName(target)));
    await repos.users.setRole(target.id, 'none', null);
    await repos.audit.record({ actorId: actor.id, action: 'admin.revoked', subject: `user:${target.id}`, details: { opd: opd.code }, at: deps.clock.now() });
    return {
      replies: [
        { text: m.members.revoked(displayName(target), opd.code) },
        { text: m.members.revokedNotice(opd.name), chatId: target.telegramId },
      ],
      roleChanges: [{ telegramId: target.telegramId, role: 'none' }],
    };
  });
}

/** Moves an admin to another OPD; reports already made stay with the old OPD. */
export async function moveAdmin(deps: AppDeps, actor: Person, ref: PersonRef, code: string): Promise<Outcome> {
  const m = deps.messages;
  return deps.uow.run(async (repos) => {
    const target = await findPerson(repos, ref);
    if (!target) return reply(m.common.personNotFound(describeRef(ref)));
    if (target.role === 'superadmin') return reply(m.members.cannotChangeSuperadmin);
    const destination = await repos.opds.findByCode(code);
    if (!destination) return reply(m.common.unknownOpd(code));
    const origin = target.opdId === null ? null : await repos.opds.findById(target.opdId);
    if (target.role !== 'admin' || !origin) return reply(m.members.notAdmin(displayName(target)));
    if (origin.id === destination.id) return reply(m.members.sameOpd(displayName(target), destination.code));
    await repos.users.setRole(target.id, 'admin', destination.id);
    await repos.audit.record({
      actorId: actor.id,
      action: 'admin.moved',
      subject: `user:${target.id}`,
      details: { from: origin.code, to: destination.code },
      at: deps.clock.now(),
    });
    return {
      replies: [
        { text: m.members.moved(displayName(target), origin.code, destination.code) },
        { text: m.members.movedNotice(destination.name, destination.code), chatId: target.telegramId },
      ],
    };
  });
}

/** /saya: who am I to the bot. */
export async function describeMe(deps: AppDeps, actor: Person): Promise<Outcome> {
  const opd = actor.opdId === null ? null : await deps.uow.run((repos) => repos.opds.findById(actor.opdId ?? -1));
  return reply(
    deps.messages.profile.card({
      name: displayName(actor),
      username: actor.username,
      role: actor.role,
      opd: opd ? deps.messages.opdLabel(opd.name, opd.code) : null,
      telegramId: actor.telegramId.toString(),
    }),
  );
}

export const OPD_PAGE_SIZE = 30;

/** /opd: every OPD with its number of admins, for superadmins and leaders, 30 a page. */
export async function listOpdsWithAdmins(deps: AppDeps, page = 1): Promise<Outcome> {
  const m = deps.messages;
  const rows = await deps.uow.run(async (repos) => {
    const opds = await repos.opds.list();
    return Promise.all(opds.map(async (opd) => ({ opd, admins: await repos.opds.countAdmins(opd.id) })));
  });
  if (rows.length === 0) return reply(m.opdList.empty);
  const shown = pageOf(rows, page, OPD_PAGE_SIZE);
  const lines = [m.opdList.header(rows.length), ...shown.items.map((r) => m.opdList.line(r.opd.code, r.opd.name, r.admins))];
  if (shown.pages > 1) lines.push('', m.pages.footer(shown.page, shown.pages, shown.total));
  return reply(lines.join('\n'), { buttons: pageButtons(m, 'opd', shown) });
}
