import { describe, expect, it } from 'vitest';
import { accountShownBy, displayHandle, normalizeLink, parseAccountHandle, platformFromName, profileUrl, type HandleProblem, type Platform } from '../../../src/domain/links/index.ts';
import { defaultMandatoryPlatforms, missingPlatforms } from '../../../src/domain/official-accounts.ts';

describe('accountShownBy: the account a post link shows', () => {
  const SHOWN: readonly (readonly [string, string])[] = [
    ['https://www.tiktok.com/@Dinkes.Kab/video/7301234567890123456?is_from_webapp=1', 'dinkes.kab'],
    ['tiktok.com/@dinkes_kab/photo/7301234567890123456', 'dinkes_kab'],
    ['https://m.tiktok.com/@dinkes/video/7301234567890123456', 'dinkes'],
    ['https://x.com/DinkesKab/status/1790000000000000001', 'dinkeskab'],
    ['https://twitter.com/dinkes_kab/status/1790000000000000001/photo/1', 'dinkes_kab'],
    ['https://mobile.twitter.com/dinkes/statuses/1790000000000000001', 'dinkes'],
    ['https://www.threads.net/@Dinkes.Kab/post/C8abcDEFghi', 'dinkes.kab'],
    ['https://www.threads.com/@dinkes/post/C8abcDEFghi', 'dinkes'],
    ['https://www.instagram.com/Dinkes.Kab/p/C1a2B3c4D5e/', 'dinkes.kab'],
    ['https://www.instagram.com/dinkes.kab/reel/C1a2B3c4D5e/?igsh=abc', 'dinkes.kab'],
    ['https://www.instagram.com/stories/dinkes.kab/3212345678901234567', 'dinkes.kab'],
    ['https://www.youtube.com/@DinkesKab/shorts/dQw4w9WgXcQ', 'dinkeskab'],
    ['https://m.youtube.com/@dinkes-kab/watch?v=dQw4w9WgXcQ', 'dinkes-kab'],
    ['https://www.facebook.com/DinkesKab/posts/pfbid0abcDEF', 'dinkeskab'],
    ['https://web.facebook.com/dinkes.kab/videos/778899001122334', 'dinkes.kab'],
    ['https://www.facebook.com/dinkeskab/videos/kegiatan-posyandu/778899001122334/', 'dinkeskab'],
    ['https://www.facebook.com/dinkeskab/photos/a.123/456789/', 'dinkeskab'],
  ];
  it.each(SHOWN)('%s shows %s', (link, account) => {
    expect(accountShownBy(normalizeLink(link))).toBe(account);
  });

  const NONE: readonly string[] = [
    'https://www.tiktok.com/@/video/7301234567890123456',
    'https://vt.tiktok.com/ZSNkA9xYz/',
    'https://www.tiktok.com/t/ZTabc123/',
    'https://www.tiktok.com/embed/v2/7301234567890123456',
    'https://x.com/i/web/status/1790000000000000001',
    'https://x.com/i/status/1790000000000000001',
    'https://www.threads.net/post/C8abcDEFghi',
    'https://www.threads.net/t/C8abcDEFghi',
    'https://www.instagram.com/p/C1a2B3c4D5e/',
    'https://www.instagram.com/reel/C1a2B3c4D5e/',
    'https://www.instagram.com/share/reel/BAabcdEF1/',
    'https://youtu.be/dQw4w9WgXcQ',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com/shorts/dQw4w9WgXcQ',
    'https://www.facebook.com/100064123456789/posts/123456789',
    'https://www.facebook.com/permalink.php?story_fbid=123&id=100064123456789',
    'https://www.facebook.com/story.php?story_fbid=123&id=100064123456789',
    'https://www.facebook.com/groups/dinkeskab/posts/123456789',
    'https://www.facebook.com/share/p/1AbCdEfGhJ/',
    'https://www.facebook.com/reel/778899001122334',
    'https://fb.watch/abcDEF123/',
    // Refused links show nothing either.
    'https://www.tiktok.com/@dinkes',
    'https://lnstagram.com/dinkes/p/C1a2B3c4D5e/',
  ];
  it.each(NONE)('%s shows no account', (link) => {
    expect(accountShownBy(normalizeLink(link))).toBeNull();
  });
});

