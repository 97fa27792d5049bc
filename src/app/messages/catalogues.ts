import { en } from './en.ts';
import { id, type Catalogue } from './id.ts';

/** The languages the bot speaks (APP_LOCALE); Indonesian is the default. */
export type Locale = 'id' | 'en';

export const locales: readonly Locale[] = ['id', 'en'];

export const catalogues: Readonly<Record<Locale, Catalogue>> = { id, en };
