import type { AppDeps } from '../deps.ts';
import type { Repositories, TelegramProfile } from '../ports/repositories.port.ts';
import type { Person } from '../../domain/model.ts';

/**
 * Records who wrote to the bot and applies SUPERADMIN_IDS, the single source of truth for
 * who is a Diskominfo superadmin: listed ids are promoted, others lose the role.
 */
export async function identifyPerson(deps: AppDeps, profile: TelegramProfile): Promise<Person> {
  return deps.uow.run(async (repos) => syncSuperadmin(deps, repos, await repos.users.upsertProfile(profile)));
}

async function syncSuperadmin(deps: AppDeps, repos: Repositories, person: Person): Promise<Person> {
  const listed = deps.settings.superadminIds.includes(person.telegramId);
  if (listed && person.role !== 'superadmin') {
    await repos.audit.record({ actorId: null, action: 'superadmin.granted', subject: `user:${person.id}`, at: deps.clock.now() });
    return repos.users.setRole(person.id, 'superadmin', null);
  }
  if (!listed && person.role === 'superadmin') {
    await repos.audit.record({ actorId: null, action: 'superadmin.revoked', subject: `user:${person.id}`, at: deps.clock.now() });
    return repos.users.setRole(person.id, 'none', null);
  }
  return person;
}

/** At start-up: makes sure every listed superadmin exists and nobody else holds the role. */
export async function bootstrapSuperadmins(deps: AppDeps): Promise<Person[]> {
  return deps.uow.run(async (repos) => {
    for (const former of await repos.users.listByRole('superadmin')) await syncSuperadmin(deps, repos, former);
    const result: Person[] = [];
    for (const telegramId of deps.settings.superadminIds) {
      const known =
        (await repos.users.findByTelegramId(telegramId)) ??
        (await repos.users.upsertProfile({ telegramId, username: null, firstName: 'Superadmin', lastName: null }));
      result.push(await syncSuperadmin(deps, repos, known));
    }
    return result;
  });
}

/** Claims a Telegram update id so that a redelivered update is handled once. */
export function claimUpdate(deps: AppDeps, updateId: number): Promise<boolean> {
  return deps.uow.run((repos) => repos.updates.claim(BigInt(updateId), deps.clock.now()));
}
