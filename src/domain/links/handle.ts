import { classifyHost } from './host.ts';
import { parseUrl } from './parse.ts';
import { PLATFORM_SPECS } from './platforms/index.ts';
import { RESERVED as FACEBOOK_ROUTES } from './platforms/facebook.ts';
import { RESERVED as INSTAGRAM_ROUTES } from './platforms/instagram.ts';
import type { Platform } from './types.ts';

/** Why an account argument (@handle, handle or profile link) was refused. */
export type HandleProblem =
  | 'bad_handle' // characters or length the platform does not allow
  | 'other_site' // a link to another platform or site, a look-alike host, or no link at all
  | 'not_a_profile'; // a link to this platform, but not to one account's profile page

export type HandleResult =
  | {
      readonly ok: true;
      readonly platform: Platform;
      /** Lower-case, without @ (Facebook: the page's name in its URL, or its numeric id). */
      readonly handle: string;
      /** The profile's canonical URL (no www., like the canonical post URLs). */
      readonly url: string;
    }
  | {
      readonly ok: false;
      readonly problem: HandleProblem;
      /** The supported platform a link points to instead of the one asked for. */
      readonly linkPlatform?: Platform;
    };

interface HandleRule {
  /** A valid lower-case handle. */
  readonly pattern: RegExp;
  /** Hosts (after www./m. are stripped) that serve profile pages; short-link hosts do not. */
  readonly profileHosts: readonly string[];
  /** The handle a profile page's path names, or null when the path is not one account's profile. */
  profilePath(segments: readonly string[], query: URLSearchParams): string | null;
  profileUrl(handle: string): string;
}

const at = (segment: string | undefined): string | null => (segment?.startsWith('@') ? segment.slice(1) : null);
const oneOf = (words: readonly string[]) => new Set(words);

/** Profile tabs that still name the account (instagram.com/x/reels/, youtube.com/@x/videos …). */
const INSTAGRAM_TABS = oneOf(['reels', 'tagged']);
const FACEBOOK_TABS = oneOf(['about', 'posts', 'photos', 'videos', 'reels', 'mentions']);
const YOUTUBE_TABS = oneOf(['featured', 'videos', 'shorts', 'streams', 'playlists', 'community', 'posts', 'about', 'podcasts', 'releases']);
const X_TABS = oneOf(['with_replies', 'media', 'likes', 'highlights', 'articles']);
/** Instagram paths that are posts or routes, never usernames. */
const INSTAGRAM_NOT_USERS = new Set([...INSTAGRAM_ROUTES, 'p', 'reel', 'reels', 'tv']);
const X_ROUTES = oneOf(['i', 'home', 'explore', 'search', 'settings', 'notifications', 'messages', 'compose', 'intent', 'share', 'hashtag', 'login', 'signup', 'logout', 'tos', 'privacy', 'jobs', 'download']);
const FACEBOOK_NUMERIC_ID = /^\d{5,20}$/;
const numericId = (value: string | undefined): string | null => (value !== undefined && FACEBOOK_NUMERIC_ID.test(value) ? value : null);

/** A name in front of an optional tab: [name] or [name, tab]. */
function nameWithTab(segments: readonly string[], tabs: ReadonlySet<string>): string | null {
  const [name, tab, extra] = segments;
  if (name === undefined || extra !== undefined || (tab !== undefined && !tabs.has(tab.toLowerCase()))) return null;
  return name;
}

/**
 * Per platform: what a handle may look like, and how its profile page is addressed.
 * Patterns follow each platform's rules for new names, widened where older accounts differ.
 */
