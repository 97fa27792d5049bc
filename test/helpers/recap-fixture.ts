import { addDays, daysBetween, weekdayOf, type LocalDate } from '../../src/domain/calendar/local-date.ts';
import type { Priority } from '../../src/domain/directives/directive.ts';
import { platforms, type Platform } from '../../src/domain/links/types.ts';
import { kpiComponentKeys, type KpiComponentKey, type KpiWeights } from '../../src/domain/recap/kpi.ts';
import type { DayRecap, DirectiveRecap, KpiComponentScore, OpdRecap, PlatformRecap, Recap, RecapPeriod, TargetStatus } from '../../src/domain/recap/recap.ts';
import { localDateKey } from '../../src/domain/time/zoned.ts';
import { mulberry32 } from './prng.ts';

/**
 * Recaps built by hand for the renderer's tests. The numbers are made consistent here (per-OPD,
 * per-day and per-platform posts add up to the same totals) from a posting pattern per OPD; the
 * KPI arithmetic is a plain stand-in, not the application's formula, because the renderer only
 * shows what the recap says.
 */

/** What one OPD did in the period. */
export interface OpdSpec {
  readonly code: string;
  readonly name: string;
  readonly type: string;
  /** The platforms it posted on that day (one post each). Never asked for a leave day. */
  readonly postsOn: (day: { readonly date: LocalDate; readonly working: boolean; readonly workingIndex: number }) => readonly Platform[];
  readonly leave?: readonly LocalDate[];
  readonly missingAccounts?: readonly Platform[];
  readonly unregisteredPosts?: number;
}

export interface DirectiveSpec {
  readonly id: number;
  readonly title: string;
  readonly priority: Priority;
  readonly fromLeader: boolean;
  readonly sentAt: string;
  readonly deadline: string | null;
  readonly requireAck: boolean;
  /** Codes, or every OPD that was not on leave the day it was sent (as docs/KPI.md counts them). */
  readonly addressed: readonly string[] | 'all';
  readonly acknowledged: readonly string[];
  readonly followedUp: readonly string[];
}

export interface RecapSpec {
  readonly period: RecapPeriod;
  readonly generatedAt: string;
  readonly timezone?: string;
  readonly holidays?: readonly LocalDate[];
  readonly opds: readonly OpdSpec[];
  readonly directives?: readonly DirectiveSpec[];
}

export const fixtureWeights: KpiWeights = { activeDays: 30, posts: 25, platforms: 15, acknowledged: 15, followUps: 10, meetups: 5 };
export const fixtureMandatory: readonly Platform[] = ['instagram', 'facebook'];

const zeroByPlatform = (): Record<Platform, number> => ({ instagram: 0, facebook: 0, tiktok: 0, youtube: 0, x: 0, threads: 0 });

function statusOf(posts: number, expected: number, leaveDays: number): TargetStatus {
  if (expected <= 0) return leaveDays > 0 ? 'onLeave' : 'met';
  const ratio = posts / expected;
  return ratio >= 1 ? 'met' : ratio >= 0.5 ? 'partial' : 'missed';
}

function components(ratios: Record<KpiComponentKey, number | null>): { components: KpiComponentScore[]; score: number | null } {
  const applicable = kpiComponentKeys.filter((k) => ratios[k] !== null).reduce((sum, k) => sum + fixtureWeights[k], 0);
  const list = kpiComponentKeys.map((key) => {
    const ratio = ratios[key];
    const points = ratio === null || applicable === 0 ? 0 : (ratio * fixtureWeights[key] * 100) / applicable;
    return { key, ratio, weight: fixtureWeights[key], points };
  });
  // Like the application: one decimal, and no score at all when nothing applied.
  return { components: list, score: applicable === 0 ? null : Math.round(list.reduce((sum, c) => sum + c.points, 0) * 10) / 10 };
}

