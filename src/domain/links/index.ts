/**
 * The pure link domain: finding links in text and turning each into one canonical post record.
 *
 * Decisions where several answers were possible:
 * - Instagram /p/, /reel/, /reels/ and /tv/ with one shortcode are one post:
 *   https://instagram.com/p/<code> (`kind` tells which path the link used).
 * - music.youtube.com/watch?v=<id> is accepted as the same video as youtube.com.
 * - Instagram share links (/share/<code>, /share/p/<code>, /share/reel/<code>) carry an opaque
 *   code, not the media shortcode: they keep their own namespace
 *   https://instagram.com/share/[p/|reel/]<code> (kind 'share', code case-sensitive) and cannot
 *   be matched to the /p/<shortcode> link of the same post offline. Other /share/ paths are
 *   not_a_post.
 * - Facebook permalink.php and story.php?story_fbid=<id>&id=<owner id> are the post
 *   https://facebook.com/<owner id>/posts/<id> (numeric or pfbid… id), the same record as that
 *   link. A vanity page name and the page's numeric id cannot be resolved offline: they stay
 *   two records. A numeric owner id is not reported as `account`.
 * - Facebook /reel/<id>, /watch?v=<id>, /watch/live/?v=<id>, video.php?v=<id> and
 *   /<page>/videos/[<slug>/]<id> are one video: https://facebook.com/watch?v=<id> (`kind` keeps
 *   'reel', 'live' or 'video').
 * - Facebook group posts (/groups/<g>/posts/<id>, /groups/<g>/permalink/<id>,
 *   /groups/<g>?view=permalink&id=<id>) are https://facebook.com/groups/<g lowercased>/posts/<id>.
 *   The post id alone would identify the post, but no working link carries only the id, so the
 *   group stays in the URL: a numeric group id and its vanity name give two records.
 * - TikTok video and photo posts are keyed on the globally unique item id, not the handle:
 *   https://tiktok.com/@/video/<id> and https://tiktok.com/@/photo/<id> (TikTok redirects the
 *   empty-handle form to the post; the host has no www. like every other canonical URL, and
 *   tiktok.com itself redirects to www.). `account` is kept when the link shows a handle.
 *   /embed/<id>, /embed/v2/<id>, /player/v1/<id> and m.tiktok.com/v/<id>.html are the video form.
 *   A photo post reached through an embed link gets the video form (the id is the same, so this
 *   can only split one post in two, never merge two posts).
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
export { accountShownBy } from './account.ts';
export { displayHandle, parseAccountHandle, profileUrl, type HandleProblem, type HandleResult } from './handle.ts';
export { platformFromName } from './platform-names.ts';
