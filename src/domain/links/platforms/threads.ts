import { keyword, type LinkParts, type PlatformSpec, type PostMatch } from './spec.ts';

const HANDLE = /^@([A-Za-z0-9._]{1,30})$/;
/** Post code: Instagram-style shortcode, case-sensitive. */
const CODE = /^[A-Za-z0-9_-]{1,100}$/;

function post(code: string | undefined, account?: string): PostMatch | null {
  if (code === undefined || !CODE.test(code)) return null;
  return { canonicalUrl: `https://threads.net/post/${code}`, postId: code, kind: 'post', account };
}

function parse({ segments }: LinkParts): PostMatch | null {
  const [first, second, third] = segments;
  const k0 = keyword(first);
  // /post/<code> (our canonical form) and the early /t/<code> share form.
  if (k0 === 'post' || k0 === 't') return post(second);
  const handle = first === undefined ? null : HANDLE.exec(first);
  if (handle?.[1] && keyword(second) === 'post') return post(third, handle[1].toLowerCase());
  return null;
}

export const threads: PlatformSpec = {
  platform: 'threads',
  hosts: ['threads.net', 'threads.com'],
  extraPrefixes: [],
  relatedDomains: [],
  mirrors: ['fixthreads.net', 'vxthreads.net'],
  brands: ['threads'],
  parse,
};