const RULES: Readonly<Record<Platform, HandleRule>> = {
  instagram: {
    pattern: /^[a-z0-9._]{1,30}$/,
    profileHosts: ['instagram.com', 'instagr.am'],
    profilePath(segments) {
      const name = nameWithTab(segments, INSTAGRAM_TABS);
      return name !== null && !INSTAGRAM_NOT_USERS.has(name.toLowerCase()) ? name : null;
    },
    profileUrl: (h) => `https://instagram.com/${h}`,
  },
  facebook: {
    // A vanity name (5–50 letters, digits and dots, with a letter) or, for pages that have none,
    // the numeric id from profile.php?id=<id>.
    pattern: /^(?:(?=[a-z0-9.]*[a-z])[a-z0-9.]{5,50}|\d{5,20})$/,
    profileHosts: ['facebook.com', 'fb.com'],
    profilePath(segments, query) {
      const [first, second, third] = segments;
      const route = first?.toLowerCase();
      if (route === 'profile.php' && second === undefined) return numericId(query.get('id') ?? undefined);
      // facebook.com/p/<Page-Name>-<id>/ and /people/<Name>/<id>/: pages without a vanity name.
      if (route === 'p' && third === undefined) return /-(\d{5,20})$/.exec(second ?? '')?.[1] ?? null;
      if (route === 'people' && segments.length === 3) return numericId(third);
      const name = nameWithTab(segments, FACEBOOK_TABS);
      if (name === null || FACEBOOK_ROUTES.has(name.toLowerCase())) return null;
      // The old "Page-Name-<id>" form names the page by its id.
      return name.includes('-') ? (/-(\d{5,20})$/.exec(name)?.[1] ?? name) : name;
    },
    profileUrl: (h) => (FACEBOOK_NUMERIC_ID.test(h) ? `https://facebook.com/profile.php?id=${h}` : `https://facebook.com/${h}`),
  },
  tiktok: {
    pattern: /^[a-z0-9._]{2,24}$/,
    profileHosts: ['tiktok.com'],
    profilePath: (segments) => (segments.length === 1 ? at(segments[0]) : null),
    profileUrl: (h) => `https://tiktok.com/@${h}`,
  },
  youtube: {
    pattern: /^[a-z0-9._-]{3,30}$/,
    profileHosts: ['youtube.com'],
    profilePath: (segments) => at(nameWithTab(segments, YOUTUBE_TABS) ?? undefined),
    profileUrl: (h) => `https://youtube.com/@${h}`,
  },
  x: {
    pattern: /^[a-z0-9_]{1,15}$/,
    profileHosts: ['x.com', 'twitter.com'],
    profilePath(segments) {
      const name = nameWithTab(segments, X_TABS);
      return name !== null && !X_ROUTES.has(name.toLowerCase()) ? name : null;
    },
    profileUrl: (h) => `https://x.com/${h}`,
  },
  threads: {
    pattern: /^[a-z0-9._]{1,30}$/,
    profileHosts: ['threads.net', 'threads.com'],
    profilePath: (segments) => (segments.length === 1 ? at(segments[0]) : null),
    profileUrl: (h) => `https://threads.net/@${h}`,
  },
};

const escapeDots = (host: string): string => host.replace(/\./g, '\\.');
/** A word that starts with a platform host ("instagram.com", "www.tiktok.com/@x") is a link, not a handle. */
const PLATFORM_HOST = new RegExp(
  `^(?:[a-z0-9-]+\\.)*(?:${PLATFORM_SPECS.flatMap((s) => s.hosts).map(escapeDots).join('|')})(?:[:/?#\\\\]|$)`,
  'i',
);

function looksLikeLink(text: string): boolean {
  return /[/\\]/.test(text) || PLATFORM_HOST.test(text);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function fromName(platform: Platform, name: string): HandleResult {
  const handle = name.toLowerCase();
  const rule = RULES[platform];
  if (!rule.pattern.test(handle)) return { ok: false, problem: 'bad_handle' };
  return { ok: true, platform, handle, url: rule.profileUrl(handle) };
}

function fromLink(platform: Platform, text: string): HandleResult {
  const parsed = parseUrl(text);
  if (!parsed.ok) return { ok: false, problem: 'other_site' };
  const verdict = classifyHost(parsed.url.hostname, parsed.rawAuthority);
  if (!verdict.ok || parsed.url.port !== '') return { ok: false, problem: 'other_site' };
  if (verdict.spec.platform !== platform) return { ok: false, problem: 'other_site', linkPlatform: verdict.spec.platform };
  const rule = RULES[platform];
  if (!rule.profileHosts.includes(verdict.host)) return { ok: false, problem: 'not_a_profile' };
  const segments = parsed.url.pathname.split('/').filter((s) => s !== '').map(decodeSegment);
  const name = rule.profilePath(segments, parsed.url.searchParams);
  return name === null ? { ok: false, problem: 'not_a_profile' } : fromName(platform, name);
}

/**
 * Reads the account argument of /akun and of the accounts CSV: "@user", "user", or a link to
 * the profile (https://www.instagram.com/dinkes.kab/, https://www.tiktok.com/@dinkes,
 * https://www.facebook.com/profile.php?id=…). Pure and total: never throws.
 */
export function parseAccountHandle(platform: Platform, input: string): HandleResult {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'bad_handle' };
  if (looksLikeLink(text)) return fromLink(platform, text);
  return fromName(platform, text.startsWith('@') ? text.slice(1) : text);
}

/** How a handle is written for people: "@dinkes", but a Facebook page by its bare name or id. */
export function displayHandle(platform: Platform, handle: string): string {
  return platform === 'facebook' ? handle : `@${handle}`;
}

/** The canonical profile URL of a valid handle (what parseAccountHandle returns as `url`). */
export function profileUrl(platform: Platform, handle: string): string {
  return RULES[platform].profileUrl(handle);
}