/** Turns posting patterns into a Recap whose every view agrees with the others. */
export function buildRecap(spec: RecapSpec): Recap {
  const { period } = spec;
  const holidays = new Set(spec.holidays ?? []);
  const dates = Array.from({ length: daysBetween(period.from, period.countedUntil) + 1 }, (_, i) => addDays(period.from, i));
  const isWorking = (date: LocalDate) => weekdayOf(date) <= 5 && !holidays.has(date);
  const allCodes = spec.opds.map((o) => o.code);
  const directives = spec.directives ?? [];
  const timezone = spec.timezone ?? 'Asia/Jakarta';
  const leaveOf = new Map(spec.opds.map((o) => [o.code, new Set(o.leave ?? [])]));
  const addressed = new Map(
    directives.map((d) => {
      const sentDay = localDateKey(new Date(d.sentAt), timezone);
      return [d, d.addressed === 'all' ? allCodes.filter((c) => !leaveOf.get(c)?.has(sentDay)) : d.addressed];
    }),
  );
  const addressedCodes = (d: DirectiveSpec): readonly string[] => addressed.get(d) ?? [];

  const dayPosts = new Map<LocalDate, { byPlatform: Record<Platform, number>; opds: Set<string> }>(dates.map((d) => [d, { byPlatform: zeroByPlatform(), opds: new Set<string>() }]));
  const platformOpds = new Map<Platform, Set<string>>(platforms.map((p) => [p, new Set<string>()]));

  const unranked = spec.opds.map((opd) => {
    const leave = new Set(opd.leave ?? []);
    const byPlatform = zeroByPlatform();
    let workingIndex = 0;
    let activeDays = 0;
    let workingDays = 0;
    let leaveDays = 0;
    for (const date of dates) {
      const working = isWorking(date);
      if (working && leave.has(date)) {
        leaveDays += 1;
        continue;
      }
      if (working) workingDays += 1;
      const posted = opd.postsOn({ date, working, workingIndex });
      if (working) workingIndex += 1;
      if (posted.length > 0 && working) activeDays += 1;
      const day = dayPosts.get(date);
      for (const p of posted) {
        byPlatform[p] += 1;
        if (day) {
          day.byPlatform[p] += 1;
          day.opds.add(opd.code);
        }
        platformOpds.get(p)?.add(opd.code);
      }
    }
    const posts = platforms.reduce((sum, p) => sum + byPlatform[p], 0);
    const expectedPosts = workingDays;
    const mandatoryCovered = fixtureMandatory.filter((p) => byPlatform[p] > 0);
    const mine = directives.filter((d) => addressedCodes(d).includes(opd.code));
    const asked = mine.filter((d) => d.requireAck);
    const acknowledged = mine.filter((d) => d.acknowledged.includes(opd.code)).length;
    const followedUp = mine.filter((d) => d.followedUp.includes(opd.code)).length;
    const kpi = components({
      activeDays: workingDays > 0 ? activeDays / workingDays : null,
      posts: expectedPosts > 0 ? Math.min(1, posts / expectedPosts) : null,
      platforms: workingDays > 0 ? mandatoryCovered.length / fixtureMandatory.length : null,
      acknowledged: asked.length > 0 ? asked.filter((d) => d.acknowledged.includes(opd.code)).length / asked.length : null,
      followUps: mine.length > 0 ? followedUp / mine.length : null,
      meetups: null,
    });
    return {
      opdId: allCodes.indexOf(opd.code) + 1,
      code: opd.code,
      name: opd.name,
      type: opd.type,
      posts,
      postsByPlatform: byPlatform,
      activeDays,
      workingDays,
      leaveDays,
      expectedPosts,
      expectedActiveDays: workingDays,
      mandatoryCovered,
      missingAccounts: opd.missingAccounts ?? [],
      unregisteredPosts: opd.unregisteredPosts ?? 0,
      directives: { addressed: mine.length, asked: mine.filter((d) => d.requireAck !== false).length, acknowledged, followedUp },
      score: kpi.score,
      components: kpi.components,
      status: statusOf(posts, expectedPosts, leaveDays),
    };
  });

  // Best first, equal scores share a rank (1, 1, 3 …), unscored OPDs last and unranked.
  const sorted = [...unranked].sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || b.posts - a.posts || a.code.localeCompare(b.code));
  const rankOf = (score: number | null) => (score === null ? null : 1 + sorted.filter((o) => o.score !== null && o.score > score).length);
  const opds: OpdRecap[] = sorted.map((opd) => ({ ...opd, rank: rankOf(opd.score) }));

  const days: DayRecap[] = dates.map((date) => {
    const day = dayPosts.get(date) ?? { byPlatform: zeroByPlatform(), opds: new Set<string>() };
    return {
      date,
      working: isWorking(date),
      posts: platforms.reduce((sum, p) => sum + day.byPlatform[p], 0),
      postsByPlatform: day.byPlatform,
      activeOpds: day.opds.size,
    };
  });

  const platformRecaps: PlatformRecap[] = platforms.map((platform) => ({
    platform,
    posts: opds.reduce((sum, o) => sum + o.postsByPlatform[platform], 0),
    opds: platformOpds.get(platform)?.size ?? 0,
    mandatory: fixtureMandatory.includes(platform),
  }));

  const directiveRecaps: DirectiveRecap[] = directives.map((d) => {
    const addressed = addressedCodes(d);
    return {
      id: d.id,
      title: d.title,
      priority: d.priority,
      fromLeader: d.fromLeader,
      sentAt: new Date(d.sentAt),
      deadline: d.deadline === null ? null : new Date(d.deadline),
      requireAck: d.requireAck,
      addressed: addressed.length,
      acknowledged: d.acknowledged.length,
      followedUp: d.followedUp.length,
      silentCodes: d.requireAck ? addressed.filter((c) => !d.acknowledged.includes(c)) : [],
    };
  });

  return {
    period,
    generatedAt: new Date(spec.generatedAt),
    timezone,
    target: { posts: 1, period: 'day' },
    mandatoryPlatforms: fixtureMandatory,
    weights: fixtureWeights,
    opds,
    days,
    platforms: platformRecaps,
    directives: directiveRecaps,
    totals: {
      opds: opds.length,
      posts: opds.reduce((sum, o) => sum + o.posts, 0),
      activeOpds: opds.filter((o) => o.posts > 0).length,
      quietOpds: opds.filter((o) => o.posts === 0 && o.status !== 'onLeave').length,
    },
  };
}

