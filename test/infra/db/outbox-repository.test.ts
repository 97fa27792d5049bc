import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../src/app/ports/repositories.port.ts';
import { openMigratedDatabase } from '../../../src/infra/db/open.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function database() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kopdar-outbox-repo-'));
  const db = await openMigratedDatabase(`file:${path.join(dir, 'k.db')}`);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => db.close());
  return db;
}

const entry = (chatId: number, dedupeKey?: string): OutboxEntry => ({
  chatId: BigInt(chatId),
  text: `pesan ${chatId}`,
  kind: 'directive',
  lane: 'urgent',
  ...(dedupeKey ? { dedupeKey } : {}),
  ...(chatId % 2 === 0 ? { buttons: [[{ text: 'OK', callbackData: `ok:${chatId}` }]] } : {}),
});

describe('outbox repository: writing many rows at once', () => {
  it('returns each entry its id in entry order (across INSERT chunks), null for dedupe keys already written or repeated', async () => {
    const db = await database();
    const at = new Date('2026-11-23T01:00:00.000Z');
    await db.uow.run((repos) => repos.outbox.add(entry(1, 'k:1'), at));
    const entries = [
      ...Array.from({ length: 250 }, (_, i) => entry(100 + i, `k:${100 + i}`)),
      entry(1, 'k:1'), // written before
      entry(100, 'k:100'), // repeated in this batch: the first wins
      entry(7), // no key: always written
      entry(8),
    ];
    const ids = await db.uow.run((repos) => repos.outbox.addAll(entries, at));
    expect(ids).toHaveLength(entries.length);
    expect(ids.slice(250, 252)).toEqual([null, null]);
    const written = ids.filter((id): id is number => id !== null);
    expect(written).toHaveLength(252);
    expect([...written].sort((a, b) => a - b)).toEqual(written); // ascending = entry order

    const rows = await db.uow.run((repos) => repos.outbox.pending(1000));
    const byId = new Map(rows.map((r) => [r.id, r]));
    entries.forEach((e, i) => {
      const id = ids[i];
      if (id === null || id === undefined) return;
      const row = byId.get(id);
      expect(row?.chatId).toBe(e.chatId);
      expect(row?.text).toBe(e.text);
      expect(row?.buttons).toEqual(e.buttons);
      expect(row?.dedupeKey).toBe(e.dedupeKey);
    });
    expect(await db.uow.run((repos) => repos.outbox.enqueue([entry(5, 'k:5'), entry(5, 'k:5'), entry(1, 'k:1')], at))).toBe(1);
    expect(await db.uow.run((repos) => repos.outbox.addAll([], at))).toEqual([]);
  });
});

describe('outbox repository: reading pending rows', () => {
  it('reads segera (urgent) rows, then penting (high), then the rest, oldest first within each', async () => {
    const db = await database();
    const at = new Date('2026-11-23T01:00:00.000Z');
    await db.uow.run(async (repos) => {
      await repos.outbox.addAll(
        [
          { ...entry(1), lane: 'bulk' },
          { ...entry(2), lane: 'high' },
          { ...entry(3), lane: 'urgent' },
          { ...entry(4), lane: 'bulk' },
          { ...entry(5), lane: 'urgent' },
          { ...entry(6), lane: 'high' },
        ],
        at,
      );
    });
    const pending = await db.uow.run((repos) => repos.outbox.pending(10));
    expect(pending.map((p) => [p.chatId, p.lane])).toEqual([
      [3n, 'urgent'],
      [5n, 'urgent'],
      [2n, 'high'],
      [6n, 'high'],
      [1n, 'bulk'],
      [4n, 'bulk'],
    ]);
    expect((await db.uow.run((repos) => repos.outbox.pending(3))).map((p) => p.chatId)).toEqual([3n, 5n, 2n]);
  });
});
