import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LINK_LENGTH, extractLinks, normalizeLink } from '../../../src/domain/links/index.ts';

const PARAMS = { seed: 20261123, numRuns: 10_000 } as const;

const b64 = fc.string({ unit: fc.constantFrom(...'ABCabcXYZxyz019_-'), minLength: 1, maxLength: 14 });
const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 19 });
const ytId = fc.string({ unit: fc.constantFrom(...'AaBbZz09_-'), minLength: 11, maxLength: 11 });
const letter = fc.constantFrom(...'abcXYZ');
const handle = fc.tuple(letter, fc.string({ unit: fc.constantFrom(...'abcXYZ09._'), maxLength: 12 })).map(([a, b]) => a + b);
const xHandle = fc.tuple(letter, fc.string({ unit: fc.constantFrom(...'abcXYZ09_'), maxLength: 14 })).map(([a, b]) => a + b);
const hostPrefix = fc.constantFrom('', 'www.', 'm.', 'web.', 'mobile.', 'WWW.');
const scheme = fc.constantFrom('https://', 'http://', '', 'HTTPS://', '//');
const tracking = fc.array(fc.constantFrom('igsh=abc', 'utm_source=x', 'si=1', 's=20', 't=9', 'fbclid=Iw', 'mibextid=Q', '__tn__=%2CO', 'feature=share', 'ref=1'), { maxLength: 4 });

/** Realistic post links (with random ids, hosts, casing and tracking) for every platform form. */
const postLink = fc
  .tuple(
    fc.oneof(
      fc.tuple(fc.constantFrom('instagram.com', 'instagr.am'), fc.constantFrom('p', 'reel', 'reels', 'tv'), b64).map(([h, k, c]) => [h, `/${k}/${c}`, []] as const),
      fc.tuple(handle, b64).map(([u, c]) => ['instagram.com', `/${u}/p/${c}`, []] as const),
      fc.tuple(handle, digits).map(([u, id]) => ['instagram.com', `/stories/${u}/${id}`, []] as const),
      fc.tuple(fc.constantFrom('/share/', '/share/p/', '/share/reel/', '/share/REEL/'), b64).map(([k, c]) => ['instagram.com', `${k}${c}`, []] as const),
      fc.tuple(handle, digits).map(([p, id]) => ['facebook.com', `/${p}/posts/${id}`, []] as const),
      fc.tuple(digits, digits, fc.constantFrom('story.php', 'permalink.php')).map(([a, b, f]) => ['facebook.com', `/${f}`, [`story_fbid=${a}`, `id=${b}`]] as const),
      fc.tuple(b64, digits).map(([a, b]) => ['facebook.com', '/permalink.php', [`story_fbid=pfbid0${a.replace(/[_-]/g, '')}`, `id=${b}`]] as const),
      fc.tuple(digits, digits).map(([owner, id]) => ['facebook.com', `/${owner}/posts/${id}`, []] as const),
      digits.map((v) => ['facebook.com', '/watch/', [`v=${v}`]] as const),
      digits.map((v) => ['facebook.com', `/reel/${v}`, []] as const),
      fc.tuple(handle, digits, fc.constantFrom('posts', 'permalink')).map(([g, id, k]) => ['facebook.com', `/groups/${g}/${k}/${id}`, []] as const),
      fc.tuple(handle, digits).map(([g, id]) => ['facebook.com', `/groups/${g}`, ['view=permalink', `id=${id}`]] as const),
      fc.tuple(handle, digits).map(([p, v]) => ['fb.com', `/${p}/videos/${v}`, []] as const),
      digits.map((v) => ['facebook.com', '/photo.php', [`fbid=${v}`]] as const),
      b64.map((c) => ['facebook.com', `/share/p/${c}`, []] as const),
      b64.map((c) => ['fb.watch', `/${c}`, []] as const),
      fc.tuple(fc.option(handle, { nil: '' }), digits, fc.constantFrom('video', 'photo')).map(([u, id, k]) => ['tiktok.com', `/@${u}/${k}/${id}`, []] as const),
      fc.tuple(fc.constantFrom('/embed/', '/embed/v2/', '/player/v1/', '/v/'), digits, fc.constantFrom('', '.html')).map(([k, id, ext]) => ['tiktok.com', `${k}${id}${k === '/v/' ? ext : ''}`, []] as const),
      fc.tuple(fc.constantFrom('vt.tiktok.com', 'vm.tiktok.com'), b64).map(([h, c]) => [h, `/${c}`, []] as const),
      ytId.map((id) => ['youtube.com', '/watch', [`v=${id}`]] as const),
      fc.tuple(ytId, fc.constantFrom('shorts', 'live', 'embed', 'v')).map(([id, k]) => ['youtube.com', `/${k}/${id}`, []] as const),
      ytId.map((id) => ['youtu.be', `/${id}`, []] as const),
      fc.tuple(xHandle, digits, fc.constantFrom('x.com', 'twitter.com')).map(([u, id, h]) => [h, `/${u}/status/${id}`, []] as const),
      digits.map((id) => ['x.com', `/i/web/status/${id}`, []] as const),
      fc.tuple(handle, b64, fc.constantFrom('threads.net', 'threads.com')).map(([u, c, h]) => [h, `/@${u}/post/${c}`, []] as const),
    ),
    scheme,
    hostPrefix,
    tracking,
    fc.boolean(),
  )
  .map(([[host, path, idParams], sch, prefix, extra, slash]) => {
    const query = [...idParams, ...extra];
    const prefixed = host === 'fb.watch' || host.includes('tiktok.com') && host !== 'tiktok.com' ? host : `${prefix}${host}`;
    return `${sch}${prefixed}${path}${slash ? '/' : ''}${query.length > 0 ? `?${query.join('&')}` : ''}`;
  });

