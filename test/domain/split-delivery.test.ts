import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MediaRef } from '../../src/domain/media.ts';
import { splitForDelivery, type DeliveryPart } from '../../src/domain/text/delivery.ts';
import { escapeHtml } from '../../src/domain/text/html.ts';
import { htmlToPlainText } from '../helpers/fake-telegram/html.ts';

const photo: MediaRef = { kind: 'photo', fileId: 'AgACAgUAAxkBAAIB' };

const bodyOf = (part: DeliveryPart): string => (part.kind === 'media' ? part.caption : part.text);

/** A lone half of a surrogate pair: invalid UTF-8 once sent, and Telegram refuses the message. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What Telegram would check: each part parses as its HTML (the fake server's parser fails like
 * Telegram on broken tags), is within its limit counted both ways (UTF-16 code units and code
 * points; the first is never lower), has no broken character, and a text part is not empty.
 */
function expectDeliverable(parts: readonly DeliveryPart[]): void {
  parts.forEach((part, i) => {
    const source = bodyOf(part);
    const limit = part.kind === 'media' ? 1024 : 4096;
    if (part.kind === 'media') expect(i).toBe(0);
    const plain = htmlToPlainText(source);
    expect(source.length).toBeLessThanOrEqual(limit);
    expect(plain.length).toBeLessThanOrEqual(limit);
    expect([...plain].length).toBeLessThanOrEqual(limit);
    expect(source).not.toMatch(LONE_SURROGATE);
    if (part.kind === 'text') expect(plain.trim()).not.toBe('');
  });
}

/** The text a reader sees across all parts, whitespace folded (cuts fall on whitespace). */
const seen = (parts: readonly DeliveryPart[]): string =>
  parts.map((p) => htmlToPlainText(bodyOf(p))).join(' ').replace(/\s+/g, ' ').trim();
const seenWhole = (html: string): string => htmlToPlainText(html).replace(/\s+/g, ' ').trim();

