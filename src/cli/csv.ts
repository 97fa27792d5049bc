import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** Parses a CSV file with a header row into records keyed by lower-cased column names. */
export function parseCsv(text: string): Record<string, string>[] {
  return parse(text.replace(/^\uFEFF/, ''), {
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
  }) as Record<string, string>[];
}

/**
 * Writes rows as CSV. Leaders open exports in spreadsheets, so a text cell that starts like a
 * formula (= + - @, tab, carriage return) is prefixed with ' and shown as text, never run.
 */
export function toCsv(rows: readonly Record<string, unknown>[]): string {
  if (rows.length === 0) return '';
  const safe = rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value])),
  );
  // Booleans as true/false: csv-stringify would otherwise write 1 and an empty cell.
  return stringify(safe, { header: true, cast: { boolean: (value) => String(value) } });
}
