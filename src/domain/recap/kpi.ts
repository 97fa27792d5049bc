/** The components of the KPI score, in the order docs/KPI.md explains them. */
export type KpiComponentKey = 'activeDays' | 'posts' | 'platforms' | 'acknowledged' | 'followUps' | 'meetups';

export const kpiComponentKeys: readonly KpiComponentKey[] = ['activeDays', 'posts', 'platforms', 'acknowledged', 'followUps', 'meetups'];

/** Relative weights (non-negative integers); they need not add up to 100. */
export type KpiWeights = Readonly<Record<KpiComponentKey, number>>;
