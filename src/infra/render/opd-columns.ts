import { platforms, type Platform } from '../../domain/links/types.ts';
import { kpiComponentKeys } from '../../domain/recap/kpi.ts';
import type { OpdRecap, TargetStatus } from '../../domain/recap/recap.ts';
import { labels } from './labels.ts';
import { integer, oneDecimal, type Column } from './table.ts';

export const statusFill = { met: 'FFC8E6C9', partial: 'FFFFE0B2', missed: 'FFFFCDD2', onLeave: 'FFE0E0E0', notDue: 'FFEEEEEE' } satisfies Record<TargetStatus, string>;
/** An OPD that posted nothing though not on leave all period (the recap's quiet OPDs). */
export const quietFill = 'FFFCE4EC';
/** A mandatory platform without a registered official account. */
export const missingAccountFill = 'FFFFEB3B';

/** Points are shown to one decimal, as the score is (docs/KPI.md), so the CSV holds the number the sheet shows. */
export const oneDecimalValue = (n: number): number => Math.round(n * 10) / 10;

export const isQuiet = (opd: OpdRecap): boolean => opd.posts === 0 && opd.status !== 'onLeave';

/** An empty list is an empty cell, which a filter shows as "(Kosong)", not a blank text. */
const listed = (list: readonly Platform[]) => (list.length > 0 ? labels.platformList(list) : null);

const count = (header: string, value: (opd: OpdRecap) => number): Column<OpdRecap> => ({ header, value, numFmt: integer });

/**
 * The per-OPD view, column by column. The workbook's "Per OPD" sheet and the CSV export are both
 * written from this list, so they cannot disagree.
 */
export const opdColumns: readonly Column<OpdRecap>[] = [
  // Empty for an OPD on leave all period: it is neither scored nor ranked.
  { header: 'Peringkat', value: (o) => o.rank, numFmt: integer },
  { header: 'Kode', value: (o) => o.code },
  { header: 'Nama OPD', value: (o) => o.name },
  { header: 'Jenis', value: (o) => o.type },
  count('Unggahan', (o) => o.posts),
  // A weekly target spread over an OPD's own working days can be fractional: one decimal, as in
  // the chat recap, and General so that a whole number shows without a trailing ",0".
  { header: 'Target unggahan', value: (o) => oneDecimalValue(o.expectedPosts) },
  count('Hari aktif', (o) => o.activeDays),
  count('Hari kerja', (o) => o.workingDays),
  count('Hari cuti', (o) => o.leaveDays),
  ...platforms.map((p) => count(labels.platformName(p), (o) => o.postsByPlatform[p])),
  { header: 'Platform wajib terisi', value: (o) => listed(o.mandatoryCovered) },
  {
    header: 'Akun wajib belum terdaftar',
    value: (o) => listed(o.missingAccounts),
    fill: (o) => (o.missingAccounts.length > 0 ? missingAccountFill : undefined),
  },
  count('Unggahan dari akun tak terdaftar', (o) => o.unregisteredPosts),
  count('Arahan diterima', (o) => o.directives.addressed),
  count('Arahan dikonfirmasi', (o) => o.directives.acknowledged),
  count('Arahan ditindaklanjuti', (o) => o.directives.followedUp),
  ...kpiComponentKeys.map(
    (key): Column<OpdRecap> => ({
      header: `Poin ${labels.component(key).toLowerCase()}`,
      // Empty, not 0, when the component does not apply: its weight went to the others.
      value: (o) => {
        const component = o.components.find((c) => c.key === key);
        return component && component.ratio !== null ? oneDecimalValue(component.points) : null;
      },
      numFmt: oneDecimal,
    }),
  ),
  { header: 'Skor KPI', value: (o) => (o.score === null ? null : oneDecimalValue(o.score)), numFmt: oneDecimal },
  { header: 'Status', value: (o) => labels.status(o.status), fill: (o) => statusFill[o.status] },
];
