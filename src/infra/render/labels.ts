import type { Platform } from '../../domain/links/types.ts';
import type { KpiComponentKey } from '../../domain/recap/kpi.ts';
import type { Recap, RecapPeriod, TargetStatus } from '../../domain/recap/recap.ts';
import { id, type Catalogue } from '../../app/messages/id.ts';

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/**
 * The words of the recap files in one catalogue's language. Whatever a chat message also names
 * (platforms, weekdays, statuses, KPI components, the period, the target) comes from the message
 * catalogue's own sections, so a file and a message never name a thing differently; the words
 * only the files use (sheet and column names, legend rules, notes) are its `recapFile` section.
 */
export function labelsFor(m: Catalogue) {
  const file = m.recapFile;
  return {
    /** The catalogue itself, for its dates and numbers. */
    messages: m,
    /** Every word only the files use (column headers, notes, chart). */
    file,
    yes: file.yes,
    no: file.no,
    platformName: (platform: Platform): string => m.platformName[platform],
    platformList: (list: readonly Platform[]): string => list.map((p) => m.platformName[p]).join(', '),
    weekdayName: (isoWeekday: number): string => m.calendar.weekdayNames[isoWeekday - 1] ?? '',
    status: (status: TargetStatus): string => m.recap.status[status],
    /** What each status means (the thresholds of docs/KPI.md), for the notes sheet. */
    statusRule: file.statusRule,
    /** The same, short, for the chart's legend. */
    legendRule: file.legendRule,
    /** "Hari aktif", "Tindak lanjut". */
    component: (key: KpiComponentKey): string => capitalised(m.recap.component[key]),
    priority: file.priority,
    /** "Minggu 16–22 November 2026", "November 2026". */
    period: (period: RecapPeriod): string => m.recap.periodLabel(period),
    /** ", dihitung sampai 19 November 2026" while the period is still running, else nothing. */
    countedNote: (period: RecapPeriod): string => file.countedNote(period),
    /** "1 unggahan per hari kerja". */
    target: (target: Recap['target']): string => m.recap.target(target),
    sheet: file.sheet,
    total: file.total,
  };
}

export type RecapLabels = ReturnType<typeof labelsFor>;

/** The Indonesian words (the default language). */
export const labels: RecapLabels = labelsFor(id);
