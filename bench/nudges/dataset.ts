/**
 * The nudge benchmark's data set: 25,000 OPDs, ~30,000 admins, 5,000,000 reports over the last
 * 365 days, holidays and leave, written straight into a migrated SQLite file with better-sqlite3
 * (prepared statements, big transactions). Deterministic (seeded), and cached under
 * bench/.cache/ keyed by the parameters, this file's version and the migrations' checksums, so a
 * re-run skips the build.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { addDays, weekdayOf, type LocalDate } from '../../src/domain/calendar/local-date.ts';
import { migrateSqlite, readMigrations } from '../../src/infra/db/migrate.ts';
import { mulberry32 } from '../../test/helpers/prng.ts';

/** Bump when the generator changes in a way that changes the data. */
const GENERATOR_VERSION = 1;

export interface DatasetOptions {
  readonly opds: number;
  readonly admins: number;
  readonly reports: number;
  readonly seed: number;
}

export const defaultDataset: DatasetOptions = { opds: 25_000, admins: 30_000, reports: 5_000_000, seed: 20_261_123 };

/** The benchmark's "today": Monday 23 November 2026, 08:00 WIB (a working day, not a holiday). */
export const BENCH_DAY: LocalDate = '2026-11-23';
export const BENCH_NOW = '2026-11-23T01:00:00.000Z';
export const BENCH_TZ = 'Asia/Jakarta';
const TZ_OFFSET_MS = 7 * 3_600_000; // WIB, no DST
const DAY_MS = 86_400_000;

/** Holidays of the past year (Indonesian-style dates); none is the benchmark day. */
const HOLIDAYS: readonly [LocalDate, string][] = [
  ['2025-12-25', 'Natal'],
  ['2025-12-26', 'Cuti bersama Natal'],
  ['2026-01-01', 'Tahun Baru'],
  ['2026-01-16', 'Isra Mikraj'],
  ['2026-02-17', 'Tahun Baru Imlek'],
  ['2026-03-19', 'Nyepi'],
  ['2026-03-20', 'Idul Fitri'],
  ['2026-03-23', 'Cuti bersama Idul Fitri'],
  ['2026-03-24', 'Cuti bersama Idul Fitri'],
  ['2026-04-03', 'Wafat Yesus Kristus'],
  ['2026-05-01', 'Hari Buruh'],
  ['2026-05-14', 'Kenaikan Yesus Kristus'],
  ['2026-05-27', 'Idul Adha'],
  ['2026-05-31', 'Waisak'],
  ['2026-06-01', 'Hari Lahir Pancasila'],
  ['2026-06-16', 'Tahun Baru Islam'],
  ['2026-08-17', 'Hari Kemerdekaan'],
  ['2026-08-25', 'Maulid Nabi'],
  ['2026-11-10', 'Hari jadi kabupaten (bench)'],
];

export interface DatasetInfo {
  readonly file: string;
  readonly built: boolean;
  /** Build time in ms (0 when the cached file was used). */
  readonly buildMs: number;
  readonly bytes: number;
  readonly counts: Record<string, number>;
  /** How the OPDs were laid out (by intended silence). */
  readonly profile: Record<string, number>;
}


/** How Prisma's SQLite adapter stores a DateTime: ISO-8601 with "+00:00" instead of "Z". */
export function sqliteDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

/** UTC instant of a local (WIB) day's midnight. */
function localMidnight(day: LocalDate): number {
  return Date.parse(`${day}T00:00:00.000Z`) - TZ_OFFSET_MS;
}

const holidaySet = new Set(HOLIDAYS.map(([d]) => d));
const isWorking = (day: LocalDate) => weekdayOf(day) <= 5 && !holidaySet.has(day);

/** The day whose silence today is `silence`: `silence` working days lie strictly between it and today. */
function dayWithSilence(silence: number): LocalDate {
  // Silence 0: the previous working day. Each further working day back adds one.
  let day = addDays(BENCH_DAY, -1);
  while (!isWorking(day)) day = addDays(day, -1);
  for (let s = 0; s < silence; s++) {
    day = addDays(day, -1);
    while (!isWorking(day)) day = addDays(day, -1);
  }
  return day;
}

export function cacheKey(options: DatasetOptions): string {
  const migrations = readMigrations().map((m) => `${m.name}:${m.checksum}`);
  return createHash('sha256')
    .update(JSON.stringify({ GENERATOR_VERSION, options, day: BENCH_DAY, migrations }))
    .digest('hex')
    .slice(0, 12);
}

export const cacheDir = path.join(import.meta.dirname, '..', '.cache');

