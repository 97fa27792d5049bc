import type { z } from 'zod';

export interface ImportSummary {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

export class ImportRejected extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Impor dibatalkan, tidak ada yang disimpan:\n${problems.join('\n')}`);
    this.name = 'ImportRejected';
  }
}

/**
 * Validates every row of an imported file before anything is stored: a bad row, or a key listed
 * twice, rejects the whole file with the line numbers (line 1 is the header).
 */
export function validateImportRows<Row>(
  rows: readonly Record<string, unknown>[],
  schema: z.ZodType<Row>,
  key: { of: (row: Row) => string; label: string },
  emptyProblem: string,
): Row[] {
  const problems: string[] = [];
  const valid: Row[] = [];
  const lineOf = new Map<string, number>();
  rows.forEach((row, index) => {
    const line = index + 2;
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      problems.push(`baris ${line}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      return;
    }
    const value = key.of(parsed.data);
    const first = lineOf.get(value);
    if (first !== undefined) {
      problems.push(`baris ${line}: ${key.label} ${value} sudah ada di baris ${first}`);
      return;
    }
    lineOf.set(value, line);
    valid.push(parsed.data);
  });
  if (rows.length === 0) problems.push(emptyProblem);
  if (problems.length > 0) throw new ImportRejected(problems);
  return valid;
}