export const november2026: RecapPeriod = { kind: 'month', key: '2026-11', from: '2026-11-01', until: '2026-11-30', countedUntil: '2026-11-30' };

/** OPDs of the hand-made recap with something to show. */
export const fixtureCodes = { quiet: 'KECBARAT', onLeave: 'DPMPTSP', leaveAllPeriod: 'DISPARBUD', missingAccount: 'DISPERKIM', unregistered: 'SATPOLPP' } as const;

const every = (n: number, platformsOfDay: readonly Platform[], offset = 0) => (day: { working: boolean; workingIndex: number }) =>
  day.working && (day.workingIndex + offset) % n === 0 ? platformsOfDay : [];

/** November 2026 (21 working days, Mon–Fri) for 13 OPDs of a regency, with three directives. */
export function recapFixture(): Recap {
  const leave: LocalDate[] = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
  const workingDays = Array.from({ length: 30 }, (_, i) => addDays('2026-11-01', i)).filter((d) => weekdayOf(d) <= 5);
  return buildRecap({
    period: november2026,
    generatedAt: '2026-12-01T00:30:00Z',
    opds: [
      {
        code: 'DISKOMINFO',
        name: 'Dinas Komunikasi dan Informatika',
        type: 'dinas',
        // Every working day on both mandatory platforms, TikTok on Mondays, Instagram on Saturdays.
        postsOn: ({ date, working }) =>
          working ? (weekdayOf(date) === 1 ? ['instagram', 'facebook', 'tiktok'] : ['instagram', 'facebook']) : weekdayOf(date) === 6 ? ['instagram'] : [],
      },
      { code: 'DINKES', name: 'Dinas Kesehatan', type: 'dinas', postsOn: ({ working, workingIndex }) => (working ? (workingIndex % 3 === 0 ? ['instagram', 'youtube'] : ['facebook']) : []) },
      { code: 'DISDIK', name: 'Dinas Pendidikan dan Kebudayaan', type: 'dinas', postsOn: every(1, ['instagram']) },
      { code: 'BAPPEDA', name: 'Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah', type: 'badan', postsOn: every(2, ['instagram', 'facebook']) },
      { code: 'RSUD', name: 'Rumah Sakit Umum Daerah dr. Soedirman', type: 'rsud', postsOn: every(2, ['facebook', 'threads', 'x']) },
      { code: 'KECKOTA', name: 'Kecamatan Kota', type: 'kecamatan', postsOn: every(3, ['instagram', 'tiktok']) },
      {
        code: fixtureCodes.onLeave,
        name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
        type: 'dinas',
        leave,
        postsOn: every(1, ['instagram', 'facebook']),
      },
      { code: fixtureCodes.missingAccount, name: 'Dinas Perumahan dan Kawasan Permukiman', type: 'dinas', missingAccounts: ['facebook'], postsOn: every(2, ['instagram']) },
      { code: fixtureCodes.unregistered, name: 'Satuan Polisi Pamong Praja', type: 'satuan', unregisteredPosts: 3, postsOn: every(2, ['instagram', 'tiktok'], 1) },
      { code: 'BPBD', name: 'Badan Penanggulangan Bencana Daerah', type: 'badan', missingAccounts: ['instagram', 'facebook'], postsOn: every(4, ['x']) },
      { code: 'DINSOS', name: 'Dinas Sosial', type: 'dinas', postsOn: every(7, ['facebook']) },
      { code: fixtureCodes.quiet, name: 'Kecamatan Barat', type: 'kecamatan', postsOn: () => [] },
      {
        code: fixtureCodes.leaveAllPeriod,
        name: 'Dinas Pariwisata dan Kebudayaan',
        type: 'dinas',
        leave: workingDays,
        // On leave every working day, yet one post on a Saturday: counted, but nothing was expected.
        postsOn: ({ date }) => (date === '2026-11-14' ? ['instagram'] : []),
      },
    ],
    directives: [
      {
        id: 41,
        title: 'Sebarkan imbauan waspada banjir dan longsor',
        priority: 'segera',
        fromLeader: true,
        sentAt: '2026-11-10T01:15:00Z',
        deadline: '2026-11-10T10:00:00Z',
        requireAck: true,
        addressed: 'all',
        acknowledged: ['DISKOMINFO', 'DINKES', 'DISDIK', 'BAPPEDA', 'RSUD', 'KECKOTA', 'DISPERKIM', 'SATPOLPP', 'BPBD'],
        followedUp: ['DISKOMINFO', 'DINKES', 'DISDIK', 'BAPPEDA', 'RSUD', 'BPBD'],
      },
      {
        id: 42,
        title: 'Unggah infografis Hari Kesehatan Nasional 12 November',
        priority: 'penting',
        fromLeader: false,
        sentAt: '2026-11-11T02:00:00Z',
        deadline: null,
        requireAck: true,
        addressed: ['DISKOMINFO', 'DINKES', 'RSUD', 'KECKOTA', 'KECBARAT'],
        acknowledged: ['DISKOMINFO', 'DINKES', 'RSUD', 'KECKOTA'],
        followedUp: ['DINKES', 'RSUD', 'DISKOMINFO'],
      },
      {
        id: 43,
        title: 'Bagikan jadwal layanan keliling kecamatan',
        priority: 'biasa',
        fromLeader: false,
        sentAt: '2026-11-24T03:30:00Z',
        deadline: '2026-11-28T16:59:00Z',
        requireAck: false,
        addressed: ['KECKOTA', 'KECBARAT'],
        acknowledged: [],
        followedUp: ['KECKOTA'],
      },
    ],
  });
}