describe('parseAccountHandle: an account argument', () => {
  const ACCEPTED: readonly (readonly [Platform, string, string, string])[] = [
    ['instagram', '@Dinkes.Kab', 'dinkes.kab', 'https://instagram.com/dinkes.kab'],
    ['instagram', 'dinkes_kab', 'dinkes_kab', 'https://instagram.com/dinkes_kab'],
    ['instagram', 'https://www.instagram.com/dinkes.kab/', 'dinkes.kab', 'https://instagram.com/dinkes.kab'],
    ['instagram', 'instagram.com/dinkes.kab?igsh=MWQ1ZGUx', 'dinkes.kab', 'https://instagram.com/dinkes.kab'],
    ['instagram', 'https://instagram.com/dinkes.kab/reels/', 'dinkes.kab', 'https://instagram.com/dinkes.kab'],
    ['facebook', 'https://www.facebook.com/DinkesKab', 'dinkeskab', 'https://facebook.com/dinkeskab'],
    ['facebook', 'https://m.facebook.com/dinkes.kab/about', 'dinkes.kab', 'https://facebook.com/dinkes.kab'],
    ['facebook', 'dinkeskab', 'dinkeskab', 'https://facebook.com/dinkeskab'],
    ['facebook', 'https://www.facebook.com/profile.php?id=100064123456789', '100064123456789', 'https://facebook.com/profile.php?id=100064123456789'],
    ['facebook', 'https://www.facebook.com/p/Dinas-Kesehatan-100064123456789/', '100064123456789', 'https://facebook.com/profile.php?id=100064123456789'],
    ['facebook', '100064123456789', '100064123456789', 'https://facebook.com/profile.php?id=100064123456789'],
    ['tiktok', '@Dinkes.Kab', 'dinkes.kab', 'https://tiktok.com/@dinkes.kab'],
    ['tiktok', 'https://www.tiktok.com/@dinkes', 'dinkes', 'https://tiktok.com/@dinkes'],
    ['tiktok', 'tiktok.com/@dinkes_kab?lang=id', 'dinkes_kab', 'https://tiktok.com/@dinkes_kab'],
    ['youtube', 'https://www.youtube.com/@dinkes', 'dinkes', 'https://youtube.com/@dinkes'],
    ['youtube', 'https://m.youtube.com/@Dinkes-Kab/videos', 'dinkes-kab', 'https://youtube.com/@dinkes-kab'],
    ['youtube', '@dinkeskab', 'dinkeskab', 'https://youtube.com/@dinkeskab'],
    ['x', 'https://x.com/dinkes', 'dinkes', 'https://x.com/dinkes'],
    ['x', 'https://twitter.com/Dinkes_Kab', 'dinkes_kab', 'https://x.com/dinkes_kab'],
    ['x', '@dinkes', 'dinkes', 'https://x.com/dinkes'],
    ['threads', 'https://www.threads.net/@dinkes', 'dinkes', 'https://threads.net/@dinkes'],
    ['threads', 'https://www.threads.com/@Dinkes.Kab', 'dinkes.kab', 'https://threads.net/@dinkes.kab'],
    ['threads', ' dinkes.kab ', 'dinkes.kab', 'https://threads.net/@dinkes.kab'],
  ];
  it.each(ACCEPTED)('%s %s → %s', (platform, input, handle, url) => {
    expect(parseAccountHandle(platform, input)).toEqual({ ok: true, platform, handle, url });
    expect(profileUrl(platform, handle)).toBe(url);
  });

  const REFUSED: readonly (readonly [Platform, string, HandleProblem, Platform?])[] = [
    ['instagram', '', 'bad_handle'],
    ['instagram', '@', 'bad_handle'],
    ['instagram', 'dinkes kab', 'bad_handle'],
    ['instagram', '@dinkes-kab', 'bad_handle'],
    ['instagram', `@${'a'.repeat(31)}`, 'bad_handle'],
    ['instagram', 'https://www.instagram.com/p/C1a2B3c4D5e/', 'not_a_profile'],
    ['instagram', 'https://www.instagram.com/explore/', 'not_a_profile'],
    ['instagram', 'https://www.instagram.com/', 'not_a_profile'],
    ['instagram', 'https://www.tiktok.com/@dinkes', 'other_site', 'tiktok'],
    ['instagram', 'https://lnstagram.com/dinkes.kab', 'other_site'],
    ['instagram', 'https://example.com/dinkes', 'other_site'],
    ['instagram', 'javascript:alert(1)//', 'other_site'],
    ['facebook', 'dink', 'bad_handle'],
    ['facebook', 'dinkes_kab', 'bad_handle'],
    ['facebook', 'https://www.facebook.com/profile.php?id=dinkes', 'not_a_profile'],
    ['facebook', 'https://www.facebook.com/dinkeskab/posts/123', 'not_a_profile'],
    ['facebook', 'https://www.facebook.com/groups/dinkeskab', 'not_a_profile'],
    ['facebook', 'https://fb.watch/abcDEF123/', 'not_a_profile'],
    ['tiktok', '@d', 'bad_handle'],
    ['tiktok', 'https://www.tiktok.com/@dinkes/video/7301234567890123456', 'not_a_profile'],
    ['tiktok', 'https://vt.tiktok.com/ZSNkA9xYz/', 'not_a_profile'],
    ['tiktok', 'https://www.tiktok.com/dinkes', 'not_a_profile'],
    ['youtube', 'https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv', 'not_a_profile'],
    ['youtube', 'https://youtu.be/dQw4w9WgXcQ', 'not_a_profile'],
    ['youtube', '@yt', 'bad_handle'],
    ['x', '@dinkes.kab', 'bad_handle'],
    ['x', '@dinkeskabupatencontoh', 'bad_handle'],
    ['x', 'https://x.com/i/status/1790000000000000001', 'not_a_profile'],
    ['x', 'https://x.com/home', 'not_a_profile'],
    ['threads', 'https://www.threads.net/dinkes', 'not_a_profile'],
    ['threads', 'https://www.instagram.com/dinkes', 'other_site', 'instagram'],
  ];
  it.each(REFUSED.map(([platform, input, problem, linkPlatform]) => ({ platform, input, problem, linkPlatform })))(
    '$platform $input is refused: $problem',
    ({ platform, input, problem, linkPlatform }) => {
      const result = parseAccountHandle(platform, input);
      expect(result).toEqual({ ok: false, problem, ...(linkPlatform ? { linkPlatform } : {}) });
    },
  );

  it('never throws, whatever the input', () => {
    for (const input of ['%', 'https://%zz', '@@@', 'http://', '////', '\u0000', 'instagram.com:8443/dinkes']) {
      expect(() => parseAccountHandle('instagram', input)).not.toThrow();
    }
    expect(parseAccountHandle('instagram', 'instagram.com:8443/dinkes')).toMatchObject({ ok: false, problem: 'other_site' });
  });

  it('writes Facebook pages without @ and the others with it', () => {
    expect(displayHandle('facebook', 'dinkeskab')).toBe('dinkeskab');
    expect(displayHandle('tiktok', 'dinkes')).toBe('@dinkes');
  });
});

