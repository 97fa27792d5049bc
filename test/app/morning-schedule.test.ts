import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMorningIfDue } from '../../src/app/usecases/nudges.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp({ now: '2026-11-02T01:00:00.000Z' });
  await app.addOpds('DIAM');
  await app.addPerson(2001, 'admin', 'DIAM');
});
afterEach(async () => app.close());

describe('the morning job schedule', () => {
  it('waits for 08:00 local, runs once, and catches up the same day after downtime', async () => {
    app.clock.set('2026-11-23T00:59:00.000Z'); // Monday 07:59 WIB
    expect(await runMorningIfDue(app.deps)).toBeNull();
    // The bot was down at 08:00 and starts at 10:15: the run happens now, once.
    app.clock.set('2026-11-23T03:15:00.000Z');
    const caughtUp = await runMorningIfDue(app.deps);
    expect(caughtUp?.recorded).toBe(1);
    app.clock.set('2026-11-23T03:16:00.000Z');
    expect(await runMorningIfDue(app.deps)).toBeNull();
  });

  it('does not replay a missed day the next morning', async () => {
    // Down all Monday; back on Tuesday at 07:00: nothing for Monday, Tuesday's run at 08:00.
    app.clock.set('2026-11-24T00:00:00.000Z');
    expect(await runMorningIfDue(app.deps)).toBeNull();
    app.clock.set('2026-11-24T01:00:00.000Z');
    const tuesday = await runMorningIfDue(app.deps);
    expect(tuesday?.plan.day).toBe('2026-11-24');
    const monday = await app.deps.uow.run((r) => r.nudges.forDay('2026-11-23'));
    expect(monday).toEqual([]);
  });

  it('honours the configured time and an interrupted run is run again without duplicates', async () => {
    await app.deps.uow.run((r) => r.settings.set('nudge_time', '09:30', null, app.clock.now()));
    app.clock.set('2026-11-23T02:00:00.000Z'); // 09:00 WIB
    expect(await runMorningIfDue(app.deps)).toBeNull();
    // A run that started (claimed) and died before finishing.
    await app.deps.uow.run((r) => r.jobRuns.claim('nudges', '2026-11-23', app.clock.now()));
    app.clock.set('2026-11-23T02:31:00.000Z');
    const rerun = await runMorningIfDue(app.deps);
    expect(rerun?.recorded).toBe(1);
    app.clock.set('2026-11-23T02:32:00.000Z');
    expect(await runMorningIfDue(app.deps)).toBeNull();
  });
});
