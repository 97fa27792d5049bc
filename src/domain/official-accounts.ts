import { platforms, type Platform } from './links/types.ts';

/**
 * Platforms on which every OPD is expected to have a registered official account (akun resmi).
 * The default of the MANDATORY_PLATFORMS setting (/atur platform_wajib).
 */
export const defaultMandatoryPlatforms: readonly Platform[] = ['instagram', 'facebook'];

/** The mandatory platforms without any registered account, in the usual platform order. */
export function missingPlatforms(registered: Iterable<Platform>, mandatory: readonly Platform[]): Platform[] {
  const have = new Set(registered);
  return platforms.filter((p) => mandatory.includes(p) && !have.has(p));
}
