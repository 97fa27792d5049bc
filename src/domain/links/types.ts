/** The platforms whose post links kopdar records. */
export type Platform = 'instagram' | 'facebook' | 'tiktok' | 'youtube' | 'x' | 'threads';

/** Why a link was refused. Each reason maps to one user-facing explanation. */
export type RefusalReason =
  | 'not_a_post' // profile, channel, page, hashtag, home page … (a link, but not to one post)
  | 'unsupported_site' // some other domain (also IP hosts, non-default ports, known mirrors)
  | 'lookalike_host' // instagram.com.evil.io, lnstagram.com, faceb00k.com, punycode / non-ASCII host …
  | 'credentials' // user:pass@host or user@host
  | 'bad_scheme' // javascript:, ftp:, data:, file: …
  | 'too_long' // over MAX_LINK_LENGTH characters
  | 'malformed'; // cannot be parsed as a URL

export type LinkResult =
  | {
      ok: true;
      platform: Platform;
      /** Every variant of one post maps to exactly this string; different posts never share it. */
      canonicalUrl: string;
      postId: string;
      /** Where the link came from: 'post' | 'reel' | 'story' | 'video' | 'photo' | 'short' | 'live' | 'status' | 'share'. */
      kind: string;
      /** Lowercase handle without '@', only when the link itself shows it. */
      account?: string;
      original: string;
    }
  | { ok: false; reason: RefusalReason; original: string };

export const platforms: readonly Platform[] = ['instagram', 'facebook', 'tiktok', 'youtube', 'x', 'threads'];

export function isPlatform(value: string): value is Platform {
  return (platforms as readonly string[]).includes(value);
}
