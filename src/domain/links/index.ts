/**
 * The pure link domain: finding links in text and turning each into one canonical post record.
 *
 * Decisions where several answers were possible:
 * - Instagram /p/, /reel/, /reels/ and /tv/ with one shortcode are one post:
 *   https://instagram.com/p/<code> (`kind` tells which path the link used).
 * - music.youtube.com/watch?v=<id> is accepted as the same video as youtube.com.
 * - TikTok vm.tiktok.com, vt.tiktok.com and tiktok.com/t/ short links stay separate namespaces.
 * - An explicit non-default port (instagram.com:8443) is unsupported_site; :443/:80 are dropped.
 * - IP-address hosts and embed-fixing mirrors (fxtwitter.com, ddinstagram.com …) are unsupported_site.
 * - Real subdomains and CDN domains of a platform (help.instagram.com, business.facebook.com,
 *   fbcdn.net …) are genuine links that are not one post: not_a_post, not lookalike_host.
 * - free., d. and 0.facebook.com (data-saving front-ends) count as facebook.com.
 * - A host typed with non-ASCII characters or %-escapes is lookalike_host even when the URL
 *   parser would map it to a real host (ｉｎｓｔａｇｒａｍ.com, instagr%61m.com).
 * - A trailing dot in the host (instagram.com.) is the same host.
 * - An identifying parameter given twice with different values (?v=a&v=b) is not_a_post,
 *   so parameter order can never change the answer.
 * - Without a scheme, a host with no dot ("hello") is malformed, not a site.
 */
export type { LinkResult, Platform, RefusalReason } from './types.ts';
export { isPlatform, platforms } from './types.ts';
export { MAX_LINK_LENGTH } from './limits.ts';
export { normalizeLink } from './normalize.ts';
export { extractLinks } from './extract.ts';
