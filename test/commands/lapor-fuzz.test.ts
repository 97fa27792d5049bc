import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lapor } from '../../commands/lapor.ts';
import { normalizeLink } from '../../src/domain/links/index.ts';
import type { Person } from '../../src/domain/model.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { htmlToPlainText } from '../helpers/fake-telegram/html.ts';

let app: TestApp;
let admin: Person;
let superadmin: Person;

beforeAll(async () => {
  app = await createTestApp();
  await app.addOpds('DINKES', 'DINSOS');
  admin = await app.addPerson(2001, 'admin', 'DINKES');
  superadmin = await app.addPerson(1001, 'superadmin');
});
afterAll(async () => app.close());

const fragments = [
  'https://www.instagram.com/p/',
  'instagram.com/reel/',
  'https://youtu.be/',
  'https://x.com/a/status/',
  'https://www.tiktok.com/@dinkes/video/',
  'https://www.facebook.com/dinkes/posts/',
  'javascript:alert(1)',
  'https://user:pw@instagram.com/p/',
  'https://instagram.com.evil.io/p/',
  'https://іnstagram.com/p/',
  'ftp://',
  '/lapor',
  'DINSOS',
  '#12',
  '?igsh=',
  '&utm_source=x',
  ' ',
  '\n',
  '(',
  ')',
  '.',
  '\u0000',
  '🎉',
];

const code11 = fc.stringMatching(/^[A-Za-z0-9_-]{11}$/);
const numericId = fc.stringMatching(/^[1-9][0-9]{15,18}$/);
const validLink = fc
  .tuple(
    fc.oneof(
      code11.map((c) => `https://www.instagram.com/p/${c}/`),
      code11.map((c) => `instagram.com/reel/${c}`),
      code11.map((c) => `https://youtu.be/${c}`),
      code11.map((c) => `https://m.youtube.com/watch?v=${c}`),
      numericId.map((n) => `https://twitter.com/dinkes/status/${n}`),
      numericId.map((n) => `https://www.tiktok.com/@dinkes/video/${n}`),
      numericId.map((n) => `https://web.facebook.com/dinkes/posts/${n}`),
    ),
    fc.constantFrom('', '?igsh=abc', '?utm_source=wa&si=1', '#top', '/'),
  )
  .map(([link, suffix]) => link + suffix);

/** Messages built from link-shaped pieces and noise, to reach deep into the parser. */
const message = fc.oneof(
  fc.array(fc.oneof(validLink, fc.constantFrom(...fragments), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 13 }).map((parts) => parts.join(' ')),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.oneof(fc.constantFrom(...fragments), fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/), fc.webUrl()), { maxLength: 14 }).map((parts) => parts.join('')),
  fc.array(fc.oneof(fc.constantFrom(...fragments), fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/)), { maxLength: 14 }).map((parts) => parts.join(' ')),
);

describe('/lapor under 10,000 random and malformed messages', () => {
  it('never throws, always answers with a marker, and stores only valid, de-duplicated posts of the right OPD', async () => {
    const accepted = new Set<string>();
    await fc.assert(
      fc.asyncProperty(message, fc.option(fc.string({ maxLength: 200 })), fc.boolean(), async (text, replyTo, asSuperadmin) => {
        // A superadmin names the OPD first; random words there must be refused, never recorded.
        const actor = asSuperadmin ? superadmin : admin;
        const body = asSuperadmin ? `${fc.sample(fc.constantFrom('DINKES', 'dinkes', 'XYZ', 'Sosialisasi', ''), { seed: text.length, numRuns: 1 })[0] ?? ''} ${text}` : text;
        const outcome = await lapor.execute({ actor, chat: { id: actor.telegramId, kind: 'private' } }, { text: body, replyToText: replyTo, hiddenLinks: [], replyHiddenLinks: [] }, app.deps);
        expect(outcome.replies).toHaveLength(1);
        const answer = outcome.replies[0]?.text ?? '';
        expect(['✅', '🔁', '❌'].some((marker) => answer.startsWith(marker))).toBe(true);
        for (const line of answer.split('\n\n')) expect(line.length).toBeGreaterThan(0);
        // Whatever the input, the reply is HTML Telegram accepts.
        expect(() => htmlToPlainText(answer)).not.toThrow();
      }),
      { seed: 20261123, numRuns: 10_000 },
    );

    const db = new Database(app.file, { readonly: true });
    const rows = db.prepare('SELECT canonicalUrl, platform, opdId, reporterId FROM Report').all() as {
      canonicalUrl: string;
      platform: string;
      opdId: number;
      reporterId: number;
    }[];
    const dinkes = db.prepare("SELECT id FROM Opd WHERE code = 'DINKES'").get() as { id: number };
    db.close();
    expect(rows.length).toBeGreaterThan(50); // the generator does reach valid links
    for (const row of rows) {
      const again = normalizeLink(row.canonicalUrl);
      expect(again.ok && again.canonicalUrl === row.canonicalUrl && again.platform === row.platform).toBe(true);
      expect([admin.id, superadmin.id]).toContain(row.reporterId);
      // An admin's posts always go to their own OPD; a superadmin's to the OPD named first.
      if (row.reporterId === admin.id) expect(row.opdId).toBe(dinkes.id);
      expect(accepted.has(row.canonicalUrl)).toBe(false);
      accepted.add(row.canonicalUrl);
    }
  }, 300_000);
});
