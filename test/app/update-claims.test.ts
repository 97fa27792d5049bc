import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimUpdate, finishUpdate, pruneUpdateClaims } from '../../src/app/usecases/identify.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => app.close());

describe('update claims (at-least-once delivery handled once)', () => {
  it('skips a finished update, but handles again one a crash left unfinished', async () => {
    expect(await claimUpdate(app.deps, 500)).toBe(true);
    // The process died here: the claim exists, the handling never finished.
    expect(await claimUpdate(app.deps, 500)).toBe(true);
    await finishUpdate(app.deps, 500);
    expect(await claimUpdate(app.deps, 500)).toBe(false);
  });

  it('forgets claims older than a week, since Telegram may reuse ids after a long pause', async () => {
    await claimUpdate(app.deps, 1);
    await finishUpdate(app.deps, 1);
    await app.clock.advance(6 * 86_400_000);
    await claimUpdate(app.deps, 2);
    await app.clock.advance(2 * 86_400_000);
    expect(await pruneUpdateClaims(app.deps)).toBe(1);
    expect(await claimUpdate(app.deps, 1)).toBe(true);
    expect(await claimUpdate(app.deps, 2)).toBe(true);
  });
});
