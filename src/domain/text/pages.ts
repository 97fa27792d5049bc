/** One page of a long list; pages count from 1. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly pages: number;
  readonly total: number;
}

/** The requested page of `items` (clamped into range, so a stale button still shows something). */
export function pageOf<T>(items: readonly T[], requested: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = Math.min(Math.max(1, Number.isFinite(requested) ? Math.floor(requested) : 1), pages);
  return { items: items.slice((page - 1) * size, page * size), page, pages, total: items.length };
}
