import { describe, expect, it } from 'vitest';
import { MAX_LINK_LENGTH, normalizeLink, type Platform, type RefusalReason } from '../../../src/domain/links/index.ts';

interface Group {
  readonly name: string;
  readonly platform: Platform;
  readonly canonical: string;
  readonly variants: readonly string[];
}

/** Every variant in a group must produce exactly the group's canonical URL. */
const GROUPS: readonly Group[] = [
  {
    name: 'instagram post / reel / tv share one shortcode',
    platform: 'instagram',
    canonical: 'https://instagram.com/p/C1a2B3c4D5e',
    variants: [
      'https://www.instagram.com/p/C1a2B3c4D5e/',
      'https://instagram.com/p/C1a2B3c4D5e',
      'instagram.com/p/C1a2B3c4D5e',
      'HTTPS://WWW.INSTAGRAM.COM/p/C1a2B3c4D5e',
      'http://m.instagram.com/p/C1a2B3c4D5e//',
      'https://www.instagram.com/p/C1a2B3c4D5e/?igsh=MWQ1ZGUxMzBkMA==&utm_source=qr',
      'https://www.instagram.com/p/C1a2B3c4D5e/?utm_source=ig_web_copy_link&igshid=abc123',
      'https://www.instagram.com/p/C1a2B3c4D5e/?img_index=2#comments',
      'https://www.instagram.com/reel/C1a2B3c4D5e/?igsh=xyz',
      'https://www.instagram.com/reels/C1a2B3c4D5e/',
      'https://www.instagram.com/tv/C1a2B3c4D5e',
      'https://www.instagram.com/diskominfo.sleman/p/C1a2B3c4D5e/',
      'https://www.instagram.com/Diskominfo_Sleman/reel/C1a2B3c4D5e/',
      'https://instagr.am/p/C1a2B3c4D5e',
      '  https://www.instagram.com/p/C1a2B3c4D5e  ',
      '\u200bhttps://www.instagram.com/p/C1a2B3c4D5e\ufeff',
      '//instagram.com/p/C1a2B3c4D5e',
      'https://instagram.com:443/p/C1a2B3c4D5e',
    ],
  },
  {
    name: 'instagram story',
    platform: 'instagram',
    canonical: 'https://instagram.com/stories/pemkab.sleman/3212345678901234567',
    variants: [
      'https://www.instagram.com/stories/pemkab.sleman/3212345678901234567/',
      'https://instagram.com/stories/Pemkab.Sleman/3212345678901234567?utm_source=ig_story_item_share&igsh=abc',
      'instagram.com/stories/PEMKAB.SLEMAN/3212345678901234567',
    ],
  },
  {
    name: 'instagram share link to a reel (opaque code, own namespace)',
    platform: 'instagram',
    canonical: 'https://instagram.com/share/reel/BAabc123',
    variants: [
      'https://www.instagram.com/share/reel/BAabc123',
      'https://www.instagram.com/share/reel/BAabc123/?utm_source=ig_web_copy_link&igsh=MzRlODBiNWFlZA==',
      'instagram.com/share/reel/BAabc123/',
      'https://m.instagram.com/share/REEL/BAabc123',
      'HTTPS://WWW.INSTAGRAM.COM/share/reel/BAabc123',
    ],
  },
  {
    name: 'instagram share link to a post',
    platform: 'instagram',
    canonical: 'https://instagram.com/share/p/BAxyz789_Q',
    variants: ['https://www.instagram.com/share/p/BAxyz789_Q/', 'instagram.com/share/P/BAxyz789_Q?igsh=abc'],
  },
  {
    name: 'instagram share link without a kind',
    platform: 'instagram',
    canonical: 'https://instagram.com/share/_aBc-12XyZ',
    variants: ['https://www.instagram.com/share/_aBc-12XyZ/', 'instagram.com/share/_aBc-12XyZ?utm_source=ig_web_button_share_sheet'],
  },
  {
    name: 'facebook page post',
    platform: 'facebook',
    canonical: 'https://facebook.com/pemkabsleman/posts/pfbid02Xy7AbCdEf9',
    variants: [
      'https://www.facebook.com/PemkabSleman/posts/pfbid02Xy7AbCdEf9',
      'https://web.facebook.com/PemkabSleman/posts/pfbid02Xy7AbCdEf9/?__cft__[0]=AZW&__tn__=%2CO%2CP-R',
      'https://m.facebook.com/pemkabsleman/posts/pfbid02Xy7AbCdEf9?mibextid=Nif5oz&rdid=abc',
      'facebook.com/PEMKABSLEMAN/posts/pfbid02Xy7AbCdEf9/',
      'https://mbasic.facebook.com/PemkabSleman/posts/pfbid02Xy7AbCdEf9?ref=share',
      'https://fb.com/PemkabSleman/posts/pfbid02Xy7AbCdEf9',
      'https://free.facebook.com/PemkabSleman/posts/pfbid02Xy7AbCdEf9',
    ],
  },
  {
    name: 'facebook story.php == permalink.php == /<owner id>/posts/<id>',
    platform: 'facebook',
    canonical: 'https://facebook.com/100064123456789/posts/987654321012345',
    variants: [
      'https://www.facebook.com/permalink.php?story_fbid=987654321012345&id=100064123456789',
      'https://www.facebook.com/permalink.php?id=100064123456789&story_fbid=987654321012345',
      'https://m.facebook.com/story.php?story_fbid=987654321012345&id=100064123456789&mibextid=Nif5oz',
      'https://touch.facebook.com/story.php?id=100064123456789&substory_index=0&story_fbid=987654321012345',
      'facebook.com/story.php?fbclid=IwAR0&story_fbid=987654321012345&id=100064123456789#x',
      'https://www.facebook.com/100064123456789/posts/987654321012345/',
      'https://m.facebook.com/100064123456789/posts/987654321012345?mibextid=Nif5oz',
      // the canonical form used before (stored records re-normalise to the new one)
      'https://facebook.com/permalink.php?id=100064123456789&story_fbid=987654321012345',
    ],
  },
  {
    name: 'facebook pfbid story_fbid == /<owner id>/posts/pfbid…',
    platform: 'facebook',
    canonical: 'https://facebook.com/100064/posts/pfbid0abcDEF123',
    variants: [
      'https://www.facebook.com/permalink.php?story_fbid=pfbid0abcDEF123&id=100064',
      'https://m.facebook.com/story.php?story_fbid=pfbid0abcDEF123&id=100064&mibextid=Nif5oz',
      'https://www.facebook.com/100064/posts/pfbid0abcDEF123/?__tn__=%2CO',
      'https://facebook.com/permalink.php?id=100064&story_fbid=pfbid0abcDEF123',
    ],
  },
  {
    name: 'facebook video (watch, reel, videos, video.php)',
    platform: 'facebook',
    canonical: 'https://facebook.com/watch?v=1234567890123456',
    variants: [
      'https://www.facebook.com/watch/?v=1234567890123456',
      'https://www.facebook.com/watch?v=1234567890123456&ref=sharing',
      'https://m.facebook.com/watch/?v=1234567890123456&mibextid=abc',
      'https://www.facebook.com/watch/live/?v=1234567890123456',
      'https://www.facebook.com/PemkabSleman/videos/1234567890123456/',
      'https://web.facebook.com/pemkabsleman/videos/upacara-hut-ri/1234567890123456',
      'https://www.facebook.com/100064123456789/videos/1234567890123456',
      'https://www.facebook.com/video.php?v=1234567890123456',
      'https://www.facebook.com/reel/1234567890123456',
      'https://m.facebook.com/reel/1234567890123456/?s=ifu&fs=e&mibextid=x',
      'fb.com/reel/1234567890123456',
      // the reel canonical form used before
      'https://facebook.com/reel/1234567890123456',
    ],
  },
  {
    name: 'facebook photo',
    platform: 'facebook',
    canonical: 'https://facebook.com/photo.php?fbid=112233445566778',
    variants: [
      'https://www.facebook.com/photo.php?fbid=112233445566778&set=a.998877&type=3',
      'https://www.facebook.com/photo/?fbid=112233445566778&set=a.998877',
      'https://m.facebook.com/photo.php?fbid=112233445566778',
      'https://www.facebook.com/PemkabSleman/photos/a.998877/112233445566778/?type=3',
      'https://www.facebook.com/pemkabsleman/photos/pb.100064.-2207520000/112233445566778/',
    ],
  },
  {
    name: 'facebook group post (posts == permalink)',
    platform: 'facebook',
    canonical: 'https://facebook.com/groups/infoslemanraya/posts/3344556677889900',
    variants: [
      'https://www.facebook.com/groups/InfoSlemanRaya/posts/3344556677889900/',
      'https://www.facebook.com/groups/infoslemanraya/permalink/3344556677889900/?mibextid=abc',
      'https://m.facebook.com/groups/infoslemanraya/posts/3344556677889900',
      'https://m.facebook.com/groups/InfoSlemanRaya?view=permalink&id=3344556677889900',
      'https://mbasic.facebook.com/groups/infoslemanraya/?view=permalink&id=3344556677889900&refid=18',
    ],
  },
  {
    // Same post as the group above when 1122334455 is that group's id: not matchable offline.
    name: 'facebook group post by numeric group id',
    platform: 'facebook',
    canonical: 'https://facebook.com/groups/1122334455/posts/3344556677889900',
    variants: [
      'https://www.facebook.com/groups/1122334455/posts/3344556677889900/',
      'https://www.facebook.com/groups/1122334455/permalink/3344556677889900/',
      'https://m.facebook.com/groups/1122334455?view=permalink&id=3344556677889900',
    ],
  },
  {
    name: 'facebook share link (opaque, case-sensitive code)',
    platform: 'facebook',
    canonical: 'https://facebook.com/share/p/1AbCdEfGhJ',
    variants: [
      'https://www.facebook.com/share/p/1AbCdEfGhJ/',
      'https://web.facebook.com/share/p/1AbCdEfGhJ/?mibextid=WC7FNe',
      'facebook.com/share/P/1AbCdEfGhJ',
    ],
  },
  {
    name: 'fb.watch',
    platform: 'facebook',
    canonical: 'https://fb.watch/oQ3zR7x_Ab',
    variants: ['https://fb.watch/oQ3zR7x_Ab/', 'fb.watch/oQ3zR7x_Ab/?mibextid=Nif5oz', 'HTTPS://FB.WATCH/oQ3zR7x_Ab'],
  },
  {
    name: 'tiktok video (keyed on the id, whatever the handle)',
    platform: 'tiktok',
    canonical: 'https://tiktok.com/@/video/7301234567890123456',
    variants: [
      'https://www.tiktok.com/@pemkab.sleman/video/7301234567890123456',
      'https://www.tiktok.com/@Pemkab.Sleman/video/7301234567890123456?is_from_webapp=1&sender_device=pc',
      'https://m.tiktok.com/@pemkab.sleman/video/7301234567890123456/?_r=1&_t=8abc&share_item_id=1',
      'tiktok.com/@PEMKAB.SLEMAN/video/7301234567890123456',
      'https://www.tiktok.com/%40pemkab.sleman/video/7301234567890123456',
      'https://www.tiktok.com/@pemkabsleman_lama/video/7301234567890123456',
      'https://www.tiktok.com/@user123/video/7301234567890123456',
      'https://www.tiktok.com/@/video/7301234567890123456',
      'https://m.tiktok.com/v/7301234567890123456.html',
      'https://m.tiktok.com/v/7301234567890123456.html?_d=secCgYIASAHKAE&language=id',
      'https://www.tiktok.com/embed/v2/7301234567890123456',
      'https://www.tiktok.com/embed/v2/7301234567890123456?lang=id-ID',
      'https://www.tiktok.com/embed/7301234567890123456',
      'https://www.tiktok.com/player/v1/7301234567890123456?music_info=1',
      // the canonical form used before
      'https://tiktok.com/@pemkab.sleman/video/7301234567890123456',
    ],
  },
  {
    name: 'tiktok photo post (keyed on the id)',
    platform: 'tiktok',
    canonical: 'https://tiktok.com/@/photo/7309876543210987654',
    variants: [
      'https://www.tiktok.com/@pemkab.sleman/photo/7309876543210987654?lang=id',
      'tiktok.com/@Pemkab.Sleman/photo/7309876543210987654/',
      'https://www.tiktok.com/@akun.lain/photo/7309876543210987654',
      'https://www.tiktok.com/@/photo/7309876543210987654',
      'https://tiktok.com/@pemkab.sleman/photo/7309876543210987654',
    ],
  },
  {
    name: 'tiktok vt short link',
    platform: 'tiktok',
    canonical: 'https://vt.tiktok.com/ZSNkA9xYz',
    variants: ['https://vt.tiktok.com/ZSNkA9xYz/', 'vt.tiktok.com/ZSNkA9xYz', 'HTTPS://VT.TIKTOK.COM/ZSNkA9xYz/?k=1'],
  },
  {
    name: 'tiktok vm short link',
    platform: 'tiktok',
    canonical: 'https://vm.tiktok.com/ZMabc123',
    variants: ['https://vm.tiktok.com/ZMabc123/', 'vm.tiktok.com/ZMabc123'],
  },
  {
    name: 'tiktok /t/ short link',
    platform: 'tiktok',
    canonical: 'https://tiktok.com/t/ZTRabc123',
    variants: ['https://www.tiktok.com/t/ZTRabc123/', 'tiktok.com/t/ZTRabc123'],
  },
  {
    name: 'youtube video in every form',
    platform: 'youtube',
    canonical: 'https://youtube.com/watch?v=dQw4w9WgXcQ',
    variants: [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://youtube.com/watch?v=dQw4w9WgXcQ&feature=share&si=abc',
      'https://www.youtube.com/watch?feature=youtu.be&v=dQw4w9WgXcQ&t=42s',
      'https://m.youtube.com/watch?app=desktop&v=dQw4w9WgXcQ&list=PL123',
      'youtube.com/watch?v=dQw4w9WgXcQ',
      'https://youtu.be/dQw4w9WgXcQ',
      'youtu.be/dQw4w9WgXcQ?si=Ab12Cd34&t=10',
      'https://www.youtube.com/shorts/dQw4w9WgXcQ?feature=share',
      'https://youtube.com/shorts/dQw4w9WgXcQ?feature=share',
      'https://m.youtube.com/shorts/dQw4w9WgXcQ/?si=Ab12',
      'https://www.youtube.com/live/dQw4w9WgXcQ?si=xyz',
      'https://youtube.com/live/dQw4w9WgXcQ?si=AbCdEf12GhIj&feature=share',
      'https://youtu.be/dQw4w9WgXcQ?feature=shared',
      'https://www.youtube.com/@PemkabSleman/live/dQw4w9WgXcQ',
      'https://www.youtube.com/embed/dQw4w9WgXcQ?autoplay=1',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      'https://www.youtube.com/v/dQw4w9WgXcQ',
      'https://music.youtube.com/watch?v=dQw4w9WgXcQ&si=x',
      'https://www.youtube.com/watch/?v=dQw4w9WgXcQ',
    ],
  },
  {
    name: 'x / twitter status',
    platform: 'x',
    canonical: 'https://x.com/i/status/1723456789012345678',
    variants: [
      'https://x.com/diskominfo/status/1723456789012345678',
      'https://twitter.com/Diskominfo/status/1723456789012345678?s=20&t=AbCdEf',
      'https://mobile.twitter.com/diskominfo/status/1723456789012345678',
      'https://www.twitter.com/diskominfo/statuses/1723456789012345678',
      'x.com/diskominfo/status/1723456789012345678/',
      'https://x.com/i/web/status/1723456789012345678',
      'https://twitter.com/i/status/1723456789012345678',
      'https://x.com/diskominfo/status/1723456789012345678/photo/1',
      'https://x.com/diskominfo/status/1723456789012345678/video/1',
      'https://twitter.com/diskominfo/status/1723456789012345678/analytics',
      'https://mobile.x.com/diskominfo/status/1723456789012345678?s=46',
    ],
  },
  {
    name: 'threads post on both domains',
    platform: 'threads',
    canonical: 'https://threads.net/post/C0dEfGhIjKl',
    variants: [
      'https://www.threads.net/@pemkab.sleman/post/C0dEfGhIjKl',
      'https://www.threads.com/@Pemkab.Sleman/post/C0dEfGhIjKl?xmt=AQGz&slof=1',
      'threads.net/@pemkab.sleman/post/C0dEfGhIjKl/',
      'https://threads.net/post/C0dEfGhIjKl',
    ],
  },
];