/** Returns the cached data set for these options, building it first when absent. */
export function ensureDataset(options: DatasetOptions = defaultDataset, log: (line: string) => void = () => {}): DatasetInfo {
  mkdirSync(cacheDir, { recursive: true });
  // The name says the size; the hash covers the generator, the day and the schema.
  const sized = `nudges-${options.opds}x${options.reports}-s${options.seed}-`;
  const file = path.join(cacheDir, `${sized}${cacheKey(options)}.db`);
  let built = false;
  let buildMs = 0;
  if (!existsSync(file)) {
    // Outdated builds of the same size are dead weight (1.5 GB at full size).
    for (const name of readdirSync(cacheDir)) if (name.startsWith(sized)) rmSync(path.join(cacheDir, name), { force: true });
    const started = performance.now();
    const partial = `${file}.partial`;
    for (const suffix of ['', '-wal', '-shm', '.profile.json']) rmSync(partial + suffix, { force: true });
    build(partial, options, log);
    renameSync(profileFile(partial), profileFile(file));
    renameSync(partial, file);
    buildMs = performance.now() - started;
    built = true;
  }
  const db = new Database(file, { readonly: true });
  try {
    const count = (table: string, where = '') => (db.prepare(`SELECT COUNT(*) AS n FROM "${table}" ${where}`).get() as { n: number }).n;
    const counts = {
      opds: count('Opd'),
      activeOpds: count('Opd', 'WHERE active = 1'),
      admins: count('User', "WHERE role = 'admin'"),
      heads: count('User', "WHERE role = 'leader'"),
      superadmins: count('User', "WHERE role = 'superadmin'"),
      opdsWithoutAdmin: count('Opd', `WHERE active = 1 AND id NOT IN (SELECT opdId FROM "User" WHERE role = 'admin' AND opdId IS NOT NULL)`),
      opdsNeverReported: count('Opd', 'WHERE lastReportAt IS NULL'),
      reports: (db.prepare('SELECT MAX(id) AS n FROM "Report"').get() as { n: number }).n,
      holidays: count('Holiday'),
      leaves: count('Leave'),
    };
    const profile = existsSync(profileFile(file)) ? (JSON.parse(readFileSync(profileFile(file), 'utf8')) as Record<string, number>) : {};
    return { file, built, buildMs, bytes: statSync(file).size, counts, profile };
  } finally {
    db.close();
  }
}

