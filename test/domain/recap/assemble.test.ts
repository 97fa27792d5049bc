import { describe, expect, it } from 'vitest';
import { assembleRecap, directiveTitle, type PostCount, type RecapFacts } from '../../../src/domain/recap/assemble.ts';
import { defaultKpiWeights } from '../../../src/domain/recap/kpi.ts';
import { weekPeriod } from '../../../src/domain/recap/period.ts';

const at = (iso: string) => new Date(iso);
const posts = (opdId: number, day: string, platform: PostCount['platform'], count = 1, unregistered = 0): PostCount => ({ opdId, day, platform, count, unregistered });

/** Week 16–22 November 2026, recap made on Monday 23: the docs/KPI.md examples as data. */
function facts(overrides: Partial<RecapFacts> = {}): RecapFacts {
  return {
    period: weekPeriod('2026-11-16', '2026-11-23'),
    generatedAt: at('2026-11-23T02:00:00Z'),
    timezone: 'Asia/Jakarta',
    target: { posts: 1, period: 'day' },
    calendar: { workingWeekdays: new Set([1, 2, 3, 4, 5]), holidays: new Set() },
    mandatoryPlatforms: ['instagram', 'facebook'],
    weights: defaultKpiWeights,
    opds: [
      { id: 1, code: 'DINKES', name: 'Dinas Kesehatan', type: 'dinas', adminIds: [10] },
      { id: 2, code: 'DISDIK', name: 'Dinas Pendidikan', type: 'dinas', adminIds: [20, 21] },
      { id: 3, code: 'KEC-A', name: 'Kecamatan A', type: 'kecamatan', adminIds: [30] },
      { id: 4, code: 'BAPPEDA', name: 'Bappeda', type: 'badan', adminIds: [40] },
    ],
    leaves: [
      // DISDIK: the whole OPD on leave Wednesday–Thursday.
      { opdId: 2, userId: null, fromDate: '2026-11-18', untilDate: '2026-11-19' },
      // BAPPEDA's only admin on leave all week: the OPD counts as on leave.
      { opdId: null, userId: 40, fromDate: '2026-11-16', untilDate: '2026-11-22' },
    ],
    postCounts: [
      // DINKES: 7 posts on 4 working days (and one on Saturday), Instagram and TikTok.
      posts(1, '2026-11-16', 'instagram', 2),
      posts(1, '2026-11-17', 'tiktok'),
      posts(1, '2026-11-18', 'instagram'),
      posts(1, '2026-11-20', 'tiktok', 2, 2),
      posts(1, '2026-11-21', 'instagram', 1, 1),
      // DISDIK: one post on each of its three working days, Instagram and Facebook.
      posts(2, '2026-11-16', 'instagram'),
      posts(2, '2026-11-17', 'facebook'),
      posts(2, '2026-11-20', 'instagram'),
      // An OPD that no longer exists is ignored everywhere.
      posts(99, '2026-11-16', 'x', 5),
    ],
    accounts: [
      { opdId: 1, platform: 'instagram' },
      { opdId: 2, platform: 'instagram' },
      { opdId: 2, platform: 'facebook' },
    ],
    directives: [
      {
        id: 7,
        text: '\nSebarkan info vaksinasi\nDetail di lampiran',
        priority: 'penting',
        fromLeader: true,
        sentAt: at('2026-11-16T03:00:00Z'),
        sentDay: '2026-11-16',
        deadline: null,
        requireAck: true,
        addressedOpdIds: [1, 3],
        acknowledgedOpdIds: new Set([1]),
        followedUpOpdIds: new Set([1]),
      },
      {
        id: 8,
        text: 'Unggah hari jadi kabupaten',
        priority: 'segera',
        fromLeader: false,
        sentAt: at('2026-11-18T03:00:00Z'),
        sentDay: '2026-11-18',
        deadline: at('2026-11-19T10:00:00Z'),
        requireAck: true,
        addressedOpdIds: [1, 2, 3],
        acknowledgedOpdIds: new Set(),
        followedUpOpdIds: new Set(),
      },
    ],
    ...overrides,
  };
}

