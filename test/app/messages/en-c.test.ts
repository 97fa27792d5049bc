// en.ts first: it imports part-c, which reads `en` only inside its functions.
import { en } from '../../../src/app/messages/en.ts';
import { enPartC } from '../../../src/app/messages/en/part-c.ts';
import { describe, expect, it } from 'vitest';
import { id } from '../../../src/app/messages/id.ts';
import type { OpdRecap, Recap } from '../../../src/domain/recap/recap.ts';
import type { Platform } from '../../../src/domain/links/index.ts';

const sections = ['accounts', 'delivery', 'recap', 'calendar', 'settings', 'holidays', 'leave'] as const;

/** Every key of `a` exists in `b` with the same type; functions have the same arity, arrays the same length. */
function shapeDifferences(a: unknown, b: unknown, at: string): string[] {
  if (typeof a !== typeof b) return [`${at}: ${typeof a} vs ${typeof b}`];
  if (typeof a === 'function') return a.length === (b as (...args: never[]) => unknown).length ? [] : [`${at}: arity ${a.length} vs ${(b as () => unknown).length}`];
  if (Array.isArray(a)) {
    if (!Array.isArray(b)) return [`${at}: array vs object`];
    return a.length === b.length ? [] : [`${at}: ${a.length} items vs ${b.length}`];
  }
  if (a !== null && typeof a === 'object') {
    const other = b as Record<string, unknown>;
    const own = a as Record<string, unknown>;
    const extra = Object.keys(other).filter((k) => !(k in own)).map((k) => `${at}.${k}: not in id`);
    return [...extra, ...Object.keys(own).flatMap((k) => (k in other ? shapeDifferences(own[k], other[k], `${at}.${k}`) : [`${at}.${k}: missing`]))];
  }
  return [];
}

/** The tags of an HTML text, in order ("b", "/b", "code", …). */
const tags = (html: string): string[] => [...html.matchAll(/<(\/?[a-z]+)\b[^>]*>/g)].map((m) => m[1] ?? '');

const nasty = 'A<&>B';
const escaped = 'A&lt;&amp;&gt;B';

const platforms: Record<Platform, number> = { instagram: 0, facebook: 0, tiktok: 0, youtube: 0, x: 0, threads: 0 };
const opd = (opdId: number, code: string, name: string, rank: number | null, posts: number, status: OpdRecap['status']): OpdRecap => ({
  opdId,
  code,
  name,
  type: 'dinas',
  posts,
  postsByPlatform: { ...platforms, instagram: posts },
  activeDays: posts > 0 ? 2 : 0,
  workingDays: 5,
  leaveDays: 1,
  expectedPosts: 4,
  expectedActiveDays: 5,
  mandatoryCovered: posts > 0 ? ['instagram'] : [],
  missingAccounts: posts > 0 ? [] : ['tiktok'],
  unregisteredPosts: 0,
  directives: { addressed: 2, asked: 2, acknowledged: 1, followedUp: 0 },
  score: rank === null ? null : 72.55,
  components: [
    { key: 'activeDays', ratio: 0.4, weight: 30, points: 12 },
    { key: 'meetups', ratio: null, weight: 5, points: 0 },
  ],
  rank,
  status,
});
const opds = [opd(1, 'DINKES', nasty, 1, 3, 'partial'), opd(2, 'X<&>', 'Dinas <b>Pendidikan</b>', 2, 0, 'missed'), opd(3, 'DISHUB', 'Dinas Perhubungan', null, 0, 'onLeave')];
const recap: Recap = {
  period: { kind: 'week', key: '2026-W48', from: '2026-11-30', until: '2026-12-06', countedUntil: '2026-12-02' },
  generatedAt: new Date('2026-12-02T02:00:00Z'),
  timezone: 'Asia/Jakarta',
  target: { posts: 2, period: 'week' },
  mandatoryPlatforms: ['instagram', 'tiktok'],
  weights: { activeDays: 30, posts: 25, platforms: 15, acknowledged: 15, followUps: 10, meetups: 5 },
  opds,
  days: [],
  platforms: [{ platform: 'instagram', posts: 1234, opds: 1, mandatory: true }],
  directives: [
    {
      id: 7,
      title: 'Share <&> now',
      priority: 'segera',
      fromLeader: true,
      sentAt: new Date('2026-12-01T02:00:00Z'),
      deadline: null,
      requireAck: true,
      addressed: 3,
      acknowledged: 1,
      followedUp: 0,
      silentCodes: ['X<&>', 'DISHUB'],
    },
  ],
  totals: { opds: 3, posts: 1234, activeOpds: 1, quietOpds: 1 },
};

