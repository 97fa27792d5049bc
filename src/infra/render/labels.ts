import type { Priority } from '../../domain/directives/directive.ts';
import type { Platform } from '../../domain/links/types.ts';
import type { KpiComponentKey } from '../../domain/recap/kpi.ts';
import type { Recap, RecapPeriod, TargetStatus } from '../../domain/recap/recap.ts';
import { id } from '../../app/messages/id.ts';

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/**
 * The Indonesian words of the recap files. Whatever a chat message also names (platforms,
 * weekdays, statuses, KPI components, the period, the target) comes from the message catalogue,
 * so a file and a message never name a thing differently; only words no message uses (sheet
 * and column names, legend rules) are written here.
 */
export const labels = {
  yes: 'Ya',
  no: 'Tidak',
  platformName: (platform: Platform): string => id.platformName[platform],
  platformList: (list: readonly Platform[]): string => list.map((p) => id.platformName[p]).join(', '),
  weekdayName: (isoWeekday: number): string => id.calendar.weekdayNames[isoWeekday - 1] ?? '',
  status: (status: TargetStatus): string => id.recap.status[status],
  /** What each status means (the thresholds of docs/KPI.md), for the legend and the notes sheet. */
  statusRule: {
    met: 'unggahan ≥ 100% target',
    partial: 'unggahan 50–99% target',
    missed: 'unggahan < 50% target',
    onLeave: 'cuti sepanjang periode, tanpa skor dan peringkat',
    notDue: 'periode belum punya hari kerja, tanpa skor dan peringkat',
  } satisfies Record<TargetStatus, string>,
  /** The same, short, for the chart's legend. */
  legendRule: { met: '≥ 100% target', partial: '50–99% target', missed: '< 50% target', onLeave: 'sepanjang periode', notDue: 'belum ada hari kerja' } satisfies Record<TargetStatus, string>,
  /** "Hari aktif", "Tindak lanjut". */
  component: (key: KpiComponentKey): string => capitalised(id.recap.component[key]),
  priority: { biasa: 'Biasa', penting: 'Penting', segera: 'Segera' } satisfies Record<Priority, string>,
  /** "Minggu 16–22 November 2026", "November 2026". */
  period: (period: RecapPeriod): string => id.recap.periodLabel(period),
  /** ", dihitung sampai 19 November 2026" while the period is still running, else nothing. */
  countedNote: (period: RecapPeriod): string => (period.countedUntil < period.until ? `, dihitung sampai ${id.calendar.shortDay(period.countedUntil)}` : ''),
  /** "1 unggahan per hari kerja". */
  target: (target: Recap['target']): string => id.recap.target(target),
  sheet: { opds: 'Per OPD', platforms: 'Per Platform', days: 'Per Hari', directives: 'Arahan', notes: 'Keterangan' },
  total: 'Jumlah',
} as const;