describe('normalizeLink: variants of one post share one canonical URL', () => {
  const rows = GROUPS.flatMap((g) => g.variants.map((variant) => ({ ...g, variant })));
  it.each(rows)('$name: $variant', ({ variant, canonical, platform }) => {
    const result = normalizeLink(variant);
    expect(result).toMatchObject({ ok: true, platform, canonicalUrl: canonical, original: variant });
  });
});

describe('normalizeLink: canonical URLs are fixed points', () => {
  it.each(GROUPS.map((g) => [g.canonical, g.platform] as const))('%s', (canonical, platform) => {
    expect(normalizeLink(canonical)).toMatchObject({ ok: true, platform, canonicalUrl: canonical });
  });

  it('returns the full record', () => {
    const raw = 'https://www.tiktok.com/@Pemkab.Sleman/video/7301234567890123456?is_from_webapp=1';
    expect(normalizeLink(raw)).toEqual({
      ok: true,
      platform: 'tiktok',
      canonicalUrl: 'https://tiktok.com/@/video/7301234567890123456',
      postId: '7301234567890123456',
      kind: 'video',
      account: 'pemkab.sleman',
      original: raw,
    });
  });
});

/** Pairs naming different posts: their canonical URLs must differ (and both must be accepted). */
const DIFFERENT: readonly (readonly [string, string])[] = [
  ['https://instagram.com/p/C1a2B3c4D5e', 'https://instagram.com/p/c1a2b3c4d5e'],
  ['https://instagram.com/p/C1a2B3c4D5e', 'https://instagram.com/p/C1a2B3c4D5f'],
  ['https://instagram.com/share/reel/BAabc123', 'https://instagram.com/p/BAabc123'],
  ['https://instagram.com/share/reel/BAabc123', 'https://instagram.com/reel/BAabc123'],
  ['https://instagram.com/share/reel/BAabc123', 'https://instagram.com/share/reel/BAabc124'],
  ['https://instagram.com/share/reel/BAabc123', 'https://instagram.com/share/reel/baabc123'],
  ['https://instagram.com/share/reel/BAabc123', 'https://instagram.com/share/p/BAabc123'],
  ['https://instagram.com/share/reel/BAabc123', 'https://instagram.com/share/BAabc123'],
  ['https://instagram.com/stories/pemkab.sleman/3212345678901234567', 'https://instagram.com/stories/pemkab.sleman/3212345678901234568'],
  ['https://facebook.com/pemkab/posts/111', 'https://facebook.com/pemkab/posts/112'],
  ['https://facebook.com/permalink.php?story_fbid=1&id=2', 'https://facebook.com/permalink.php?story_fbid=2&id=1'],
  ['https://facebook.com/permalink.php?story_fbid=123&id=100064', 'https://facebook.com/permalink.php?story_fbid=124&id=100064'],
  ['https://facebook.com/100064/posts/pfbid0abc', 'https://facebook.com/100064/posts/pfbid0ABC'],
  ['https://facebook.com/100064/posts/123', 'https://facebook.com/100064/videos/123'],
  ['https://facebook.com/watch?v=123', 'https://facebook.com/watch?v=124'],
  ['https://facebook.com/reel/123', 'https://facebook.com/reel/124'],
  ['https://facebook.com/reel/123', 'https://facebook.com/100064/posts/123'],
  ['https://facebook.com/groups/sleman/posts/1', 'https://facebook.com/groups/sleman/posts/2'],
  ['https://facebook.com/groups/sleman/posts/1', 'https://facebook.com/groups/bantul/posts/1'],
  ['https://facebook.com/watch?v=123', 'https://facebook.com/photo.php?fbid=123'],
  ['https://facebook.com/share/p/AbCdEf', 'https://facebook.com/share/p/abcdef'],
  ['https://facebook.com/share/p/AbCdEf', 'https://facebook.com/share/v/AbCdEf'],
  ['https://fb.watch/AbCdEf', 'https://fb.watch/abcdef'],
  ['https://tiktok.com/@a/video/7301234567890123456', 'https://tiktok.com/@a/video/7301234567890123457'],
  ['https://tiktok.com/@a/video/7301234567890123456', 'https://tiktok.com/@b/video/7301234567890123457'],
  ['https://tiktok.com/@/video/7301234567890123456', 'https://tiktok.com/@/video/7301234567890123457'],
  ['https://tiktok.com/@/photo/7301234567890123456', 'https://tiktok.com/@/photo/7301234567890123457'],
  ['https://m.tiktok.com/v/7301234567890123456.html', 'https://m.tiktok.com/v/7301234567890123457.html'],
  ['https://tiktok.com/embed/v2/7301234567890123456', 'https://tiktok.com/embed/7301234567890123457'],
  ['https://tiktok.com/@/video/7301234567890123456', 'https://vt.tiktok.com/ZSabc'],
  ['https://vt.tiktok.com/ZSabc', 'https://vt.tiktok.com/ZSABC'],
  ['https://vt.tiktok.com/ZSabc', 'https://vm.tiktok.com/ZSabc'],
  ['https://vt.tiktok.com/ZSabc', 'https://tiktok.com/t/ZSabc'],
  ['https://youtu.be/dQw4w9WgXcQ', 'https://youtu.be/dQw4w9WgXcq'],
  ['https://youtube.com/watch?v=dQw4w9WgXcQ', 'https://youtube.com/watch?v=aaaaaaaaaaa'],
  ['https://x.com/a/status/1723456789012345678', 'https://x.com/a/status/1723456789012345679'],
  ['https://threads.net/@a/post/C0dEfGhIjKl', 'https://threads.net/@a/post/C0dEfGhIjKL'],
];

