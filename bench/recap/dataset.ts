/**
 * The monthly recap's data set: OPDs with one admin each, reports spread over November 2026 at
 * random local hours on random days (more on working days), a few directives with deliveries,
 * acknowledgements and follow-ups, some OPD leave and a holiday. Written with raw better-sqlite3
 * in one transaction (seconds), into a database migrated by the app's own runner.
 */
import BetterSqlite3 from 'better-sqlite3';
import { mulberry32 } from '../../test/helpers/prng.ts';
import { openMigratedDatabase } from '../../src/infra/db/open.ts';

export const RECAP_MONTH = '2026-11';
/** The bench's "now": 1 December 2026, 09:00 WIB, when the monthly report of November is made. */
export const RECAP_NOW = '2026-12-01T02:00:00.000Z';
export const RECAP_TZ = 'Asia/Jakarta';

export interface RecapDatasetOptions {
  readonly opds: number;
  readonly reports: number;
  readonly directives: number;
  readonly seed: number;
}

export const defaultRecapDataset: RecapDatasetOptions = { opds: 500, reports: 200_000, directives: 20, seed: 20_261_201 };

const platforms = ['instagram', 'instagram', 'instagram', 'facebook', 'facebook', 'tiktok', 'youtube', 'x', 'threads'] as const;

export async function buildRecapDataset(file: string, options: RecapDatasetOptions): Promise<{ readonly ms: number }> {
  const started = performance.now();
  const opened = await openMigratedDatabase(`file:${file}`);
  await opened.close();
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  const random = mulberry32(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const iso = (day: number, hourUtc: number, minute: number) => new Date(Date.UTC(2026, 10, day, hourUtc, minute)).toISOString();
  const longAgo = '2026-01-01T00:00:00.000Z';

  db.transaction(() => {
    const opd = db.prepare('INSERT INTO Opd (code, name, type, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)');
    const user = db.prepare("INSERT INTO User (telegramId, username, firstName, role, opdId, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)");
    const account = db.prepare('INSERT INTO OfficialAccount (opdId, platform, handle, url, lastVerifiedAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const report = db.prepare(
      'INSERT INTO Report (opdId, reporterId, platform, canonicalUrl, originalUrl, directiveId, accountHandle, accountUnregistered, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const superadmin = Number(user.run(9_000_000_001, 'diskominfo', 'Diskominfo', 'superadmin', null, longAgo, longAgo).lastInsertRowid);
    const opdIds: number[] = [];
    const adminIds: number[] = [];
    for (let i = 0; i < options.opds; i++) {
      const code = `OPD${String(i + 1).padStart(4, '0')}`;
      const opdId = Number(opd.run(code, `Perangkat Daerah ${i + 1}`, pick(['dinas', 'badan', 'kecamatan', 'bagian']), longAgo, longAgo).lastInsertRowid);
      opdIds.push(opdId);
      adminIds.push(Number(user.run(8_000_000_000 + i, `admin${i + 1}`, `Admin ${i + 1}`, 'admin', opdId, longAgo, longAgo).lastInsertRowid));
      if (random() < 0.8) account.run(opdId, 'instagram', `${code.toLowerCase()}.ig`, `https://www.instagram.com/${code.toLowerCase()}.ig/`, longAgo, longAgo, longAgo);
      if (random() < 0.6) account.run(opdId, 'facebook', `${code.toLowerCase()}.fb`, `https://www.facebook.com/${code.toLowerCase()}.fb`, longAgo, longAgo, longAgo);
    }
    // Activity is uneven, as in a real regency: a few OPDs post a lot, many a little, some never.
    const weights = opdIds.map((_, i) => (i % 10 === 9 ? 0 : 1 / (1 + (i % 37))));
    const total = weights.reduce((a, b) => a + b, 0);
    const cumulative: number[] = [];
    weights.reduce((sum, w, i) => (cumulative[i] = sum + w / total), 0);
    const pickOpd = (): number => {
      const r = random();
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] ?? 1) < r) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };

    const directive = db.prepare(
      "INSERT INTO Directive (authorId, fromLeader, text, priority, audience, requireAck, status, createdAt, sentAt) VALUES (?, ?, ?, ?, '{\"kind\":\"all\"}', 1, 'sent', ?, ?)",
    );
    const outbox = db.prepare("INSERT INTO OutboxMessage (chatId, text, lane, kind, status, createdAt, sentAt) VALUES (?, 'arahan', 'high', 'directive', 'sent', ?, ?)");
    const delivery = db.prepare('INSERT INTO DirectiveDelivery (directiveId, opdId, userId, chatId, outboxId) VALUES (?, ?, ?, ?, ?)');
    const ack = db.prepare('INSERT INTO DirectiveAck (directiveId, opdId, userId, at) VALUES (?, ?, ?, ?)');
    const directiveIds: number[] = [];
    for (let d = 0; d < options.directives; d++) {
      const sent = iso(2 + Math.floor((d * 27) / options.directives), 2, 0);
      const directiveId = Number(directive.run(superadmin, d % 4 === 0 ? 1 : 0, `Arahan nomor ${d + 1}\nMohon diunggah.`, pick(['biasa', 'penting', 'segera']), sent, sent).lastInsertRowid);
      directiveIds.push(directiveId);
      opdIds.forEach((opdId, i) => {
        const outboxId = Number(outbox.run(8_000_000_000 + i, sent, sent).lastInsertRowid);
        delivery.run(directiveId, opdId, adminIds[i], 8_000_000_000 + i, outboxId);
        if (random() < 0.7) ack.run(directiveId, opdId, adminIds[i], sent);
      });
    }

    for (let n = 0; n < options.reports; n++) {
      const index = pickOpd();
      let day = 1 + Math.floor(random() * 30);
      const weekday = new Date(Date.UTC(2026, 10, day)).getUTCDay();
      if ((weekday === 0 || weekday === 6) && random() < 0.7) day = Math.min(30, day + 2);
      const platform = pick(platforms);
      const url = `https://www.instagram.com/p/B${n.toString(36)}/`;
      const followUp = random() < 0.02 ? (pick(directiveIds) ?? null) : null;
      const unregistered = random() < 0.03;
      report.run(opdIds[index], adminIds[index], platform, url, url, followUp, unregistered ? 'akun.lain' : null, unregistered ? 1 : 0, iso(day, Math.floor(random() * 24), Math.floor(random() * 60)));
    }
    db.prepare("INSERT INTO Holiday (date, name, createdAt) VALUES ('2026-11-17', 'Hari Jadi Kabupaten', ?)").run(longAgo);
    const leave = db.prepare("INSERT INTO Leave (opdId, fromDate, untilDate, reason, createdById, createdAt) VALUES (?, ?, ?, 'Pelatihan', ?, ?)");
    for (let i = 0; i < opdIds.length; i += 25) leave.run(opdIds[i], '2026-11-09', '2026-11-13', superadmin, longAgo);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { ms: performance.now() - started };
}
