import { platforms, type Platform } from './types.ts';

/** What people type for a platform in chat and in CSV files: the full name or the usual short form. */
const NAMES: ReadonlyMap<string, Platform> = new Map<string, Platform>([
  ...platforms.map((p): [string, Platform] => [p, p]),
  ['ig', 'instagram'],
  ['fb', 'facebook'],
  ['tt', 'tiktok'],
  ['yt', 'youtube'],
  ['twitter', 'x'],
]);

/** instagram/ig, facebook/fb, tiktok/tt, youtube/yt, x/twitter, threads (any case); undefined otherwise. */
export function platformFromName(word: string): Platform | undefined {
  return NAMES.get(word.trim().toLowerCase());
}
