import type { LinkResult } from './types.ts';

/**
 * The account (lower-case, without @) a post link shows, or null when it shows none.
 *
 * The platform parsers read it from the link as given, not from the canonical URL, which drops
 * the user for TikTok, X, Threads, Instagram and YouTube (one post, one record, whatever handle
 * the link carried). Links that show an account:
 * - TikTok tiktok.com/@user/video/<id> and /@user/photo/<id>;
 * - X x.com/<user>/status/<id> (not /i/status/ or /i/web/status/);
 * - Threads threads.net/@user/post/<code> (and threads.com);
 * - Instagram instagram.com/<user>/p/<code>, /<user>/reel/<code>, /stories/<user>/<id>;
 * - YouTube youtube.com/@handle/shorts/<id> (and /@handle/watch?v=, /@handle/live/<id>);
 * - Facebook facebook.com/<page>/posts|videos|photos/…, where <page> is a name, not a number.
 * Short links, plain watch/youtu.be links, numeric Facebook ids, profile.php, story.php,
 * permalink.php and group posts show none.
 */
export function accountShownBy(link: LinkResult): string | null {
  if (!link.ok || link.account === undefined || link.account === '') return null;
  return link.account.toLowerCase();
}
