import type { Recap, TargetStatus } from '../../domain/recap/recap.ts';

export const statusColor = { met: '#2E7D32', partial: '#F9A825', missed: '#C62828', onLeave: '#9E9E9E', notDue: '#BDBDBD' } satisfies Record<TargetStatus, string>;

export interface ChartData {
  /** OPD codes, in the order of recap.opds (best first). */
  readonly labels: string[];
  readonly values: number[];
  readonly colors: string[];
  readonly statuses: TargetStatus[];
  /** Each OPD's own posting target (its leave days excluded), marked on its bar. */
  readonly expected: number[];
}

/** What the chart draws, taken from the recap alone, so tests can hold it against the recap's numbers. */
export function chartData(recap: Recap): ChartData {
  return {
    labels: recap.opds.map((o) => o.code),
    values: recap.opds.map((o) => o.posts),
    colors: recap.opds.map((o) => statusColor[o.status]),
    statuses: recap.opds.map((o) => o.status),
    expected: recap.opds.map((o) => o.expectedPosts),
  };
}

export const chartWidth = 1200;

/**
 * 16 px per bar plus room for title, legend and axis, between 400 and 8000 px: 500 OPDs stay
 * within sendPhoto's limits (width + height ≤ 10,000, aspect ratio ≤ 20).
 */
export function chartSize(opds: number): { readonly width: number; readonly height: number } {
  return { width: chartWidth, height: Math.min(8000, Math.max(400, 150 + 16 * opds)) };
}
