import { resemblesPlatform } from './lookalike.ts';
import { PLATFORM_SPECS, type PlatformSpec } from './platforms/index.ts';
import type { RefusalReason } from './types.ts';

/** Prefixes that name the same site on every platform (mobile, web and lite front-ends). */
const GENERIC_PREFIXES = new Set(['www', 'm', 'web', 'mobile', 'mbasic', 'touch']);

export type HostVerdict =
  | { readonly ok: true; readonly spec: PlatformSpec; readonly host: string }
  | { readonly ok: false; readonly reason: RefusalReason };

const ALL_REAL_HOSTS: readonly string[] = PLATFORM_SPECS.flatMap((s) => s.hosts);
const ALL_BRANDS: readonly string[] = PLATFORM_SPECS.flatMap((s) => s.brands);
const OWN_DOMAINS: readonly string[] = PLATFORM_SPECS.flatMap((s) => [...s.hosts, ...s.relatedDomains]);
const MIRRORS: readonly string[] = PLATFORM_SPECS.flatMap((s) => s.mirrors);

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

function isOrUnder(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

function stripPrefixes(host: string, prefixes: ReadonlySet<string>): string {
  let current = host;
  for (;;) {
    const dot = current.indexOf('.');
    if (dot < 0 || !prefixes.has(current.slice(0, dot))) return current;
    current = current.slice(dot + 1);
  }
}

const PREFIXES_BY_SPEC: ReadonlyMap<PlatformSpec, ReadonlySet<string>> = new Map(
  PLATFORM_SPECS.map((spec) => [spec, new Set([...GENERIC_PREFIXES, ...spec.extraPrefixes])]),
);

function findSupported(host: string): { spec: PlatformSpec; host: string } | undefined {
  for (const [spec, prefixes] of PREFIXES_BY_SPEC) {
    const candidate = stripPrefixes(host, prefixes);
    if (spec.hosts.includes(candidate)) return { spec, host: candidate };
  }
  return undefined;
}

/**
 * Decides what a host means for us.
 * @param hostname the WHATWG-parsed hostname (lowercase, punycode)
 * @param rawAuthority the authority exactly as typed (to catch non-ASCII or %-encoded hosts
 *   that the URL parser would silently map to ASCII)
 */
export function classifyHost(hostname: string, rawAuthority: string): HostVerdict {
  // Full-width letters, Cyrillic homoglyphs, invisible characters and %-escapes are all
  // rewritten by the URL parser; a host typed that way is an imitation whatever it maps to.
  if (/[^\x21-\x7e]|%/.test(rawAuthority)) return { ok: false, reason: 'lookalike_host' };
  const host = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  if (host.split('.').some((label) => label.startsWith('xn--'))) return { ok: false, reason: 'lookalike_host' };
  if (host.startsWith('[') || IPV4.test(host)) return { ok: false, reason: 'unsupported_site' };

  const supported = findSupported(host);
  if (supported) return { ok: true, ...supported };

  // A real subdomain or related domain of a platform (help.instagram.com, fbcdn.net …):
  // a genuine link to the platform, but not to one post.
  if (OWN_DOMAINS.some((domain) => isOrUnder(host, domain))) return { ok: false, reason: 'not_a_post' };
  if (MIRRORS.some((domain) => isOrUnder(host, domain))) return { ok: false, reason: 'unsupported_site' };
  if (resemblesPlatform(host, ALL_BRANDS, ALL_REAL_HOSTS)) return { ok: false, reason: 'lookalike_host' };
  return { ok: false, reason: 'unsupported_site' };
}
