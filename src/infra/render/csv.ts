import { stringify } from 'csv-stringify/sync';
import type { Recap } from '../../domain/recap/recap.ts';
import { id, type Catalogue } from '../../app/messages/id.ts';
import { opdColumnsFor } from './opd-columns.ts';

/** A text cell that a spreadsheet would run as a formula (= + - @, tab, CR) is shown as text instead. */
const inert = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The "Per OPD" sheet as CSV: the same header and the same values, row for row. */
export function renderCsv(recap: Recap, messages: Catalogue = id): string {
  const opdColumns = opdColumnsFor(messages);
  const header = opdColumns.map((c) => c.header);
  const rows = recap.opds.map((opd) =>
    opdColumns.map((c) => {
      const value = c.value(opd);
      if (value === null) return '';
      if (typeof value === 'string') return inert(value);
      // The per-OPD sheet holds no dates; a Date here would be a new column that needs a format.
      return value instanceof Date ? value.toISOString() : value;
    }),
  );
  return stringify([header, ...rows]);
}
