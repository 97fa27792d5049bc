import { keyword, type LinkParts, type PlatformSpec, type PostMatch } from './spec.ts';

const STATUS_ID = /^\d{1,25}$/;
const USER = /^[A-Za-z0-9_]{1,50}$/;

function status(id: string | undefined, account?: string): PostMatch | null {
  if (id === undefined || !STATUS_ID.test(id)) return null;
  return { canonicalUrl: `https://x.com/i/status/${id}`, postId: id, kind: 'status', account };
}

function parse({ segments }: LinkParts): PostMatch | null {
  const [first, second, third, fourth] = segments;
  const k0 = keyword(first);
  const k1 = keyword(second);
  if (first === undefined || k0 === undefined) return null;
  if (k0 === 'i') {
    if (k1 === 'status') return status(third);
    if (k1 === 'web' && keyword(third) === 'status') return status(fourth);
    return null;
  }
  // /<user>/status/<id> plus any suffix (/photo/1, /video/1, /analytics …): the id alone names the post.
  if ((k1 === 'status' || k1 === 'statuses') && USER.test(first)) return status(third, k0);
  return null;
}

export const x: PlatformSpec = {
  platform: 'x',
  hosts: ['x.com', 'twitter.com'],
  extraPrefixes: [],
  relatedDomains: ['twimg.com'],
  // Embed-fixing front-ends are not X itself: refused as unsupported_site.
  mirrors: ['fxtwitter.com', 'vxtwitter.com', 'fixupx.com', 'fixvx.com', 'twittpr.com', 'nitter.net', 'xcancel.com'],
  brands: ['twitter'],
  parse,
};
