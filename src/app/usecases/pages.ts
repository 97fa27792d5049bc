import type { Catalogue } from '../messages/id.ts';
import type { Button } from '../reply.ts';
import type { Page } from '../../domain/text/pages.ts';

/** The lists shown a page at a time, by the name their buttons carry. */
export type PagedList = 'opd' | 'rank';

export const PAGE_PREFIX = 'pg';

/** callback_data of a page button: "pg:<list>:<page>[:<argument>]" (well under Telegram's 64 bytes). */
export function pageData(list: PagedList, page: number, argument?: string): string {
  return [PAGE_PREFIX, list, String(page), ...(argument ? [argument] : [])].join(':');
}

/** "◀ Sebelumnya" / "Berikutnya ▶" under a page; none when everything fits on one. */
export function pageButtons(m: Catalogue, list: PagedList, page: Page<unknown>, argument?: string): Button[][] {
  if (page.pages <= 1) return [];
  const row: Button[] = [];
  if (page.page > 1) row.push({ text: m.pages.previous, callbackData: pageData(list, page.page - 1, argument) });
  row.push({ text: m.pages.position(page.page, page.pages), callbackData: pageData(list, page.page, argument) });
  if (page.page < page.pages) row.push({ text: m.pages.next, callbackData: pageData(list, page.page + 1, argument) });
  return [row];
}