/** A URL with a few characters inserted, deleted or replaced. */
const mutatedUrl = fc
  .tuple(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), postLink), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 4 }))
  .map(([url, edits]) =>
    edits.reduce((s, [at, del, insert]) => {
      const i = s.length === 0 ? 0 : at % (s.length + 1);
      return s.slice(0, i) + insert + s.slice(i + del);
    }, url),
  );

const anyInput = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.string({ unit: fc.constantFrom(...':/.@?#%&=[]()\\ahtpsiwx0-_ \n'), maxLength: 80 }),
  fc.webUrl(),
  mutatedUrl,
  postLink,
);

function assertInvariants(raw: string): void {
  const result = normalizeLink(raw);
  expect(result.original).toBe(raw);
  if (!result.ok) return;
  expect(result.canonicalUrl.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
  expect(result.canonicalUrl.startsWith('https://')).toBe(true);
  const again = normalizeLink(result.canonicalUrl);
  expect(again).toMatchObject({ ok: true, platform: result.platform, canonicalUrl: result.canonicalUrl, postId: result.postId });
}

describe('link domain properties', () => {
  it('normalizeLink never throws, and accepted links canonicalise idempotently', () => {
    fc.assert(
      fc.property(anyInput, (raw) => {
        assertInvariants(raw);
      }),
      PARAMS,
    );
  });

  it('every generated post link is accepted', () => {
    fc.assert(
      fc.property(postLink, (raw) => {
        expect(normalizeLink(raw).ok).toBe(true);
      }),
      PARAMS,
    );
  });

  it('tracking parameters and their order never change the canonical URL', () => {
    fc.assert(
      fc.property(postLink, tracking, (raw, extra) => {
        const base = normalizeLink(raw);
        const sep = raw.includes('?') ? '&' : '?';
        const noisy = normalizeLink(extra.length === 0 ? raw : `${raw}${sep}${[...extra].reverse().join('&')}#frag`);
        expect(noisy.ok && base.ok && noisy.canonicalUrl === base.canonicalUrl).toBe(true);
      }),
      PARAMS,
    );
  });

  it('extractLinks never throws, and every token it returns is non-empty text from the input', () => {
    fc.assert(
      fc.property(fc.array(anyInput, { maxLength: 4 }), fc.constantFrom(' ', ', ', '\n', ' (', ') '), (parts, sep) => {
        const text = parts.join(sep);
        const links = extractLinks(text);
        expect(new Set(links).size).toBe(links.length);
        for (const link of links) {
          expect(link.length).toBeGreaterThan(0);
          expect(text.includes(link)).toBe(true);
          assertInvariants(link);
        }
      }),
      PARAMS,
    );
  });

  it('extractLinks finds generated post links embedded in text', () => {
    fc.assert(
      fc.property(postLink, fc.constantFrom('', 'Lapor: ', '(', 'cek '), fc.constantFrom('', '.', ')', '!', ', ok'), (link, before, after) => {
        const found = extractLinks(`${before}${link}${after}`);
        expect(found).toContain(link);
      }),
      PARAMS,
    );
  });
});
