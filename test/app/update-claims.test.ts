import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markUpdateHandled, pruneUpdateClaims } from '../../src/app/usecases/identify.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => app.close());

describe('update marks (at-least-once delivery handled once)', () => {
  it('handles an update once: a second mark says it was handled', async () => {
    expect(await markUpdateHandled(app.deps, 500)).toBe(true);
    expect(await markUpdateHandled(app.deps, 500)).toBe(false);
    expect(await markUpdateHandled(app.deps, 501)).toBe(true);
  });

  it('handles again an update whose handling failed or crashed: the mark rolls back with the work', async () => {
    await expect(
      app.deps.uow.run(async () => {
        expect(await markUpdateHandled(app.deps, 600)).toBe(true);
        throw new Error('the process died here');
      }),
    ).rejects.toThrow('the process died here');
    expect(await markUpdateHandled(app.deps, 600)).toBe(true);
    expect(await markUpdateHandled(app.deps, 600)).toBe(false);
  });

  it('takes over an update an older version claimed but never finished', async () => {
    const file = new Database(app.file);
    file.prepare(`INSERT INTO "ProcessedUpdate" ("updateId", "status", "processedAt") VALUES (700, 'processing', '2026-11-22T01:00:00.000+00:00')`).run();
    file.close();
    expect(await markUpdateHandled(app.deps, 700)).toBe(true);
    expect(await markUpdateHandled(app.deps, 700)).toBe(false);
  });

  it('forgets marks older than a week, since Telegram may reuse ids after a long pause', async () => {
    await markUpdateHandled(app.deps, 1);
    await app.clock.advance(6 * 86_400_000);
    await markUpdateHandled(app.deps, 2);
    await app.clock.advance(2 * 86_400_000);
    expect(await pruneUpdateClaims(app.deps)).toBe(1);
    expect(await markUpdateHandled(app.deps, 1)).toBe(true);
    expect(await markUpdateHandled(app.deps, 2)).toBe(false);
  });
});