describe('normalizeLink: different posts never share a canonical URL', () => {
  it.each(DIFFERENT)('%s ≠ %s', (a, b) => {
    const ra = normalizeLink(a);
    const rb = normalizeLink(b);
    expect(ra.ok && rb.ok).toBe(true);
    if (ra.ok && rb.ok) expect(ra.canonicalUrl).not.toBe(rb.canonicalUrl);
  });
});

const LONG = `https://instagram.com/p/C1a2B3c4D5e?x=${'a'.repeat(MAX_LINK_LENGTH)}`;

/** Refusals with the reason the user will be told. */
const REFUSALS: readonly (readonly [string, RefusalReason])[] = [
  // not a post
  ['https://www.instagram.com/pemkab.sleman/', 'not_a_post'],
  ['instagram.com', 'not_a_post'],
  ['https://www.instagram.com/explore/tags/sleman/', 'not_a_post'],
  ['https://www.instagram.com/accounts/login/', 'not_a_post'],
  ['https://www.instagram.com/stories/highlights/17912345678901234/', 'not_a_post'],
  ['https://www.instagram.com/reels/audio/1234567890/', 'not_a_post'],
  ['https://www.instagram.com/share/', 'not_a_post'],
  ['https://www.instagram.com/share/reel/', 'not_a_post'],
  ['https://www.instagram.com/share/p', 'not_a_post'],
  ['https://www.instagram.com/share/tv/BAabc123', 'not_a_post'],
  ['https://www.instagram.com/share/reel/BAabc123/extra', 'not_a_post'],
  ['https://www.instagram.com/share/reel/BA.abc123', 'not_a_post'],
  ['https://www.instagram.com/share/p/C1a2B3c4D5e/p/x', 'not_a_post'],
  ['https://www.facebook.com/PemkabSleman', 'not_a_post'],
  ['https://www.facebook.com/profile.php?id=100064123456789', 'not_a_post'],
  ['https://www.facebook.com/permalink.php?story_fbid=987654321012345', 'not_a_post'],
  ['https://www.facebook.com/story.php?story_fbid=987654321012345&id=pemkabsleman', 'not_a_post'],
  ['https://www.facebook.com/permalink.php?id=100064', 'not_a_post'],
  ['https://www.facebook.com/reel/', 'not_a_post'],
  ['https://www.facebook.com/reel/abc', 'not_a_post'],
  ['https://www.facebook.com/groups/infoslemanraya', 'not_a_post'],
  ['https://www.facebook.com/groups/infoslemanraya?view=permalink', 'not_a_post'],
  ['https://www.facebook.com/groups/infoslemanraya?id=3344556677889900', 'not_a_post'],
  ['https://www.facebook.com/hashtag/sleman', 'not_a_post'],
  ['https://www.facebook.com/watch/?v=1&v=2', 'not_a_post'],
  ['https://www.facebook.com/', 'not_a_post'],
  ['https://www.tiktok.com/@pemkab.sleman', 'not_a_post'],
  ['https://www.tiktok.com/@pemkab.sleman/live', 'not_a_post'],
  ['https://www.tiktok.com/@', 'not_a_post'],
  ['https://www.tiktok.com/@/video/', 'not_a_post'],
  ['https://www.tiktok.com/@/video/abc', 'not_a_post'],
  ['https://www.tiktok.com/embed/v2/', 'not_a_post'],
  ['https://www.tiktok.com/embed/v2/abc', 'not_a_post'],
  ['https://www.tiktok.com/embed/7301234567890123456/x', 'not_a_post'],
  ['https://www.tiktok.com/player/v2/7301234567890123456', 'not_a_post'],
  ['https://m.tiktok.com/v/abc.html', 'not_a_post'],
  ['https://m.tiktok.com/v/7301234567890123456.htm', 'not_a_post'],
  ['https://www.youtube.com/@PemkabSleman', 'not_a_post'],
  ['https://www.youtube.com/channel/UC1234567890abcdefghij', 'not_a_post'],
  ['https://www.youtube.com/c/PemkabSleman', 'not_a_post'],
  ['https://www.youtube.com/user/pemkabsleman', 'not_a_post'],
  ['https://www.youtube.com/playlist?list=PL1234567890', 'not_a_post'],
  ['https://www.youtube.com/embed/videoseries?list=PL1234567890', 'not_a_post'],
  ['https://www.youtube.com/watch?v=tooShort', 'not_a_post'],
  ['https://x.com/diskominfo', 'not_a_post'],
  ['https://twitter.com/diskominfo/with_replies', 'not_a_post'],
  ['https://www.threads.net/@pemkab.sleman', 'not_a_post'],
  ['https://help.instagram.com/581066165581870', 'not_a_post'],
  ['https://scontent.cdninstagram.com/v/t51.2885-15/abc.jpg', 'not_a_post'],
  // other sites
  ['https://kompas.com/read/2026/11/23/berita', 'unsupported_site'],
  ['https://t.me/kopdar', 'unsupported_site'],
  ['https://fxtwitter.com/diskominfo/status/1723456789012345678', 'unsupported_site'],
  ['https://vxtwitter.com/diskominfo/status/1723456789012345678', 'unsupported_site'],
  ['https://ddinstagram.com/p/C1a2B3c4D5e', 'unsupported_site'],
  ['http://127.0.0.1/p/C1a2B3c4D5e', 'unsupported_site'],
  ['http://[::1]/p/C1a2B3c4D5e', 'unsupported_site'],
  ['https://instagram.com:8443/p/C1a2B3c4D5e', 'unsupported_site'],
  // lookalikes
  ['https://instagram.com.evil.io/p/C1a2B3c4D5e', 'lookalike_host'],
  ['instagram.com.evil.io/p/C1a2B3c4D5e', 'lookalike_host'],
  ['https://lnstagram.com/p/C1a2B3c4D5e', 'lookalike_host'],
  ['https://instagrarn.com/p/C1a2B3c4D5e', 'lookalike_host'],
  ['https://faceb00k.com/PemkabSleman/posts/123', 'lookalike_host'],
  ['https://xn--nstagram-shh.com/p/C1a2B3c4D5e', 'lookalike_host'],
  ['https://іnstagram.com/p/C1a2B3c4D5e', 'lookalike_host'], // Cyrillic і
  ['https://instagrаm.com/p/C1a2B3c4D5e', 'lookalike_host'], // Cyrillic а
  ['https://ｉｎｓｔａｇｒａｍ.com/p/C1a2B3c4D5e', 'lookalike_host'], // full-width
  ['https://instagr%61m.com/p/C1a2B3c4D5e', 'lookalike_host'],
  ['https://youtube.com-watch.site/watch?v=dQw4w9WgXcQ', 'lookalike_host'],
  ['https://youtu.be.evil.io/dQw4w9WgXcQ', 'lookalike_host'],
  ['https://yotube.com/watch?v=dQw4w9WgXcQ', 'lookalike_host'],
  ['https://tlktok.com/@a/video/7301234567890123456', 'lookalike_host'],
  ['https://twiter.com/a/status/1', 'lookalike_host'],
  ['https://x.com.evil.io/a/status/1', 'lookalike_host'],
  ['https://login-facebook.co/PemkabSleman/posts/123', 'lookalike_host'],
  ['https://threads.net.evil.io/@a/post/C0dEfGhIjKl', 'lookalike_host'],
  // credentials
  ['https://user:pass@instagram.com/p/C1a2B3c4D5e', 'credentials'],
  ['https://user@instagram.com/p/C1a2B3c4D5e', 'credentials'],
  ['https://instagram.com@evil.io/p/C1a2B3c4D5e', 'credentials'],
  ['user:pass@instagram.com/p/C1a2B3c4D5e', 'credentials'],
  ['https://@instagram.com/p/C1a2B3c4D5e', 'credentials'],
  // schemes
  ['javascript:alert(1)', 'bad_scheme'],
  ['JavaScript:alert(document.cookie)//instagram.com/p/x', 'bad_scheme'],
  ['ftp://instagram.com/p/C1a2B3c4D5e', 'bad_scheme'],
  ['data:text/html,<script>alert(1)</script>', 'bad_scheme'],
  ['file:///etc/passwd', 'bad_scheme'],
  ['mailto:admin@instagram.com', 'bad_scheme'],
  ['instagram://media?id=123', 'bad_scheme'],
  // length and shape
  [LONG, 'too_long'],
  [`javascript:${'a'.repeat(3000)}`, 'too_long'],
  ['', 'malformed'],
  ['   ', 'malformed'],
  ['hello', 'malformed'],
  ['https://', 'malformed'],
  ['https://exa mple.com/p/x', 'malformed'],
  ['https://instagram.com/p/C1a2\nB3c4D5e', 'malformed'],
  ['http://instagram.com:99999/p/x', 'malformed'],
];

