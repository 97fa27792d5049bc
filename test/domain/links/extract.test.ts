import { describe, expect, it } from 'vitest';
import { extractLinks, normalizeLink } from '../../../src/domain/links/index.ts';

describe('extractLinks', () => {
  const CASES: readonly (readonly [string, string, readonly string[]])[] = [
    ['no links', 'Selamat pagi, laporan menyusul ya. Terima kasih.Besok lanjut', []],
    ['empty text', '', []],
    ['one link with scheme', 'https://www.instagram.com/p/C1a2B3c4D5e/', ['https://www.instagram.com/p/C1a2B3c4D5e/']],
    [
      'several links and punctuation',
      'Sudah posting: https://www.instagram.com/p/C1a2B3c4D5e/?igsh=abc, https://x.com/a/status/1723456789012345678! dan https://youtu.be/dQw4w9WgXcQ.',
      ['https://www.instagram.com/p/C1a2B3c4D5e/?igsh=abc', 'https://x.com/a/status/1723456789012345678', 'https://youtu.be/dQw4w9WgXcQ'],
    ],
    [
      'links in parentheses and brackets',
      '(lihat https://www.tiktok.com/@pemkab/video/7301234567890123456) [instagram.com/p/C1a2B3c4D5e]',
      ['https://www.tiktok.com/@pemkab/video/7301234567890123456', 'instagram.com/p/C1a2B3c4D5e'],
    ],
    [
      'scheme-less links',
      'cek instagram.com/p/C1a2B3c4D5e dan vt.tiktok.com/ZSNkA9xYz/; juga fb.watch/oQ3zR7x_Ab?',
      ['instagram.com/p/C1a2B3c4D5e', 'vt.tiktok.com/ZSNkA9xYz/', 'fb.watch/oQ3zR7x_Ab'],
    ],
    [
      'closing quotes stripped',
      'Link: "https://youtu.be/dQw4w9WgXcQ" dan “https://x.com/a/status/1” serta \'instagram.com/p/Abc\'',
      ['https://youtu.be/dQw4w9WgXcQ', 'https://x.com/a/status/1', 'instagram.com/p/Abc'],
    ],
    [
      'de-duplicated by raw text, order kept',
      'https://youtu.be/dQw4w9WgXcQ lalu instagram.com/p/X https://youtu.be/dQw4w9WgXcQ. youtu.be/dQw4w9WgXcQ',
      ['https://youtu.be/dQw4w9WgXcQ', 'instagram.com/p/X', 'youtu.be/dQw4w9WgXcQ'],
    ],
    ['bad scheme kept so it can be refused', 'klik javascript:alert(1) ya', ['javascript:alert(1)']],
    ['data and file urls', 'data:text/html,<b>x</b> file:///etc/passwd data:text/html;base64,PHNjcmlwdD4=', ['data:text/html', 'file:///etc/passwd', 'data:text/html;base64,PHNjcmlwdD4=']],
    ['protocol-relative link', 'lihat //instagram.com/p/C1a2B3c4D5e ya', ['//instagram.com/p/C1a2B3c4D5e']],
    ['words with a colon are not schemes', 'Data: 50 postingan, file: laporan.pdf, catatan:penting', []],
    ['e-mail addresses are not links', 'kirim ke admin@kominfo.slemankab.go.id ya', []],
    ['uppercase host', 'INSTAGRAM.COM/p/C1a2B3c4D5e', ['INSTAGRAM.COM/p/C1a2B3c4D5e']],
    [
      'id-only and share forms',
      'lihat tiktok.com/@/video/7301234567890123456, m.tiktok.com/v/7301234567890123456.html. instagram.com/share/reel/BAabc123!',
      ['tiktok.com/@/video/7301234567890123456', 'm.tiktok.com/v/7301234567890123456.html', 'instagram.com/share/reel/BAabc123'],
    ],
    [
      'links glued with a comma',
      'https://instagram.com/p/A,https://instagram.com/p/B',
      ['https://instagram.com/p/A', 'https://instagram.com/p/B'],
    ],
    ['balanced parentheses inside a link stay', 'lihat (https://en.wikipedia.org/wiki/Sleman_(kabupaten)).', ['https://en.wikipedia.org/wiki/Sleman_(kabupaten)']],
    ['lookalikes are extracted to be refused', 'https://instagram.com.evil.io/p/x dan іnstagram.com/p/x', ['https://instagram.com.evil.io/p/x', 'іnstagram.com/p/x']],
    ['links on separate lines', 'a\nhttps://x.com/a/status/1\n\thttps://x.com/a/status/2\r\n', ['https://x.com/a/status/1', 'https://x.com/a/status/2']],
    ['zero-width characters end a link', 'https://youtu.be/dQw4w9WgXcQ\u200b lalu\u2060instagram.com/p/X', ['https://youtu.be/dQw4w9WgXcQ', 'instagram.com/p/X']],
    ['credentials kept to be refused', 'https://user:pass@instagram.com/p/x', ['https://user:pass@instagram.com/p/x']],
  ];

  it.each(CASES)('%s', (_name, text, expected) => {
    expect(extractLinks(text)).toEqual(expected);
  });

  it('feeds normalizeLink: a realistic /lapor message', () => {
    const text =
      '/lapor Postingan hari ini: https://www.instagram.com/reel/C1a2B3c4D5e/?igsh=abc dan (facebook.com/PemkabSleman/posts/123), ' +
      'juga javascript:alert(1) serta instagram.com/pemkab.sleman.';
    const results = extractLinks(text).map((link) => normalizeLink(link));
    expect(results.map((r) => (r.ok ? r.canonicalUrl : r.reason))).toEqual([
      'https://instagram.com/p/C1a2B3c4D5e',
      'https://facebook.com/pemkabsleman/posts/123',
      'bad_scheme',
      'not_a_post',
    ]);
  });

  // These inputs once took quadratic time; the suite's per-test timeout is the guard, and
  // the results must still be right on inputs this large.
  it('handles huge inputs', () => {
    expect(extractLinks('a.b,'.repeat(100_000))).toEqual([]);
    expect(extractLinks(`https://x.com/${'a'.repeat(200_000)}`)).toHaveLength(1);
    expect(extractLinks('x('.repeat(100_000))).toEqual([]);
    expect(extractLinks('https://a.com/,'.repeat(20_000))).toEqual(['https://a.com/']);
    expect(extractLinks(`https://a.com/${')'.repeat(100_000)}`)).toEqual(['https://a.com/']);
  });
});
