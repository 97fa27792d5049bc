import type { Recap } from '../../domain/recap/recap.ts';

/** Turns a recap into the files leaders read (implemented under src/infra/render). */
export interface RecapRenderer {
  /** An .xlsx workbook, one sheet per view. */
  workbook(recap: Recap): Promise<Uint8Array>;
  /** A PNG chart of posts per OPD, coloured by how each meets the target. */
  chart(recap: Recap): Promise<Uint8Array>;
  /** The per-OPD view as CSV (same columns and values as the workbook's per-OPD sheet). */
  csv(recap: Recap): string;
}