describe('splitForDelivery', () => {
  it('short text is one text part; blank text is none', () => {
    expect(splitForDelivery('Halo <b>semua</b>')).toEqual([{ kind: 'text', text: 'Halo <b>semua</b>' }]);
    expect(splitForDelivery('')).toEqual([]);
    expect(splitForDelivery('  \n <b> </b> ')).toEqual([]);
  });

  it('media with short text is one media part with the text as caption; without text the caption is empty', () => {
    expect(splitForDelivery('Arahan <i>segera</i>', photo)).toEqual([{ kind: 'media', media: photo, caption: 'Arahan <i>segera</i>' }]);
    expect(splitForDelivery('', { kind: 'document', fileId: 'BQACAgUAAx' })).toEqual([
      { kind: 'media', media: { kind: 'document', fileId: 'BQACAgUAAx' }, caption: '' },
    ]);
  });

  it('a caption exactly at 1,024 stays whole; one more character moves the rest into a text part', () => {
    const start = `<b>ARAHAN</b> ${'kata '.repeat(200)}`;
    const exact = `${start}${'x'.repeat(1024 - start.length)}`;
    expect(exact).toHaveLength(1024);
    expect(splitForDelivery(exact, photo)).toEqual([{ kind: 'media', media: photo, caption: exact }]);

    const over = `${exact}y`;
    const parts = splitForDelivery(over, photo);
    expect(parts.map((p) => p.kind)).toEqual(['media', 'text']);
    expectDeliverable(parts);
    expect(seen(parts)).toBe(seenWhole(over));
  });

  it('text exactly at 4,096 is one part; longer text is cut into parts of at most 4,096', () => {
    const exact = 'a'.repeat(4096);
    expect(splitForDelivery(exact)).toEqual([{ kind: 'text', text: exact }]);
    const long = Array.from({ length: 400 }, (_, i) => `${i + 1}. Kepala OPD diminta hadir rapat koordinasi.`).join('\n');
    const parts = splitForDelivery(long);
    expect(parts.length).toBeGreaterThan(3);
    expectDeliverable(parts);
    expect(parts.map((p) => bodyOf(p)).join('\n')).toBe(long); // cut at line ends, nothing lost
  });

  it('long HTML with media: caption first, then text parts; spans crossing a cut are closed and reopened', () => {
    const paragraph = (i: number): string =>
      `<b>Poin ${i}</b>: seluruh OPD &amp; kecamatan wajib <i>menyebarluaskan <a href="https://example.go.id/p?a=1&amp;b=${i}">informasi ${i}</a></i> &lt;segera&gt; ke akun resmi.`;
    const html = `<b>ARAHAN BUPATI</b>\n\n<blockquote>${Array.from({ length: 120 }, (_, i) => paragraph(i)).join(' ')}</blockquote>`;
    const parts = splitForDelivery(html, photo);
    expect(parts[0]?.kind).toBe('media');
    expect(parts.slice(1).every((p) => p.kind === 'text')).toBe(true);
    expect(parts.length).toBeGreaterThanOrEqual(4);
    expectDeliverable(parts);
    expect(seen(parts)).toBe(seenWhole(html));
    // The quote spans every cut: each part closes it and the next opens it again.
    for (const part of parts.slice(1)) expect(bodyOf(part).startsWith('<blockquote>')).toBe(true);
    for (const part of parts.slice(0, -1)) expect(bodyOf(part).endsWith('</blockquote>')).toBe(true);
  });

  it('never cuts inside a tag or an entity, even where the text has no spaces', () => {
    const html = `<i>${'&amp;&lt;&#128512;&gt;'.repeat(400)}</i><a href="https://x.id/${'q'.repeat(50)}">${'z'.repeat(3000)}</a>`;
    const parts = splitForDelivery(html, photo);
    expectDeliverable(parts);
    expect(seen(parts).replace(/ /g, '')).toBe(seenWhole(html));
    for (const part of parts) {
      expect(bodyOf(part)).not.toMatch(/&[#a-z0-9]*$/i);
      expect(bodyOf(part)).not.toMatch(/<[^>]*$/);
    }
  });

  it('emoji: never split a surrogate pair or an emoji sequence; lengths counted in UTF-16 code units', () => {
    const family = '👨‍👩‍👧'; // 8 code units, 5 code points, 1 grapheme
    const thumbs = '👍🏽'; // 4 code units, 2 code points
    const flag = '🇮🇩'; // 4 code units, 2 regional indicators
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    // Every offset of the text against the cut, so some cut would land inside each kind of character.
    for (let shift = 0; shift < 16; shift++) {
      const prefix = 'a'.repeat(shift);
      // 1,500 emoji = 3,000 UTF-16 code units: a caption holds fewer than 1,024 characters' worth.
      const emoji = `${prefix}${'😀'.repeat(1500)}`;
      const parts = splitForDelivery(emoji, photo);
      expectDeliverable(parts);
      expect(parts.map((p) => bodyOf(p)).join('')).toBe(emoji);

      const mixed = `${prefix}${`${family}${thumbs}${flag}${flag}`.repeat(500)}`;
      const mixedParts = splitForDelivery(mixed, photo);
      expectDeliverable(mixedParts);
      expect(mixedParts.map((p) => bodyOf(p)).join('')).toBe(mixed);
      const broken = mixedParts.flatMap((part) =>
        [...segmenter.segment(bodyOf(part).replace(/^a+/, ''))].map((s) => s.segment).filter((g) => ![family, thumbs, flag].includes(g)),
      );
      expect(broken).toEqual([]);
    }
  });

  it('escaped user text survives splitting as the user wrote it', () => {
    const user = `Kenapa <script> & "kutip" > 5? ${'kata '.repeat(500)}`;
    const parts = splitForDelivery(`<b>Pertanyaan:</b> ${escapeHtml(user)}`, { kind: 'video', fileId: 'BAACAgUAAx' });
    expectDeliverable(parts);
    expect(seen(parts)).toBe(`Pertanyaan: ${user}`.replace(/\s+/g, ' ').trim());
  });

  it('any mix of words, formatting, entities and emoji gives deliverable parts that keep every word', () => {
    const word = fc.oneof(
      fc.constantFrom('arahan', 'OPD', 'kecamatan', '&amp;', '&lt;b&gt;', '&#128512;', '😀', '👨‍👩‍👧', '🇮🇩', 'é', 'e\u0301'),
      fc.string({ minLength: 1, maxLength: 40 }).map((s) => escapeHtml(s.replace(/\s/g, ''))).filter((s) => s !== ''),
    );
    const wrap = (inner: string, tag: number): string =>
      [`<b>${inner}</b>`, `<i>${inner}</i>`, `<a href="https://x.id/?a=1&amp;b=2">${inner}</a>`, `<code>${inner}</code>`, `<blockquote>${inner}</blockquote>`, inner][tag % 6] ?? inner;
    const span = fc.tuple(fc.array(word, { minLength: 1, maxLength: 60 }), fc.nat(), fc.constantFrom(' ', '\n', '', '\n\n'))
      .map(([words, tag, sep]) => wrap(words.join(sep === '' ? ' ' : sep), tag));
    const doc = fc.array(span, { minLength: 1, maxLength: 80 }).map((spans) => spans.join(' '));
    fc.assert(
      fc.property(doc, fc.boolean(), (html, withMedia) => {
        const parts = splitForDelivery(html, withMedia ? photo : undefined);
        expectDeliverable(parts);
        expect(seen(parts).replace(/ /g, '')).toBe(seenWhole(html).replace(/ /g, ''));
      }),
      { numRuns: 150 },
    );
    // Without any space the cuts are hard ones, at arbitrary offsets.
    fc.assert(
      fc.property(fc.array(word, { minLength: 200, maxLength: 1500 }), fc.boolean(), (words, withMedia) => {
        const html = `<b>${words.join('')}</b>`;
        const parts = splitForDelivery(html, withMedia ? photo : undefined);
        expectDeliverable(parts);
        expect(seen(parts).replace(/ /g, '')).toBe(seenWhole(html));
      }),
      { numRuns: 100 },
    );
  });
});
