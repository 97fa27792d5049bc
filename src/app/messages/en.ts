import type { Catalogue } from './id.ts';
import { enPartA } from './en/part-a.ts';
import { enPartB } from './en/part-b.ts';
import { enPartC } from './en/part-c.ts';
import { enPartD } from './en/part-d.ts';
import { formatDateEn, formatDateTimeEn, formatNumberEn } from '../../domain/time/format.ts';

/**
 * Every text a user reads, in English (APP_LOCALE=en). The same keys and signatures as the
 * Indonesian catalogue (the type says so); commands and the words typed after them stay
 * Indonesian. The parts call `en` only inside their functions, so import this file, never a
 * part directly (a part loaded first would meet this file half-evaluated).
 */
export const en: Catalogue = {
  ...enPartA,
  ...enPartB,
  ...enPartC,
  ...enPartD,
  format: {
    dateTime: (instant: Date, timeZone: string): string => formatDateTimeEn(instant, timeZone),
    date: (instant: Date, timeZone: string): string => formatDateEn(instant, timeZone),
    number: (value: number): string => formatNumberEn(value),
  },
  pages: {
    previous: '◀ Previous',
    next: 'Next ▶',
    position: (page: number, pages: number) => `${page}/${pages}`,
    footer: (page: number, pages: number, total: number) => `Page ${page} of ${pages} (${total} rows). Use the buttons below to move.`,
  },
};
