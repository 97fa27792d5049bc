import { describe, expect, it } from 'vitest';
import { splitMessage } from '../../src/domain/text/split.ts';

describe('splitMessage', () => {
  it('keeps short text whole', () => {
    expect(splitMessage('halo')).toEqual(['halo']);
  });

  it('splits at line boundaries and respects the limit', () => {
    const text = Array.from({ length: 300 }, (_, i) => `${i + 1}. <b>DINKES</b> — Dinas Kesehatan &amp; KB`).join('\n');
    const chunks = splitMessage(text);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(4096);
    expect(chunks.join('\n')).toBe(text);
  });

  it('never cuts inside a tag or an entity, and closes and reopens a span that crosses a cut', () => {
    const text = `<b>${'kata &amp; '.repeat(1000)}</b>`;
    const chunks = splitMessage(text, 1000);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(1000);
      expect(chunk.startsWith('<b>')).toBe(true);
      expect(chunk.endsWith('</b>')).toBe(true);
      expect(chunk).not.toMatch(/&[a-z]*$/);
      expect(chunk).not.toMatch(/<[^>]*$/);
    }
  });
});

describe('splitMessage word boundaries', () => {
  it('skips a space inside a tag and cuts at the word boundary before it', () => {
    const words = 'kata '.repeat(100);
    const text = `${words}<a href="https://x.id/">${'z'.repeat(1000)}</a>`;
    const [first] = splitMessage(text, 1000);
    expect(first).toBe(words.trimEnd());
  });
});
