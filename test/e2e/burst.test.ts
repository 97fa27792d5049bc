import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/kopdar-harness.ts';

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

describe('a burst of updates', () => {
  it('lets replies leave while the rest of the burst is still being handled', async () => {
    h = await startHarness();
    const users = Array.from({ length: 40 }, (_, i) => ({ id: 3000 + i, first_name: `Warga ${i}` }));
    // One poll picks all of them up; they queue for the database one after another.
    for (const from of users) h.tg.sendText({ from, text: '/bantuan' });
    const first = users[0] ?? { id: 0 };
    await h.tg.waitForMessage(first.id, /belum terdaftar/);
    const handled = () => h?.logLines.filter((l) => l.includes('"update.handled"')).length ?? 0;
    // The event loop turns between updates, so the first reply went out long before the last
    // update was handled (rather than all of them at the end of one long stretch of work).
    expect(handled()).toBeLessThan(users.length / 2);
    await h.waitForLog((l) => l.event === 'update.handled', users.length);
    for (const user of users) await h.tg.waitForMessage(user.id, /belum terdaftar/);
    expect(h.tg.stats.rateLimited).toBe(0);
  });
});