function build(file: string, options: DatasetOptions, log: (line: string) => void): void {
  const t0 = performance.now();
  const lap = (what: string) => log(`  ${what} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  migrateSqlite(file);
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -262144'); // 256 MB, for the index builds
  db.pragma('temp_store = MEMORY');
  db.pragma('threads = 2'); // lets CREATE INDEX sort with a helper thread
  const random = mulberry32(options.seed);
  const nowMs = Date.parse(BENCH_NOW);
  const yearAgo = nowMs - 365 * DAY_MS;
  const profile: Record<string, number> = {};

  // OPDs: created a year ago (within a week), 1% inactive.
  const insertOpd = db.prepare('INSERT INTO "Opd" (id, code, name, type, active, createdAt, updatedAt, lastReportAt) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)');
  const types = ['dinas', 'badan', 'kecamatan', 'kelurahan', 'sekretariat', 'rsud'];
  const opdCreated = new Float64Array(options.opds + 1);
  db.transaction(() => {
    for (let id = 1; id <= options.opds; id++) {
      const created = yearAgo - Math.floor(random() * 7 * DAY_MS);
      opdCreated[id] = created;
      const code = `OPD${String(id).padStart(5, '0')}`;
      insertOpd.run(id, code, `Perangkat Daerah ${code}`, types[id % types.length], random() < 0.01 ? 0 : 1, sqliteDateTime(created), sqliteDateTime(created));
    }
  })();
  lap(`${options.opds} OPDs`);

  // People: superadmins, admins (8% of OPDs get none, the rest one, extras spread at random),
  // heads (role leader) for ~12% of OPDs, and one former admin (role none) who reported for OPDs
  // that have no admin now.
  const insertUser = db.prepare('INSERT INTO "User" (id, telegramId, username, firstName, lastName, role, opdId, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const adminsOf: number[][] = Array.from({ length: options.opds + 1 }, () => []);
  let userId = 0;
  const stamp = sqliteDateTime(yearAgo);
  let withoutAdmin = 0;
  db.transaction(() => {
    const add = (role: string, opdId: number | null) => {
      userId++;
      insertUser.run(userId, 1_000_000_000 + userId, `bench_user_${userId}`, `Nama${userId}`, random() < 0.5 ? null : `Belakang${userId}`, role, opdId, stamp, stamp);
      if (role === 'admin' && opdId !== null) adminsOf[opdId]?.push(userId);
      return userId;
    };
    for (let i = 0; i < 5; i++) add('superadmin', null);
    const staffed: number[] = [];
    for (let id = 1; id <= options.opds; id++) {
      if (random() < 0.08) {
        withoutAdmin++;
        continue;
      }
      staffed.push(id);
      add('admin', id);
    }
    for (let extra = staffed.length; extra < options.admins; extra++) add('admin', staffed[Math.floor(random() * staffed.length)] ?? 1);
    for (let id = 1; id <= options.opds; id++) if (random() < 0.12) add('leader', id);
  })();
  const formerAdmin = userId + 1;
  insertUser.run(formerAdmin, 1_000_000_000 + formerAdmin, null, 'Mantan admin', null, 'none', null, stamp, stamp);
  userId = formerAdmin;
  profile.withoutAdmin = withoutAdmin;
  lap(`${userId} users`);

  // Each OPD's intended silence (working days before today, as runNudges counts it):
  // 4% never reported, 46% on target (0), 15% friendly (1–2), 15% firm (3–6), 20% escalation
  // (7 to ~200, skewed towards the short end).
  const lastReport = new Float64Array(options.opds + 1); // 0 = never
  const silenceDays = new Map<number, LocalDate>();
  const lastDayFor = (s: number) => {
    let d = silenceDays.get(s);
    if (!d) silenceDays.set(s, (d = dayWithSilence(s)));
    return d;
  };
  for (let id = 1; id <= options.opds; id++) {
    const r = random();
    let silence: number;
    if (r < 0.04) {
      profile.never = (profile.never ?? 0) + 1;
      continue;
    } else if (r < 0.5) {
      silence = 0;
      profile.onTarget = (profile.onTarget ?? 0) + 1;
    } else if (r < 0.65) {
      silence = 1 + Math.floor(random() * 2);
      profile.friendly = (profile.friendly ?? 0) + 1;
    } else if (r < 0.8) {
      silence = 3 + Math.floor(random() * 4);
      profile.firm = (profile.firm ?? 0) + 1;
    } else {
      silence = 7 + Math.floor(200 * random() ** 2.5);
      profile.escalation = (profile.escalation ?? 0) + 1;
    }
    // Last post somewhere between 07:00 and 22:00 WIB on that day.
    lastReport[id] = localMidnight(lastDayFor(silence)) + 7 * 3_600_000 + Math.floor(random() * 15 * 3_600_000);
  }

  // Report counts: a Zipf-like skew over a random ranking (a few OPDs post hundreds of times a
  // week, most a handful), scaled by how much of the year each OPD was active, summing to
  // exactly options.reports; every reporting OPD has at least one.
  const reporting: number[] = [];
  for (let id = 1; id <= options.opds; id++) if (lastReport[id]) reporting.push(id);
  for (let i = reporting.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [reporting[i], reporting[j]] = [reporting[j] as number, reporting[i] as number];
  }
  const weights = reporting.map((id, rank) => (1 / (rank + 1) ** 0.75) * ((lastReport[id] as number) - yearAgo + DAY_MS));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(1, Math.floor((w / totalWeight) * options.reports)));
  let assigned = counts.reduce((a, b) => a + b, 0);
  for (let i = 0; assigned !== options.reports; i = (i + 1) % counts.length) {
    const delta = assigned < options.reports ? 1 : counts[i]! > 1 ? -1 : 0;
    counts[i] = counts[i]! + delta;
    assigned += delta;
  }
  profile.maxReportsPerOpd = Math.max(...counts);
  profile.medianReportsPerOpd = [...counts].sort((a, b) => a - b)[Math.floor(counts.length / 2)] ?? 0;

  // Every report as one float: (ms since yearAgo) * 2^15 + opd index, sorted, so rows go in in
  // time order (ids grow with time, as in the app). Exact: 2^35 ms * 2^15 < 2^53.
  const keys = new Float64Array(options.reports);
  let k = 0;
  for (let i = 0; i < reporting.length; i++) {
    const id = reporting[i] as number;
    const last = (lastReport[id] as number) - yearAgo;
    const first = Math.max(0, (opdCreated[id] as number) - yearAgo);
    keys[k++] = last * 32_768 + i; // the last report itself
    for (let n = 1; n < (counts[i] as number); n++) keys[k++] = Math.floor(first + random() * (last - first)) * 32_768 + i;
  }
  keys.sort();
  lap(`${options.reports} report times generated and sorted`);

  // The report indexes are dropped during the load and built again afterwards (faster than
  // maintaining four B-trees row by row); the same SQL the migrations created.
  const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Report' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
  const insertReport = db.prepare('INSERT INTO "Report" (id, opdId, reporterId, platform, canonicalUrl, originalUrl, note, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const platforms = ['instagram', 'instagram', 'instagram', 'facebook', 'facebook', 'tiktok', 'youtube', 'x', 'threads'];
  const prefix: Record<string, string> = {
    instagram: 'https://www.instagram.com/p/',
    facebook: 'https://www.facebook.com/posts/',
    tiktok: 'https://www.tiktok.com/@_/video/',
    youtube: 'https://www.youtube.com/watch?v=',
    x: 'https://x.com/i/status/',
    threads: 'https://www.threads.net/post/',
  };
  const BATCH = 250_000;
  for (let start = 0; start < keys.length; start += BATCH) {
    db.transaction(() => {
      const end = Math.min(keys.length, start + BATCH);
      for (let n = start; n < end; n++) {
        const key = keys[n] as number;
        const index = key % 32_768;
        const at = yearAgo + (key - index) / 32_768;
        const opdId = reporting[index] as number;
        const admins = adminsOf[opdId] as number[];
        const reporter = admins.length > 0 ? (admins[n % admins.length] as number) : formerAdmin;
        const platform = platforms[n % platforms.length] as string;
        const url = `${prefix[platform]}B${(n + 1).toString(36).padStart(7, '0')}`;
        insertReport.run(n + 1, opdId, reporter, platform, url, url, n % 10 === 0 ? 'kegiatan' : null, sqliteDateTime(at));
      }
    })();
  }
  lap(`${options.reports} reports inserted`);
  for (const index of indexes) db.exec(index.sql);
  lap(`${indexes.length} report indexes built`);

  // lastReportAt as the app keeps it: each OPD's latest report.
  const setLast = db.prepare('UPDATE "Opd" SET lastReportAt = ? WHERE id = ?');
  db.transaction(() => {
    for (let id = 1; id <= options.opds; id++) if (lastReport[id]) setLast.run(sqliteDateTime(lastReport[id] as number), id);
  })();
  const mismatched = db
    .prepare('SELECT COUNT(*) AS n FROM "Opd" o WHERE o.lastReportAt IS NOT (SELECT MAX(createdAt) FROM "Report" r WHERE r.opdId = o.id)')
    .get() as { n: number };
  if (mismatched.n !== 0) throw new Error(`${mismatched.n} OPDs have a lastReportAt other than their latest report`);
  lap('lastReportAt set and checked');

  // Holidays, and leave: OPDs and admins, some on leave today, most in the past.
  const insertHoliday = db.prepare('INSERT INTO "Holiday" (date, name, createdAt) VALUES (?, ?, ?)');
  const insertLeave = db.prepare('INSERT INTO "Leave" (opdId, userId, fromDate, untilDate, reason, createdById, createdAt) VALUES (?, ?, ?, ?, ?, 1, ?)');
  db.transaction(() => {
    for (const [date, name] of HOLIDAYS) insertHoliday.run(date, name, stamp);
    for (let n = 0; n < 600; n++) {
      const opdId = 1 + Math.floor(random() * options.opds);
      const today = n < 150; // a quarter cover today
      const from = addDays(BENCH_DAY, today ? -Math.floor(random() * 10) : -10 - Math.floor(random() * 300));
      const until = addDays(from, today ? 10 + Math.floor(random() * 10) : Math.floor(random() * 14));
      insertLeave.run(opdId, null, from, until, 'Kegiatan dinas luar (bench)', stamp);
    }
    for (let n = 0; n < 400; n++) {
      const admin = 6 + Math.floor(random() * (options.admins - 1));
      const today = n < 100;
      const from = addDays(BENCH_DAY, today ? -Math.floor(random() * 5) : -10 - Math.floor(random() * 300));
      const until = addDays(from, today ? 5 + Math.floor(random() * 10) : Math.floor(random() * 10));
      insertLeave.run(null, admin, from, until, 'Cuti tahunan (bench)', stamp);
    }
  })();
  // No ANALYZE: the app never runs it, so its queries are planned without statistics here too.
  db.pragma('journal_mode = WAL');
  db.close();
  // Flush the 1.5 GB to disk now: left to the kernel, the write-back would still be running
  // (and slowing) the first measurements.
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  writeFileSync(profileFile(file), JSON.stringify(profile));
  lap('holidays and leave');
}

const profileFile = (file: string) => `${file}.profile.json`;
