import type { AppDeps } from '../deps.ts';
import type { Repositories, TelegramProfile } from '../ports/repositories.port.ts';
import type { Person } from '../../domain/model.ts';

export interface Identified {
  readonly person: Person;
  /** True when SUPERADMIN_IDS just granted or removed the superadmin role. */
  readonly roleChanged: boolean;
}

/**
 * Records who wrote to the bot and applies SUPERADMIN_IDS, the single source of truth for
 * who is a Diskominfo superadmin: listed ids are promoted, others lose the role.
 */
export async function identifyPerson(deps: AppDeps, profile: TelegramProfile): Promise<Identified> {
  return deps.uow.run(async (repos) => syncSuperadmin(deps, repos, await repos.users.upsertProfile(profile)));
}

async function syncSuperadmin(deps: AppDeps, repos: Repositories, person: Person): Promise<Identified> {
  const listed = deps.settings.superadminIds.includes(person.telegramId);
  if (listed === (person.role === 'superadmin')) return { person, roleChanged: false };
  await repos.audit.record({
    actorId: null,
    action: listed ? 'superadmin.granted' : 'superadmin.revoked',
    subject: `user:${person.id}`,
    at: deps.clock.now(),
  });
  return { person: await repos.users.setRole(person.id, listed ? 'superadmin' : 'none', null), roleChanged: true };
}

export interface SuperadminSync {
  readonly superadmins: readonly Person[];
  /** People who held the role but are no longer listed: their menus must shrink. */
  readonly demoted: readonly Person[];
}

/** At start-up: makes sure every listed superadmin exists and nobody else holds the role. */
export async function bootstrapSuperadmins(deps: AppDeps): Promise<SuperadminSync> {
  return deps.uow.run(async (repos) => {
    const demoted: Person[] = [];
    for (const former of await repos.users.listByRole('superadmin')) {
      const synced = await syncSuperadmin(deps, repos, former);
      if (synced.roleChanged) demoted.push(synced.person);
    }
    const superadmins: Person[] = [];
    for (const telegramId of deps.settings.superadminIds) {
      const known =
        (await repos.users.findByTelegramId(telegramId)) ??
        (await repos.users.upsertProfile({ telegramId, username: null, firstName: 'Superadmin', lastName: null }));
      superadmins.push((await syncSuperadmin(deps, repos, known)).person);
    }
    return { superadmins, demoted };
  });
}

/**
 * Marks a Telegram update as handled, in the transaction that handles it (so call it inside that
 * unit of work). False for a redelivered update that was handled already: skip it. An update whose
 * handling a crash interrupted left no mark and is handled again; /lapor answers a re-run with 🔁.
 */
export function markUpdateHandled(deps: AppDeps, updateId: number): Promise<boolean> {
  return deps.uow.run((repos) => repos.updates.markHandled(BigInt(updateId), deps.clock.now()));
}

/** Claims are kept for a week: Telegram may restart update ids after a longer pause. */
export function pruneUpdateClaims(deps: AppDeps): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - 7 * 86_400_000);
  return deps.uow.run((repos) => repos.updates.pruneBefore(before));
}