/** A month for `count` generated OPDs (for size and speed): varied activity, some quiet, some without accounts. */
export function largeRecapFixture(count: number, seed = 7): Recap {
  const random = mulberry32(seed);
  const types = ['dinas', 'badan', 'kecamatan', 'kelurahan', 'puskesmas', 'sekolah'];
  const opds: OpdSpec[] = Array.from({ length: count }, (_, i) => {
    const activity = random();
    const spread = platforms.filter(() => random() < 0.4);
    const daily: readonly Platform[] = spread.length > 0 ? spread : ['instagram'];
    const chance = activity < 0.1 ? 0 : activity;
    const rolls = Array.from({ length: 31 }, () => random());
    return {
      code: `OPD${String(i + 1).padStart(3, '0')}`,
      name: `${types[i % types.length] ?? 'opd'} nomor ${i + 1} dengan nama yang cukup panjang`,
      type: types[i % types.length] ?? 'dinas',
      missingAccounts: random() < 0.1 ? ['facebook'] : [],
      unregisteredPosts: random() < 0.05 ? 1 : 0,
      postsOn: ({ working, workingIndex }) => (working && (rolls[workingIndex] ?? 1) < chance ? daily : []),
    };
  });
  return buildRecap({
    period: november2026,
    generatedAt: '2026-12-01T00:30:00Z',
    opds,
    directives: [
      {
        id: 1,
        title: 'Arahan untuk semua OPD',
        priority: 'penting',
        fromLeader: true,
        sentAt: '2026-11-05T02:00:00Z',
        deadline: null,
        requireAck: true,
        addressed: 'all',
        acknowledged: opds.filter((_, i) => i % 3 !== 0).map((o) => o.code),
        followedUp: opds.filter((_, i) => i % 5 === 0).map((o) => o.code),
      },
    ],
  });
}
