import { platforms, type Platform } from './links/types.ts';

/**
 * Platforms on which every OPD is expected to have a registered official account (akun resmi).
 * A default: the recap may read the list from a setting instead.
 */
export const defaultMandatoryPlatforms: readonly Platform[] = ['instagram', 'facebook'];

/** The mandatory platforms without any registered account, in the usual platform order. */
export function missingPlatforms(registered: Iterable<Platform>, mandatory: readonly Platform[] = defaultMandatoryPlatforms): Platform[] {
  const have = new Set(registered);
  return platforms.filter((p) => mandatory.includes(p) && !have.has(p));
}
