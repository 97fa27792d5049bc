import { DIGITS, keyword, param, type LinkParts, type PlatformSpec, type PostMatch } from './spec.ts';

/** A post id: numeric, or the newer opaque "pfbid…" form (case-sensitive). */
const POST_ID = /^(?:\d{1,30}|pfbid[A-Za-z0-9]{1,100})$/;
/** Page, profile or group vanity name (case-insensitive) or numeric id. */
const NAME = /^[A-Za-z0-9._-]{1,100}$/;
/** Opaque share / fb.watch code (case-sensitive). */
const CODE = /^[A-Za-z0-9_-]{1,64}$/;

const SHARE_KINDS = new Map<string, string>([
  ['p', 'post'],
  ['v', 'video'],
  ['r', 'reel'],
]);

/** First path segments that are Facebook routes, never page names. */
export const RESERVED = new Set([
  'profile.php', 'people', 'pages', 'pg', 'events', 'hashtag', 'watch', 'marketplace', 'gaming', 'stories',
  'login', 'login.php', 'home.php', 'sharer', 'sharer.php', 'dialog', 'plugins', 'help', 'policies', 'privacy',
  'settings', 'notifications', 'messages', 'friends', 'search', 'l.php', 'media', 'photos', 'videos', 'reels',
  'groups', 'share', 'reel', 'photo', 'photo.php', 'video.php', 'story.php', 'permalink.php', 'business', 'ads',
]);

function video(id: string | undefined, kind: string, account?: string): PostMatch | null {
  if (id === undefined || !DIGITS.test(id)) return null;
  return { canonicalUrl: `https://facebook.com/watch?v=${id}`, postId: id, kind, account };
}

function photo(id: string | undefined, account?: string): PostMatch | null {
  if (id === undefined || !DIGITS.test(id)) return null;
  return { canonicalUrl: `https://facebook.com/photo.php?fbid=${id}`, postId: id, kind: 'photo', account };
}

function parseFbWatch(segments: readonly string[]): PostMatch | null {
  const [code] = segments;
  if (segments.length !== 1 || code === undefined || !CODE.test(code)) return null;
  return { canonicalUrl: `https://fb.watch/${code}`, postId: code, kind: 'video' };
}

function parseShare(second: string | undefined, third: string | undefined): PostMatch | null {
  if (second === undefined) return null;
  const shareKind = SHARE_KINDS.get(second.toLowerCase());
  if (shareKind !== undefined) {
    if (third === undefined || !CODE.test(third)) return null;
    const letter = second.toLowerCase();
    return { canonicalUrl: `https://facebook.com/share/${letter}/${third}`, postId: third, kind: shareKind };
  }
  if (third !== undefined || !CODE.test(second)) return null;
  return { canonicalUrl: `https://facebook.com/share/${second}`, postId: second, kind: 'share' };
}

/**
 * A page or profile post: https://facebook.com/<owner>/posts/<id>. A numeric owner id is kept
 * as it is (and is not an account handle); a vanity name is lowercased. The two cannot be
 * matched to each other offline.
 */
function pagePost(owner: string, id: string | undefined): PostMatch | null {
  if (id === undefined || !POST_ID.test(id)) return null;
  return { canonicalUrl: `https://facebook.com/${owner.toLowerCase()}/posts/${id}`, postId: id, kind: 'post', account: handleOf(owner) };
}

/** The account handle a page segment shows: a vanity name, never a numeric id. */
function handleOf(page: string): string | undefined {
  return DIGITS.test(page) ? undefined : page.toLowerCase();
}

/**
 * A group post. The post id alone would identify it, but no working link carries only the id,
 * so the group stays in the URL as given (lowercased): a numeric group id and the group's
 * vanity name cannot be matched offline and give two records.
 */
function groupPost(group: string | undefined, id: string | undefined): PostMatch | null {
  if (group === undefined || !NAME.test(group) || id === undefined || !POST_ID.test(id)) return null;
  return { canonicalUrl: `https://facebook.com/groups/${group.toLowerCase()}/posts/${id}`, postId: id, kind: 'post' };
}

function parsePageLink(page: string, rest: readonly string[]): PostMatch | null {
  const [section, a, b] = rest;
  const account = handleOf(page);
  switch (keyword(section)) {
    case 'posts':
      return pagePost(page, a);
    case 'videos':
      // /<page>/videos/<id> or /<page>/videos/<slug-or-album>/<id>
      return video(a !== undefined && DIGITS.test(a) ? a : b, 'video', account);
    case 'photos':
      // /<page>/photos/<id> or /<page>/photos/<album>/<id>
      return photo(a !== undefined && DIGITS.test(a) && b === undefined ? a : b, account);
    default:
      return null;
  }
}

function parse({ host, segments, query }: LinkParts): PostMatch | null {
  if (host === 'fb.watch') return parseFbWatch(segments);

  const [first, second, third, fourth] = segments;
  if (first === undefined) return null;
  switch (first.toLowerCase()) {
    case 'permalink.php':
    case 'story.php': {
      // The same post as /<owner id>/posts/<story_fbid>.
      const ownerId = param(query, 'id');
      if (second !== undefined || ownerId === undefined || !DIGITS.test(ownerId)) return null;
      return pagePost(ownerId, param(query, 'story_fbid'));
    }
    case 'watch': {
      const sub = keyword(second);
      if (third !== undefined || (sub !== undefined && sub !== 'live')) return null;
      return video(param(query, 'v'), sub === 'live' ? 'live' : 'video');
    }
    case 'video.php':
      return second === undefined ? video(param(query, 'v'), 'video') : null;
    case 'reel':
      // A reel id is a video id: /reel/<id> plays the same video as /watch?v=<id>.
      return third === undefined ? video(second, 'reel') : null;
    case 'photo.php':
    case 'photo':
      return second === undefined ? photo(param(query, 'fbid')) : null;
    case 'share':
      return parseShare(second, third);
    case 'groups': {
      // /groups/<g>/posts/<id>, /groups/<g>/permalink/<id> and the old mobile
      // /groups/<g>?view=permalink&id=<id> all name one group post.
      const section = keyword(third);
      if (section === 'posts' || section === 'permalink') return groupPost(second, fourth);
      if (third === undefined && param(query, 'view')?.toLowerCase() === 'permalink') return groupPost(second, param(query, 'id'));
      return null;
    }
    default:
      if (RESERVED.has(first.toLowerCase()) || !NAME.test(first)) return null;
      return parsePageLink(first, segments.slice(1));
  }
}

export const facebook: PlatformSpec = {
  platform: 'facebook',
  hosts: ['facebook.com', 'fb.com', 'fb.watch'],
  // free.facebook.com, d.facebook.com and 0.facebook.com are the data-saving front-ends
  // (widely used in Indonesia) serving the same paths as facebook.com.
  extraPrefixes: ['free', 'd', '0'],
  relatedDomains: ['fbcdn.net', 'fbsbx.com', 'facebook.net'],
  mirrors: [],
  brands: ['facebook'],
  parse,
};
