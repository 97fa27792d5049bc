import { keyword, type LinkParts, type PlatformSpec, type PostMatch } from './spec.ts';

const HANDLE = /^@([A-Za-z0-9._]{1,64})$/;
const ITEM_ID = /^\d{1,32}$/;
/** Opaque short-link code (case-sensitive). */
const SHORT_CODE = /^[A-Za-z0-9_-]{1,32}$/;

function shortLink(prefix: string, segments: readonly string[]): PostMatch | null {
  const [code] = segments;
  if (segments.length !== 1 || code === undefined || !SHORT_CODE.test(code)) return null;
  return { canonicalUrl: `https://${prefix}/${code}`, postId: code, kind: 'share' };
}

function parse({ host, segments }: LinkParts): PostMatch | null {
  // vm.tiktok.com, vt.tiktok.com and tiktok.com/t/ are separate short-link namespaces:
  // each keeps its own canonical form since they cannot be resolved offline.
  if (host === 'vm.tiktok.com' || host === 'vt.tiktok.com') return shortLink(host, segments);

  const [first, second, third] = segments;
  if (keyword(first) === 't') return shortLink('tiktok.com/t', segments.slice(1));

  const handle = first === undefined ? null : HANDLE.exec(first);
  const section = keyword(second);
  if (!handle?.[1] || (section !== 'video' && section !== 'photo') || third === undefined || !ITEM_ID.test(third)) return null;
  const account = handle[1].toLowerCase();
  return { canonicalUrl: `https://tiktok.com/@${account}/${section}/${third}`, postId: third, kind: section, account };
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
