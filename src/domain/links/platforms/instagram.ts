import { DIGITS, keyword, type LinkParts, type PlatformSpec, type PostMatch } from './spec.ts';

/** Media shortcode: case-sensitive, URL-safe base64 alphabet. */
const SHORTCODE = /^[A-Za-z0-9_-]{1,100}$/;
const USERNAME = /^[A-Za-z0-9._]{1,30}$/;

/** /p/, /reel/, /reels/ and /tv/ all serve the same media for one shortcode. */
const MEDIA_KINDS = new Map<string, string>([
  ['p', 'post'],
  ['reel', 'reel'],
  ['reels', 'reel'],
  ['tv', 'video'],
]);

/** First path segments that are Instagram routes, never usernames. */
export const RESERVED = new Set(['stories', 'explore', 'accounts', 'direct', 's', 'share', 'about', 'legal', 'developer', 'web', 'api', 'graphql', 'challenge', 'emails', 'session', 'oauth', 'ar']);

/** Opaque share-link code (case-sensitive; not a media shortcode). */
const SHARE_CODE = /^[A-Za-z0-9_-]{1,64}$/;
/** The sub-paths seen in share links: /share/<code>, /share/p/<code>, /share/reel/<code>. */
const SHARE_SECTIONS = new Set(['p', 'reel']);

/** Shortcode-shaped segments that are routes (e.g. /reels/audio/<id> is an audio page). */
const NOT_SHORTCODES = new Set(['audio']);

function media(kind: string, code: string | undefined, account?: string): PostMatch | null {
  if (code === undefined || !SHORTCODE.test(code) || NOT_SHORTCODES.has(code.toLowerCase())) return null;
  return { canonicalUrl: `https://instagram.com/p/${code}`, postId: code, kind, account };
}

/**
 * /share/[p|reel/]<code>: the app's share links. The code is opaque (it is not the media
 * shortcode), so it cannot be matched to the /p/<shortcode> link offline: each share form
 * keeps its own canonical namespace, like TikTok's vt.tiktok.com links.
 */
function share(rest: readonly string[]): PostMatch | null {
  const [a, b, extra] = rest;
  if (a === undefined || extra !== undefined) return null;
  if (b === undefined) {
    if (!SHARE_CODE.test(a) || SHARE_SECTIONS.has(a.toLowerCase())) return null;
    return { canonicalUrl: `https://instagram.com/share/${a}`, postId: a, kind: 'share' };
  }
  const section = a.toLowerCase();
  if (!SHARE_SECTIONS.has(section) || !SHARE_CODE.test(b)) return null;
  return { canonicalUrl: `https://instagram.com/share/${section}/${b}`, postId: b, kind: 'share' };
}

function parse({ segments }: LinkParts): PostMatch | null {
  const [first, second, third] = segments;
  const k0 = keyword(first);
  if (first === undefined || k0 === undefined) return null;

  const kind = MEDIA_KINDS.get(k0);
  if (kind !== undefined) return media(kind, second);
  if (k0 === 'share') return share(segments.slice(1));

  if (k0 === 'stories') {
    if (second === undefined || third === undefined) return null;
    const user = second.toLowerCase();
    if (!USERNAME.test(second) || user === 'highlights' || !DIGITS.test(third)) return null;
    return { canonicalUrl: `https://instagram.com/stories/${user}/${third}`, postId: third, kind: 'story', account: user };
  }

  // /<username>/p/<code> and /<username>/reel/<code>: the same media as without the username.
  const nestedKind = MEDIA_KINDS.get(keyword(second) ?? '');
  if (nestedKind !== undefined && USERNAME.test(first) && !RESERVED.has(k0)) return media(nestedKind, third, k0);

  return null;
}

export const instagram: PlatformSpec = {
  platform: 'instagram',
  hosts: ['instagram.com', 'instagr.am'],
  extraPrefixes: [],
  relatedDomains: ['cdninstagram.com'],
  mirrors: ['ddinstagram.com', 'kkinstagram.com', 'instagramez.com', 'imginn.com', 'picuki.com'],
  brands: ['instagram', 'instagr'],
  parse,
};
