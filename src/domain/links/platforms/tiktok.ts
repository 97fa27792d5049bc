import { keyword, type LinkParts, type PlatformSpec, type PostMatch } from './spec.ts';

/** "@handle", or the bare "@" of our own canonical form. */
const HANDLE = /^@([A-Za-z0-9._]{0,64})$/;
const ITEM_ID = /^\d{1,32}$/;
/** The legacy mobile form's last segment: "<id>.html" (or the bare id). */
const LEGACY_ITEM = /^(\d{1,32})(?:\.html)?$/i;
/** Opaque short-link code (case-sensitive). */
const SHORT_CODE = /^[A-Za-z0-9_-]{1,32}$/;

function shortLink(prefix: string, segments: readonly string[]): PostMatch | null {
  const [code] = segments;
  if (segments.length !== 1 || code === undefined || !SHORT_CODE.test(code)) return null;
  return { canonicalUrl: `https://${prefix}/${code}`, postId: code, kind: 'share' };
}

/**
 * A video or photo post. Its numeric id is unique across TikTok, so the canonical URL leaves the
 * handle out (https://tiktok.com/@/video/<id>): TikTok redirects that form to the post, and a
 * renamed or mistyped handle cannot split one post into two records.
 */
function item(section: 'video' | 'photo', id: string | undefined, account?: string): PostMatch | null {
  if (id === undefined || !ITEM_ID.test(id)) return null;
  return { canonicalUrl: `https://tiktok.com/@/${section}/${id}`, postId: id, kind: section, account };
}

function parse({ host, segments }: LinkParts): PostMatch | null {
  // vm.tiktok.com, vt.tiktok.com and tiktok.com/t/ are separate short-link namespaces:
  // each keeps its own canonical form since they cannot be resolved offline.
  if (host === 'vm.tiktok.com' || host === 'vt.tiktok.com') return shortLink(host, segments);

  const [first, second, third] = segments;
  const k0 = keyword(first);
  if (k0 === 't') return shortLink('tiktok.com/t', segments.slice(1));

  // Embeds and the legacy mobile page only ever show videos:
  // /embed/<id>, /embed/v2/<id>, /player/v1/<id> and m.tiktok.com/v/<id>.html.
  if (k0 === 'embed') return keyword(second) === 'v2' ? item('video', third) : third === undefined ? item('video', second) : null;
  if (k0 === 'player') return keyword(second) === 'v1' ? item('video', third) : null;
  if (k0 === 'v') return third === undefined ? item('video', LEGACY_ITEM.exec(second ?? '')?.[1]) : null;

  const handle = first === undefined ? null : HANDLE.exec(first);
  const section = keyword(second);
  if (handle?.[1] === undefined || (section !== 'video' && section !== 'photo')) return null;
  return item(section, third, handle[1] === '' ? undefined : handle[1].toLowerCase());
}

export const tiktok: PlatformSpec = {
  platform: 'tiktok',
  hosts: ['tiktok.com', 'vt.tiktok.com', 'vm.tiktok.com'],
  extraPrefixes: [],
  relatedDomains: ['tiktokcdn.com', 'tiktokcdn-us.com', 'tiktokv.com'],
  mirrors: ['vxtiktok.com', 'tiktxk.com', 'tnktok.com'],
  brands: ['tiktok'],
  parse,
};
