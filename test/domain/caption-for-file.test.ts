import { describe, expect, it } from 'vitest';
import { safeFileName, uploadProblem } from '../../src/domain/media.ts';
import { captionForFile } from '../../src/domain/text/delivery.ts';
import { parsedLength } from '../../src/domain/text/html.ts';
import { htmlToPlainText } from '../helpers/fake-telegram/html.ts';

describe('captionForFile', () => {
  it('a text that fits (1,024 after parsing, however long its HTML) is the caption, whole', () => {
    const exact = `<b>${'a'.repeat(1000)}</b> &amp; <i>${'b'.repeat(20)}</i>`; // 1,023 parsed
    expect(exact.length).toBeGreaterThan(1024);
    expect(captionForFile(exact)).toEqual({ before: [], caption: exact });
    expect(captionForFile('Rekap <b>November</b>')).toEqual({ before: [], caption: 'Rekap <b>November</b>' });
  });

  it('a longer text goes before the file, in messages Telegram takes, and the file has no caption', () => {
    const html = `<b>Rekap</b>\n\n${'OPD melapor &amp; tepat waktu. '.repeat(300)}`;
    const { before, caption } = captionForFile(html);
    expect(caption).toBe('');
    expect(before.length).toBe(3); // ~9,000 characters
    for (const part of before) {
      expect(part.length).toBeLessThanOrEqual(4096);
      expect(htmlToPlainText(part).trim()).not.toBe('');
    }
    const words = (text: string) => text.replace(/\s+/g, ' ').trim();
    expect(words(before.map(htmlToPlainText).join(' '))).toBe(words(htmlToPlainText(html)));
    const justOver = 'x'.repeat(1025);
    expect(captionForFile(justOver)).toEqual({ before: [justOver], caption: '' });
  });

  it('blank text: the file alone', () => {
    expect(captionForFile('')).toEqual({ before: [], caption: '' });
    expect(captionForFile(' <b> </b>\n')).toEqual({ before: [], caption: '' });
  });
});

describe('parsedLength', () => {
  it('counts what Telegram shows, in UTF-16 code units, never less than the fake server parses', () => {
    for (const html of ['<b>a</b> &lt;b&gt; &amp;&quot;', 'emoji 😀 &#128512; &#x1F600;', '<a href="https://x.y/?a=1&amp;b=2">tautan</a>', 'tak dikenal &nbsp;']) {
      expect(parsedLength(html)).toBeGreaterThanOrEqual(htmlToPlainText(html).length);
    }
    expect(parsedLength('<b>a</b> &lt;b&gt; &amp;&quot;')).toBe('a <b> &"'.length);
    expect(parsedLength('😀&#128512;')).toBe(4);
  });
});

describe('files to upload', () => {
  it('names that would break a multipart header or read as a path are made safe', () => {
    expect(safeFileName('rekap-2026-11.xlsx')).toBe('rekap-2026-11.xlsx');
    expect(safeFileName('rekap "akhir"\r\n/../x.xlsx')).toBe('rekap _akhir____.._x.xlsx');
    expect(safeFileName('Rekap Dinas Pendidikan & Kebudayaan — November.xlsx')).toBe('Rekap Dinas Pendidikan & Kebudayaan — November.xlsx');
    expect(safeFileName('  ')).toBe('file');
  });

  it("Telegram's upload limits: 10 MB for a photo, 50 MB for a document, nothing empty", () => {
    const of = (kind: 'photo' | 'document', size: number) => uploadProblem({ kind, fileName: 'f', bytes: new Uint8Array(size) });
    expect(of('photo', 10 * 1024 * 1024)).toBeUndefined();
    expect(of('photo', 10 * 1024 * 1024 + 1)).toMatch(/at most 10 MB/);
    expect(of('document', 50 * 1024 * 1024)).toBeUndefined();
    expect(of('document', 50 * 1024 * 1024 + 1)).toMatch(/at most 50 MB/);
    expect(of('document', 0)).toBe('the file is empty');
  });
});