describe('assembleRecap', () => {
  const recap = assembleRecap(facts());
  const opd = (code: string) => {
    const row = recap.opds.find((o) => o.code === code);
    if (!row) throw new Error(`no ${code}`);
    return row;
  };

  it('scores DINKES exactly as docs/KPI.md example 1', () => {
    const dinkes = opd('DINKES');
    expect(dinkes).toMatchObject({
      posts: 7,
      activeDays: 4,
      workingDays: 5,
      leaveDays: 0,
      expectedPosts: 5,
      mandatoryCovered: ['instagram'],
      missingAccounts: ['facebook'],
      unregisteredPosts: 3,
      directives: { addressed: 2, acknowledged: 1, followedUp: 1 },
      score: 72.6,
      status: 'met',
    });
  });

  it('excludes leave days and a directive sent during leave (DISDIK, example 2)', () => {
    expect(opd('DISDIK')).toMatchObject({ workingDays: 3, leaveDays: 2, activeDays: 3, expectedPosts: 3, directives: { addressed: 0, acknowledged: 0, followedUp: 0 }, score: 100, rank: 1 });
  });

  it('an OPD whose admins were all on leave all week is not scored, not quiet and not ranked', () => {
    expect(opd('BAPPEDA')).toMatchObject({ workingDays: 0, leaveDays: 5, score: null, rank: null, status: 'onLeave' });
    expect(recap.opds.at(-1)?.code).toBe('BAPPEDA');
  });

  it('a silent OPD scores 0 and is counted quiet; ranks share on equal scores', () => {
    expect(opd('KEC-A')).toMatchObject({ posts: 0, score: 0, status: 'missed', rank: 3, directives: { addressed: 2, acknowledged: 0, followedUp: 0 } });
    expect(recap.opds.map((o) => o.code)).toEqual(['DISDIK', 'DINKES', 'KEC-A', 'BAPPEDA']);
    expect(recap.totals).toEqual({ opds: 4, posts: 10, activeOpds: 2, quietOpds: 1 });
  });

  it('per day, per platform and per directive views add up to the same totals', () => {
    expect(recap.days).toHaveLength(7);
    expect(recap.days.reduce((s, d) => s + d.posts, 0)).toBe(recap.totals.posts);
    expect(recap.days[0]).toMatchObject({ date: '2026-11-16', working: true, posts: 3, activeOpds: 2 });
    expect(recap.days[5]).toMatchObject({ date: '2026-11-21', working: false, posts: 1 });
    expect(recap.platforms.reduce((s, p) => s + p.posts, 0)).toBe(recap.totals.posts);
    expect(recap.platforms.find((p) => p.platform === 'instagram')).toEqual({ platform: 'instagram', posts: 6, opds: 2, mandatory: true });
    expect(recap.directives.map((d) => [d.id, d.title, d.addressed, d.acknowledged, d.followedUp, d.silentCodes])).toEqual([
      [7, 'Sebarkan info vaksinasi', 2, 1, 1, ['KEC-A']],
      // DISDIK was on leave the day #8 went out: not named as silent, as it is not held against its KPI.
      [8, 'Unggah hari jadi kabupaten', 3, 0, 0, ['DINKES', 'KEC-A']],
    ]);
  });

  it('a weekly target is spread over the working days', () => {
    const weekly = assembleRecap(facts({ target: { posts: 2, period: 'week' } }));
    const disdik = weekly.opds.find((o) => o.code === 'DISDIK');
    expect(disdik?.expectedPosts).toBeCloseTo(1.2);
    expect(disdik?.expectedActiveDays).toBeCloseTo(1.2);
  });

  it('the running week counts up to today only', () => {
    const running = assembleRecap(facts({ period: weekPeriod('2026-11-16', '2026-11-18'), leaves: [] }));
    expect(running.days).toHaveLength(3);
    expect(running.opds.find((o) => o.code === 'KEC-A')?.workingDays).toBe(3);
  });

  it('titles a directive by its first line, shortened', () => {
    expect(directiveTitle(`  ${'a'.repeat(100)}\nb`)).toHaveLength(80);
  });

  it('a period without a working day yet expects nothing: not scored, not quiet, and not "met" either', () => {
    // Saturday 21 November is the first (and only) day counted of a week starting that day.
    const weekend = assembleRecap(facts({ period: { kind: 'week', key: 'x', from: '2026-11-21', until: '2026-11-22', countedUntil: '2026-11-21' }, leaves: [], directives: [] }));
    expect(weekend.opds.map((o) => o.status)).toEqual(['notDue', 'notDue', 'notDue', 'notDue']);
    expect(weekend.opds.every((o) => o.score === null && o.rank === null)).toBe(true);
    expect(weekend.totals.quietOpds).toBe(0);
  });

  it('counts the directives that asked this OPD for acknowledgement apart from those that did not', () => {
    const mixed = assembleRecap(facts({ directives: (facts().directives).map((d) => (d.id === 8 ? { ...d, requireAck: false } : d)) }));
    expect(mixed.opds.find((o) => o.code === 'DINKES')?.directives).toEqual({ addressed: 2, asked: 1, acknowledged: 1, followedUp: 1 });
  });

  it('a meetup with a capacity counts only for OPDs that had a seat or came; one open to all counts for everyone', () => {
    const withMeetups = assembleRecap(
      facts({
        directives: [],
        meetups: [
          { id: 1, heldDay: '2026-11-17', attendedOpdIds: new Set([1]), seatedOpdIds: new Set([1, 2]) },
          { id: 2, heldDay: '2026-11-20', attendedOpdIds: new Set([3]), seatedOpdIds: null },
        ],
      }),
    );
    const meetups = (code: string) => withMeetups.opds.find((o) => o.code === code)?.components.find((c) => c.key === 'meetups')?.ratio;
    expect(meetups('DINKES')).toBe(0.5); // seated at #1 and came; #2 open to all, did not come
    expect(meetups('KEC-A')).toBe(1); // no seat at #1 (not counted); came to #2
    expect(meetups('DISDIK')).toBe(0); // seated at #1 but did not come (its leave was 18–19 Nov); missed #2
  });
});