describe('English catalogue, part C', () => {
  it('has every key of its sections, with the same types and arities', () => {
    for (const section of sections) expect(shapeDifferences(id[section], enPartC[section], section)).toEqual([]);
  });

  it('is what the assembled English catalogue uses for its sections', () => {
    for (const section of sections) expect(en[section]).toBe(enPartC[section]);
  });

  const samples: ReadonlyArray<readonly [string, (c: typeof id) => string]> = [
    ['accounts.listHeader', (c) => c.accounts.listHeader(nasty, nasty)],
    ['accounts.listLine', (c) => c.accounts.listLine(c.accounts.account('instagram', 'dinkes.kab', 'https://example.com/?a=1&b="<x>"'), nasty)],
    ['accounts.taken', (c) => c.accounts.taken('tiktok', 'dinkes.kab', nasty, nasty, 'DINKES')],
    ['accounts.badHandle', (c) => c.accounts.badHandle('x', nasty, 'DINKES')],
    ['accounts.otherSite', (c) => c.accounts.otherSite('instagram', 'tiktok', nasty)],
    ['accounts.adminRegisteredNotice', (c) => c.accounts.adminRegisteredNotice(nasty, 'DINKES', c.accounts.account('x', 'a', 'https://x.com/a'), nasty, 'x')],
    ['delivery.unreachableNotice', (c) => c.delivery.unreachableNotice(nasty, nasty, nasty)],
    ['recap.summary', (c) => c.recap.summary(recap)],
    ['recap.opdSummary', (c) => c.recap.opdSummary(recap, opds[0] as OpdRecap)],
    ['recap.leaderboard', (c) => c.recap.leaderboard(recap, opds.slice(0, 1), opds[1] ?? null, c.pages.footer(1, 2, 3))],
    ['recap.weekly', (c) => c.recap.weekly(recap, { opd: opds[0] as OpdRecap, before: 50 })],
    ['settings.entry', (c) => c.settings.entry(c.settings.label.weekly_recap, nasty, c.settings.value.weekly({ weekday: 1, time: nasty }), c.settings.sourceChanged(nasty, nasty))],
    ['settings.invalidValue', (c) => c.settings.invalidValue(nasty, c.settings.problem.platform(nasty), nasty)],
    ['settings.directives', (c) => c.settings.directives(nasty, 2, 24)],
    ['holidays.added', (c) => c.holidays.added('2026-08-17', nasty, false)],
    ['holidays.renamed', (c) => c.holidays.renamed('2026-08-17', nasty, nasty)],
    ['leave.recordedAdmin', (c) => c.leave.recordedAdmin(c.leave.adminTarget(nasty, nasty), '2026-12-01', '2026-12-10', nasty, nasty)],
    ['leave.line', (c) => c.leave.line(c.leave.opdTarget(nasty, nasty), 'opd', '2026-12-01', '2026-12-10', nasty)],
  ];

  it.each(samples)('%s keeps the HTML tags and escapes inserted values', (_name, render) => {
    const indonesian = render(id);
    const english = render(en);
    expect(english).not.toBe(indonesian);
    expect(tags(english)).toEqual(tags(indonesian));
    expect(english.split('\n').length).toBe(indonesian.split('\n').length);
    expect(english).not.toContain('<&>');
    expect(english.split(escaped).length).toBe(indonesian.split(escaped).length);
    expect(english.includes('&quot;')).toBe(indonesian.includes('&quot;'));
  });

  it('keeps the leading markers', () => {
    expect(en.accounts.registered('x', 'DINKES', 'D', '1 December 2026').startsWith('✅ ')).toBe(true);
    expect(en.accounts.notYourOpd('A', 'B').startsWith('❌ ')).toBe(true);
    expect(en.delivery.unreachable('A', 'b').startsWith('⚠️ ')).toBe(true);
    expect(en.leave.noticeAdmin('2026-12-10').startsWith('ℹ️ ')).toBe(true);
  });

  it('writes dates, weekdays and numbers the English way', () => {
    expect(en.calendar.day('2026-08-17')).toBe('Monday, 17 August 2026');
    expect(en.calendar.shortDay('2026-08-17')).toBe('17 August 2026');
    expect(en.calendar.weekdays([1, 2, 3, 4, 5, 7])).toBe('Monday–Friday, Sunday');
    expect(en.recap.periodLabel(recap.period)).toBe('Week of 30 November–6 December 2026');
    expect(en.recap.periodLabel({ ...recap.period, kind: 'month', key: '2026-11' })).toBe('November 2026');
    expect(en.recap.number(1234.56)).toBe('1,234.6');
    expect(en.recap.summary(recap)).toContain('<i>Counted up to Wednesday, 2 December 2026.</i>');
  });
});