describe('normalizeLink: refusals', () => {
  it.each(REFUSALS)('%s → %s', (raw, reason) => {
    expect(normalizeLink(raw)).toEqual({ ok: false, reason, original: raw });
  });

  it('accepts exactly MAX_LINK_LENGTH characters and refuses one more', () => {
    const base = 'https://youtube.com/watch?v=dQw4w9WgXcQ&pad=';
    const atLimit = base + 'a'.repeat(MAX_LINK_LENGTH - base.length);
    expect(atLimit).toHaveLength(MAX_LINK_LENGTH);
    expect(normalizeLink(atLimit).ok).toBe(true);
    expect(normalizeLink(`${atLimit}a`)).toMatchObject({ ok: false, reason: 'too_long' });
  });
});

describe('normalizeLink: kind, postId and account', () => {
  const CASES: readonly (readonly [string, { kind: string; postId: string; account?: string }])[] = [
    ['https://www.instagram.com/p/C1a2B3c4D5e/', { kind: 'post', postId: 'C1a2B3c4D5e' }],
    ['https://www.instagram.com/reels/C1a2B3c4D5e/', { kind: 'reel', postId: 'C1a2B3c4D5e' }],
    ['https://www.instagram.com/tv/C1a2B3c4D5e/', { kind: 'video', postId: 'C1a2B3c4D5e' }],
    ['https://www.instagram.com/Pemkab.Sleman/p/C1a2B3c4D5e/', { kind: 'post', postId: 'C1a2B3c4D5e', account: 'pemkab.sleman' }],
    ['https://www.instagram.com/stories/Pemkab.Sleman/3212345678901234567', { kind: 'story', postId: '3212345678901234567', account: 'pemkab.sleman' }],
    ['https://www.instagram.com/share/reel/BAabc123/', { kind: 'share', postId: 'BAabc123' }],
    ['https://www.instagram.com/share/BAabc123/', { kind: 'share', postId: 'BAabc123' }],
    ['https://www.facebook.com/PemkabSleman/posts/123', { kind: 'post', postId: '123', account: 'pemkabsleman' }],
    ['https://www.facebook.com/100064/posts/123', { kind: 'post', postId: '123' }],
    ['https://www.facebook.com/story.php?story_fbid=pfbid0abc&id=100064', { kind: 'post', postId: 'pfbid0abc' }],
    ['https://www.facebook.com/groups/InfoSleman/permalink/3344', { kind: 'post', postId: '3344' }],
    ['https://www.facebook.com/reel/778899001122334', { kind: 'reel', postId: '778899001122334' }],
    ['https://www.facebook.com/watch/?v=778899001122334', { kind: 'video', postId: '778899001122334' }],
    ['https://www.facebook.com/PemkabSleman/videos/778899001122334', { kind: 'video', postId: '778899001122334', account: 'pemkabsleman' }],
    ['https://www.facebook.com/photo/?fbid=112233', { kind: 'photo', postId: '112233' }],
    ['https://www.facebook.com/watch/live/?v=112233', { kind: 'live', postId: '112233' }],
    ['https://www.facebook.com/share/v/AbC123/', { kind: 'video', postId: 'AbC123' }],
    ['https://www.tiktok.com/@Pemkab.Sleman/video/7301234567890123456', { kind: 'video', postId: '7301234567890123456', account: 'pemkab.sleman' }],
    ['https://www.tiktok.com/@pemkab/photo/7301234567890123456', { kind: 'photo', postId: '7301234567890123456', account: 'pemkab' }],
    ['https://www.tiktok.com/@/video/7301234567890123456', { kind: 'video', postId: '7301234567890123456' }],
    ['https://www.tiktok.com/embed/v2/7301234567890123456', { kind: 'video', postId: '7301234567890123456' }],
    ['https://m.tiktok.com/v/7301234567890123456.html', { kind: 'video', postId: '7301234567890123456' }],
    ['https://vt.tiktok.com/ZSNkA9xYz/', { kind: 'share', postId: 'ZSNkA9xYz' }],
    ['https://www.youtube.com/shorts/dQw4w9WgXcQ', { kind: 'short', postId: 'dQw4w9WgXcQ' }],
    ['https://www.youtube.com/live/dQw4w9WgXcQ', { kind: 'live', postId: 'dQw4w9WgXcQ' }],
    ['https://www.youtube.com/@PemkabSleman/shorts/dQw4w9WgXcQ', { kind: 'short', postId: 'dQw4w9WgXcQ', account: 'pemkabsleman' }],
    ['https://twitter.com/Diskominfo/status/1723456789012345678', { kind: 'status', postId: '1723456789012345678', account: 'diskominfo' }],
    ['https://x.com/i/web/status/1723456789012345678', { kind: 'status', postId: '1723456789012345678' }],
    ['https://www.threads.net/@Pemkab.Sleman/post/C0dEfGhIjKl', { kind: 'post', postId: 'C0dEfGhIjKl', account: 'pemkab.sleman' }],
  ];

  it.each(CASES)('%s', (raw, expected) => {
    const result = normalizeLink(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect({ kind: result.kind, postId: result.postId, account: result.account }).toEqual({ account: undefined, ...expected });
  });

  it('omits account when the link does not show it', () => {
    const result = normalizeLink('https://youtu.be/dQw4w9WgXcQ');
    expect(result.ok && 'account' in result).toBe(false);
  });

  it('never throws on odd inputs', () => {
    const odd = ['\u0000', '\uD800', 'https://\uD800.com/p/x', '%', 'https://%zz/', 'http://[', 'https://a..b/', 'a:b@c', '::::', '@'];
    for (const raw of odd) expect(() => normalizeLink(raw)).not.toThrow();
    expect(normalizeLink(undefined as unknown as string)).toMatchObject({ ok: false, reason: 'malformed' });
  });
});
