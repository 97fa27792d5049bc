import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppDeps } from '../../src/app/composition.ts';
import { createRecapRenderer } from '../../src/infra/render/recap-renderer.ts';
import { builtInDefaults, builtInDirectiveSettings, builtInRateLimits } from '../../src/app/settings/definitions.ts';
import type { AppDeps } from '../../src/app/deps.ts';
import { openMigratedDatabase, type Database } from '../../src/infra/db/open.ts';
import type { Person } from '../../src/domain/model.ts';
import type { Role } from '../../src/domain/roles.ts';
import { FakeClock } from './fake-clock.ts';

export interface TestApp {
  readonly deps: AppDeps;
  readonly clock: FakeClock;
  readonly db: Database;
  readonly file: string;
  /** Creates OPDs by code (name = "OPD <code>", type dinas). */
  addOpds(...codes: string[]): Promise<void>;
  /** Creates a person with a role, optionally in an OPD. */
  addPerson(telegramId: number, role: Role, opdCode?: string, firstName?: string): Promise<Person>;
  close(): Promise<void>;
}

/** Use cases over a real, freshly migrated SQLite file and a fake clock. */
export async function createTestApp(options: { superadminIds?: bigint[]; timezone?: string; now?: string } = {}): Promise<TestApp> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kopdar-app-'));
  const file = path.join(dir, 'kopdar.db');
  const db = await openMigratedDatabase(`file:${file}`);
  const clock = new FakeClock(options.now ?? '2026-11-23T02:00:00.000Z');
  let counter = 0;
  const deps = createAppDeps({
    uow: db.uow,
    clock,
    settings: { timezone: options.timezone ?? 'Asia/Jakarta', superadminIds: options.superadminIds ?? [], botUsername: 'kopdar_test_bot', nudgeDefaults: builtInDefaults, directives: builtInDirectiveSettings, rateLimits: builtInRateLimits },
    newToken: () => `token${String(++counter).padStart(6, '0')}`,
    recapRenderer: createRecapRenderer(),
  });
  return {
    deps,
    clock,
    db,
    file,
    async addOpds(...codes) {
      await deps.uow.run(async (repos) => {
        for (const code of codes) await repos.opds.upsert({ code, name: `OPD ${code}`, type: 'dinas' }, clock.now());
      });
    },
    async addPerson(telegramId, role, opdCode, firstName = `Orang${telegramId}`) {
      return deps.uow.run(async (repos) => {
        const person = await repos.users.upsertProfile({ telegramId: BigInt(telegramId), username: `user${telegramId}`, firstName, lastName: null });
        const opd = opdCode ? await repos.opds.findByCode(opdCode) : null;
        return repos.users.setRole(person.id, role, opd?.id ?? null);
      });
    },
    async close() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
