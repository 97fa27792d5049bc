/**
 * The KPI score of an OPD for a period, 0–100 (docs/KPI.md explains it with a worked example).
 * Each component is a ratio 0–1 of what the OPD did against what was expected of it; the score
 * is the weighted mean of the components that apply, times 100. A component that does not apply
 * (no directive was addressed to the OPD, no meetup was held, the whole period was leave) is left
 * out and its weight moves to the others in proportion, so nobody is punished for what was not
 * asked of them.
 */

/** The components, in the order docs/KPI.md explains them. */
export type KpiComponentKey = 'activeDays' | 'posts' | 'platforms' | 'acknowledged' | 'followUps' | 'meetups';

export const kpiComponentKeys: readonly KpiComponentKey[] = ['activeDays', 'posts', 'platforms', 'acknowledged', 'followUps', 'meetups'];

/** Relative weights (non-negative integers); they need not add up to 100. */
export type KpiWeights = Readonly<Record<KpiComponentKey, number>>;

export const defaultKpiWeights: KpiWeights = { activeDays: 30, posts: 25, platforms: 15, acknowledged: 15, followUps: 10, meetups: 5 };

/** What the score is computed from: done vs expected, per component. */
export interface KpiFacts {
  readonly activeDays: number;
  readonly expectedActiveDays: number;
  readonly posts: number;
  readonly expectedPosts: number;
  /** Mandatory platforms posted on, of those required (none required: the component does not apply). */
  readonly platformsCovered: number;
  readonly platformsRequired: number;
  /** Directives that asked this OPD for acknowledgement, and how many it acknowledged. */
  readonly acknowledgementsAsked: number;
  readonly acknowledged: number;
  /** Directives addressed to this OPD, and how many it followed up with a reported post. */
  readonly directivesAddressed: number;
  readonly followedUp: number;
  /** Meetups the OPD was invited to, and how many it attended (none held: does not apply). */
  readonly meetupsHeld: number;
  readonly meetupsAttended: number;
}

export interface KpiComponentResult {
  readonly key: KpiComponentKey;
  readonly ratio: number | null;
  readonly weight: number;
  /** Points out of 100 this component adds (unrounded; round only to show). */
  readonly points: number;
}

export interface KpiResult {
  /** 0–100 with one decimal; null when no component applies (the whole period was leave). */
  readonly score: number | null;
  readonly components: readonly KpiComponentResult[];
}

const capped = (done: number, expected: number): number | null => (expected > 0 ? Math.min(1, Math.max(0, done / expected)) : null);

/** Each component's ratio: null when nothing was expected of the OPD. */
export function kpiRatios(facts: KpiFacts): Readonly<Record<KpiComponentKey, number | null>> {
  // With no working day left after leave, covering platforms was not expected either.
  const worked = facts.expectedActiveDays > 0 || facts.expectedPosts > 0;
  return {
    activeDays: capped(facts.activeDays, facts.expectedActiveDays),
    posts: capped(facts.posts, facts.expectedPosts),
    platforms: worked ? capped(facts.platformsCovered, facts.platformsRequired) : null,
    acknowledged: capped(facts.acknowledged, facts.acknowledgementsAsked),
    followUps: capped(facts.followedUp, facts.directivesAddressed),
    meetups: capped(facts.meetupsAttended, facts.meetupsHeld),
  };
}

export const roundScore = (value: number): number => Math.round(value * 10) / 10;

export function computeKpi(facts: KpiFacts, weights: KpiWeights): KpiResult {
  const ratios = kpiRatios(facts);
  const applicableWeight = kpiComponentKeys.reduce((sum, key) => sum + (ratios[key] === null ? 0 : weights[key]), 0);
  const components = kpiComponentKeys.map((key): KpiComponentResult => {
    const ratio = ratios[key];
    const weight = weights[key];
    const points = ratio === null || applicableWeight === 0 ? 0 : (100 * weight * ratio) / applicableWeight;
    return { key, ratio, weight, points };
  });
  if (applicableWeight === 0) return { score: null, components };
  return { score: roundScore(components.reduce((sum, c) => sum + c.points, 0)), components };
}

/** Chat names of the weights, as /atur and KPI_WEIGHTS write them. */
export const kpiWeightNames: Readonly<Record<KpiComponentKey, string>> = {
  activeDays: 'hari_aktif',
  posts: 'posting',
  platforms: 'platform',
  acknowledged: 'konfirmasi',
  followUps: 'tindak_lanjut',
  meetups: 'kopdar',
};

export function formatKpiWeights(weights: KpiWeights): string {
  return kpiComponentKeys.map((key) => `${kpiWeightNames[key]}=${weights[key]}`).join(',');
}

export type KpiWeightsProblem = { readonly kind: 'syntax'; readonly part: string } | { readonly kind: 'unknown'; readonly name: string } | { readonly kind: 'allZero' };

/**
 * Reads "hari_aktif=30,posting=25,…". Names left out keep the given base weight, so an operator
 * can change one weight alone ("kopdar=0").
 */
export function parseKpiWeights(raw: string, base: KpiWeights = defaultKpiWeights): { readonly weights: KpiWeights } | { readonly problem: KpiWeightsProblem } {
  const byName = new Map(kpiComponentKeys.map((key) => [kpiWeightNames[key], key] as const));
  const weights: Record<KpiComponentKey, number> = { ...base };
  for (const part of raw.split(/[,;\s]+/).filter(Boolean)) {
    const match = /^([a-z_]+)\s*[=:]\s*(\d{1,3})$/.exec(part.toLowerCase());
    if (!match) return { problem: { kind: 'syntax', part } };
    const key = byName.get(match[1] ?? '');
    if (!key) return { problem: { kind: 'unknown', name: match[1] ?? part } };
    weights[key] = Number(match[2]);
  }
  if (kpiComponentKeys.every((key) => weights[key] === 0)) return { problem: { kind: 'allZero' } };
  return { weights };
}
