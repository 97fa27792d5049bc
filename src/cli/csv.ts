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

export function toCsv(rows: readonly Record<string, unknown>[]): string {
  if (rows.length === 0) return '';
  return stringify(rows as Record<string, unknown>[], { header: true });
}