describe('platform names and mandatory platforms', () => {
  it.each([
    ['instagram', 'instagram'],
    ['IG', 'instagram'],
    ['fb', 'facebook'],
    ['TikTok', 'tiktok'],
    ['tt', 'tiktok'],
    ['yt', 'youtube'],
    ['twitter', 'x'],
    ['X', 'x'],
    ['threads', 'threads'],
  ] as const)('%s is %s', (word, platform) => {
    expect(platformFromName(word)).toBe(platform);
  });

  it.each(['linkedin', 'insta', '', 'wa'])('%s is no platform', (word) => {
    expect(platformFromName(word)).toBeUndefined();
  });

  it('mandatory platforms default to Instagram and Facebook; missing ones come in platform order', () => {
    expect(defaultMandatoryPlatforms).toEqual(['instagram', 'facebook']);
    expect(missingPlatforms([], defaultMandatoryPlatforms)).toEqual(['instagram', 'facebook']);
    expect(missingPlatforms(['facebook', 'tiktok'], defaultMandatoryPlatforms)).toEqual(['instagram']);
    expect(missingPlatforms(['instagram', 'facebook'], defaultMandatoryPlatforms)).toEqual([]);
    expect(missingPlatforms(['instagram'], ['tiktok', 'instagram', 'youtube'])).toEqual(['tiktok', 'youtube']);
  });
});
