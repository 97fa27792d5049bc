import { platforms, type Platform } from '../../domain/links/types.ts';
import { kpiComponentKeys } from '../../domain/recap/kpi.ts';
import type { OpdRecap, TargetStatus } from '../../domain/recap/recap.ts';
import type { Catalogue } from '../../app/messages/id.ts';
import { id } from '../../app/messages/id.ts';
import { labelsFor, type RecapLabels } from './labels.ts';
import { integer, oneDecimal, type Column } from './table.ts';

export const statusFill = { met: 'FFC8E6C9', partial: 'FFFFE0B2', missed: 'FFFFCDD2', onLeave: 'FFE0E0E0', notDue: 'FFEEEEEE' } satisfies Record<TargetStatus, string>;
/** An OPD that posted nothing though not on leave all period (the recap's quiet OPDs). */
export const quietFill = 'FFFCE4EC';
/** A mandatory platform without a registered official account. */
export const missingAccountFill = 'FFFFEB3B';

/** Points are shown to one decimal, as the score is (docs/KPI.md), so the CSV holds the number the sheet shows. */
export const oneDecimalValue = (n: number): number => Math.round(n * 10) / 10;

/** An empty list is an empty cell, which a filter shows as "(Kosong)", not a blank text. */
const listed = (labels: RecapLabels, list: readonly Platform[]) => (list.length > 0 ? labels.platformList(list) : null);

const count = (header: string, value: (opd: OpdRecap) => number): Column<OpdRecap> => ({ header, value, numFmt: integer });

const byCatalogue = new WeakMap<Catalogue, readonly Column<OpdRecap>[]>();

/**
 * The per-OPD view, column by column. The workbook's "Per OPD" sheet and the CSV export are both
 * written from this list, so they cannot disagree.
 */
export function opdColumnsFor(m: Catalogue): readonly Column<OpdRecap>[] {
  const cached = byCatalogue.get(m);
  if (cached) return cached;
  const labels = labelsFor(m);
  const h = labels.file.opdColumn;
  const columns: readonly Column<OpdRecap>[] = [
    // Empty for an OPD on leave all period: it is neither scored nor ranked.
    { header: h.rank, value: (o) => o.rank, numFmt: integer },
    { header: h.code, value: (o) => o.code },
    { header: h.name, value: (o) => o.name },
    { header: h.type, value: (o) => o.type },
    count(h.posts, (o) => o.posts),
    // A weekly target spread over an OPD's own working days can be fractional: one decimal, as in
    // the chat recap, and General so that a whole number shows without a trailing ",0".
    { header: h.expectedPosts, value: (o) => oneDecimalValue(o.expectedPosts) },
    count(h.activeDays, (o) => o.activeDays),
    count(h.workingDays, (o) => o.workingDays),
    count(h.leaveDays, (o) => o.leaveDays),
    ...platforms.map((p) => count(labels.platformName(p), (o) => o.postsByPlatform[p])),
    { header: h.mandatoryCovered, value: (o) => listed(labels, o.mandatoryCovered) },
    {
      header: h.missingAccounts,
      value: (o) => listed(labels, o.missingAccounts),
      fill: (o) => (o.missingAccounts.length > 0 ? missingAccountFill : undefined),
    },
    count(h.unregisteredPosts, (o) => o.unregisteredPosts),
    count(h.directivesAddressed, (o) => o.directives.addressed),
    count(h.directivesAcknowledged, (o) => o.directives.acknowledged),
    count(h.directivesFollowedUp, (o) => o.directives.followedUp),
    ...kpiComponentKeys.map(
      (key): Column<OpdRecap> => ({
        header: h.points(labels.component(key).toLowerCase()),
        // Empty, not 0, when the component does not apply: its weight went to the others.
        value: (o) => {
          const component = o.components.find((c) => c.key === key);
          return component && component.ratio !== null ? oneDecimalValue(component.points) : null;
        },
        numFmt: oneDecimal,
      }),
    ),
    { header: h.score, value: (o) => (o.score === null ? null : oneDecimalValue(o.score)), numFmt: oneDecimal },
    { header: h.status, value: (o) => labels.status(o.status), fill: (o) => statusFill[o.status] },
  ];
  byCatalogue.set(m, columns);
  return columns;
}

/** The Indonesian per-OPD view (the default language). */
export const opdColumns: readonly Column<OpdRecap>[] = opdColumnsFor(id);
