import { describe, expect, it } from 'vitest';
import { computeKpi, defaultKpiWeights, formatKpiWeights, parseKpiWeights, type KpiFacts } from '../../../src/domain/recap/kpi.ts';

const noDirectives = { acknowledgementsAsked: 0, acknowledged: 0, directivesAddressed: 0, followedUp: 0, meetupsHeld: 0, meetupsAttended: 0 };

/** The worked example of docs/KPI.md ("Contoh 1"), number for number. */
const dinkes: KpiFacts = {
  activeDays: 4,
  expectedActiveDays: 5,
  posts: 7,
  expectedPosts: 5,
  platformsCovered: 1,
  platformsRequired: 2,
  acknowledgementsAsked: 2,
  acknowledged: 1,
  directivesAddressed: 2,
  followedUp: 1,
  meetupsHeld: 0,
  meetupsAttended: 0,
};

describe('KPI score (docs/KPI.md)', () => {
  it('example 1: weights of components that apply are shared out; meetups not held do not count', () => {
    const result = computeKpi(dinkes, defaultKpiWeights);
    const points = Object.fromEntries(result.components.map((c) => [c.key, Math.round(c.points * 10) / 10]));
    expect(points).toEqual({ activeDays: 25.3, posts: 26.3, platforms: 7.9, acknowledged: 7.9, followUps: 5.3, meetups: 0 });
    expect(result.components.find((c) => c.key === 'meetups')?.ratio).toBeNull();
    expect(result.components.find((c) => c.key === 'posts')?.ratio).toBe(1);
    expect(result.score).toBe(72.6);
  });

  it('example 2: leave days are excluded, not punished — a full score from three of three days', () => {
    const result = computeKpi(
      { activeDays: 3, expectedActiveDays: 3, posts: 3, expectedPosts: 3, platformsCovered: 2, platformsRequired: 2, ...noDirectives },
      defaultKpiWeights,
    );
    expect(result.score).toBe(100);
    expect(result.components.filter((c) => c.ratio === null).map((c) => c.key)).toEqual(['acknowledged', 'followUps', 'meetups']);
  });

  it('nothing done scores 0; more posts than the target are capped at 100 %', () => {
    expect(computeKpi({ ...dinkes, activeDays: 0, posts: 0, platformsCovered: 0, acknowledged: 0, followedUp: 0 }, defaultKpiWeights).score).toBe(0);
    const over = computeKpi({ ...dinkes, posts: 500, activeDays: 5, platformsCovered: 2, acknowledged: 2, followedUp: 2 }, defaultKpiWeights);
    expect(over.score).toBe(100);
  });

  it('a whole period on leave has no score rather than a bad one', () => {
    const result = computeKpi({ activeDays: 0, expectedActiveDays: 0, posts: 2, expectedPosts: 0, platformsCovered: 1, platformsRequired: 2, ...noDirectives }, defaultKpiWeights);
    expect(result.score).toBeNull();
  });

  it('weights are relative: doubling all of them changes nothing; a zero weight drops a component', () => {
    const doubled = Object.fromEntries(Object.entries(defaultKpiWeights).map(([k, v]) => [k, v * 2])) as typeof defaultKpiWeights;
    expect(computeKpi(dinkes, doubled).score).toBe(72.6);
    const postsOnly = { ...defaultKpiWeights, activeDays: 0, platforms: 0, acknowledged: 0, followUps: 0, meetups: 0 };
    expect(computeKpi(dinkes, postsOnly).score).toBe(100);
  });
});

describe('KPI weights as written in .env and /atur', () => {
  it('reads every name, keeps the others from the base and round-trips', () => {
    const parsed = parseKpiWeights('kopdar=0, posting=40');
    expect(parsed).toEqual({ weights: { ...defaultKpiWeights, meetups: 0, posts: 40 } });
    expect(parseKpiWeights(formatKpiWeights(defaultKpiWeights))).toEqual({ weights: defaultKpiWeights });
  });

  it('refuses unknown names, bad syntax and all-zero weights', () => {
    expect(parseKpiWeights('likes=10')).toEqual({ problem: { kind: 'unknown', name: 'likes' } });
    expect(parseKpiWeights('posting')).toEqual({ problem: { kind: 'syntax', part: 'posting' } });
    expect(parseKpiWeights('posting=-1')).toEqual({ problem: { kind: 'syntax', part: 'posting=-1' } });
    expect(parseKpiWeights('hari_aktif=0,posting=0,platform=0,konfirmasi=0,tindak_lanjut=0,kopdar=0')).toEqual({ problem: { kind: 'allZero' } });
  });
});
