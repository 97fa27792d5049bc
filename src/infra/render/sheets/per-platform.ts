import type { Workbook } from 'exceljs';
import type { PlatformRecap, Recap } from '../../../domain/recap/recap.ts';
import type { RecapLabels } from '../labels.ts';
import { addTable, integer, percent, type Column } from '../table.ts';

export function addPlatformSheet(workbook: Workbook, recap: Recap, labels: RecapLabels): void {
  const h = labels.file.platformColumn;
  const total = recap.platforms.reduce((sum, p) => sum + p.posts, 0);
  const share = (posts: number) => (total > 0 ? posts / total : null);
  const columns: Column<PlatformRecap>[] = [
    { header: h.platform, value: (p) => labels.platformName(p.platform) },
    { header: h.mandatory, value: (p) => (p.mandatory ? labels.yes : labels.no) },
    { header: h.posts, value: (p) => p.posts, numFmt: integer },
    { header: h.opds, value: (p) => p.opds, numFmt: integer },
    { header: h.share, value: (p) => share(p.posts), numFmt: percent },
    {
      header: h.missingAccounts,
      // Only mandatory platforms need an account, so only they have a count.
      value: (p) => (p.mandatory ? recap.opds.filter((o) => o.missingAccounts.includes(p.platform)).length : null),
      numFmt: integer,
    },
  ];
  addTable(workbook, labels.sheet.platforms, columns, recap.platforms, {
    footer: [[labels.total, null, total, recap.totals.activeOpds, share(total), null]],
  });
}
