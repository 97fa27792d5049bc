import { describe, expect, it } from 'vitest';
// en.ts first: it spreads enPartB, and part-b.ts imports en.ts back (under plain ESM, loading part-b.ts first would fail).
import '../../../src/app/messages/en.ts';
import { id } from '../../../src/app/messages/id.ts';
import { enPartB } from '../../../src/app/messages/en/part-b.ts';

const sections = ['directive', 'groupName', 'dialogue', 'meetup', 'community', 'nudge', 'report', 'undo', 'history'] as const;

/** Every leaf of a section: its dotted path, its typeof, and a function's arity. */
function shape(value: unknown, path: string, out: Map<string, string>): Map<string, string> {
  if (typeof value === 'function') out.set(path, `function/${value.length}`);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) shape(child, `${path}.${key}`, out);
  } else out.set(path, typeof value);
  return out;
}

/** The tags of an HTML text, in order ("b", "/b", "code", "a" …). */
const tags = (html: string): string[] => [...html.matchAll(/<(\/?[a-z]+)[^>]*>/g)].map((m) => m[1] ?? '');

/** What precedes the first word or tag: the emoji marker (✅, 🔁, ❌, ⚠️ …). */
const marker = (text: string): string => /^[^\p{L}\p{N}<#/]*/u.exec(text)?.[0] ?? '';

const nasty = 'A <&> B';
const escaped = 'A &lt;&amp;&gt; B';

/** `words: false`: a line with no prose of its own, the same in both languages. */
const samples: { name: string; call: (c: typeof enPartB) => string; words?: false }[] = [
  {
    name: 'directive.copy',
    call: (c) => c.directive.copy({ id: 7, title: nasty, priority: 'segera', body: 'body', deadline: nasty, requireAck: true }),
  },
  { name: 'directive.ackedCopy', call: (c) => c.directive.ackedCopy('copy', nasty, 'DINKES', nasty) },
  { name: 'directive.questionToAuthor', call: (c) => c.directive.questionToAuthor(3, nasty, 'DINKES', nasty) },
  { name: 'directive.undelivered', call: (c) => c.directive.undelivered(3, nasty, nasty, nasty) },
  { name: 'directive.deadlineSummary', call: (c) => c.directive.deadlineSummary(3, 1, 2, 5, [nasty, 'DINSOS']) },
  { name: 'directive.unknownAudience', call: (c) => c.directive.unknownAudience([nasty, 'X']) },
  {
    name: 'meetup.card',
    call: (c) =>
      c.meetup.card({ id: 2, title: nasty, when: nasty, place: nasty, onlineUrl: nasty, agenda: nasty, capacity: 40, counts: { hadir: 3, tidak: 1, mungkin: 2, waiting: 1 }, cancelled: null }),
  },
  {
    name: 'meetup.card (cancelled)',
    call: (c) =>
      c.meetup.card({ id: 2, title: nasty, when: nasty, place: null, onlineUrl: null, agenda: null, capacity: null, counts: { hadir: 0, tidak: 0, mungkin: 0, waiting: 0 }, cancelled: nasty }),
  },
  { name: 'meetup.yourAnswer', call: (c) => c.meetup.yourAnswer(nasty.replace(/</g, '&lt;'), 'hadir', 2) },
  { name: 'meetup.waitlisted', call: (c) => c.meetup.waitlisted(4, nasty, 2) },
  { name: 'meetup.published', call: (c) => c.meetup.published('card', 4, nasty, 10) },
  { name: 'meetup.unknownCode', call: (c) => c.meetup.unknownCode(nasty) },
  { name: 'meetup.checkedIn', call: (c) => c.meetup.checkedIn(4, nasty, nasty) },
  { name: 'meetup.editedNotice', call: (c) => c.meetup.editedNotice(nasty, 'card') },
  { name: 'meetup.cancelledNotice', call: (c) => c.meetup.cancelledNotice(4, nasty, nasty, nasty) },
  { name: 'community.bound', call: (c) => c.community.bound(nasty) },
  { name: 'nudge.friendly', call: (c) => c.nudge.friendly(nasty, 'DINKES', 3, nasty) },
  { name: 'nudge.firm', call: (c) => c.nudge.firm(nasty, 'DINKES', 1, null) },
  { name: 'nudge.escalation', call: (c) => c.nudge.escalation(nasty, 'DINKES', 7, nasty, [nasty]) },
  {
    name: 'nudge.digest',
    call: (c) => c.nudge.digest({ date: nasty, active: 3, total: 10, top: [{ code: nasty, posts: 2 }], quiet: 4, named: [nasty] }),
  },
  { name: 'report.recorded', call: (c) => c.report.recorded('instagram', nasty, nasty, 2) },
  { name: 'report.duplicate', call: (c) => c.report.duplicate(nasty, nasty, 'DINKES') },
  { name: 'report.duplicateInMessage', call: (c) => c.report.duplicateInMessage(nasty) },
  { name: 'report.refused.not_a_post', call: (c) => c.report.refused.not_a_post(nasty) },
  { name: 'report.refused.lookalike_host', call: (c) => c.report.refused.lookalike_host(nasty) },
  { name: 'report.unknownOpd', call: (c) => c.report.unknownOpd(nasty) },
  { name: 'report.unregisteredAccount', call: (c) => c.report.unregisteredAccount('instagram', nasty, 'DINKES') },
  { name: 'report.notYourOpd', call: (c) => c.report.notYourOpd(nasty, 'DINKES') },
  { name: 'undo.done', call: (c) => c.undo.done('tiktok', nasty, nasty) },
  { name: 'history.line', call: (c) => c.history.line(1, nasty, 'youtube', nasty, nasty), words: false },
  { name: 'history.ownOnly', call: (c) => c.history.ownOnly(nasty, 'DINKES') },
];

describe('English catalogue, part B', () => {
  it('has every key of its sections, with the same kind of value and the same function arity', () => {
    for (const section of sections) {
      const expected = shape(id[section], section, new Map());
      const actual = shape(enPartB[section], section, new Map());
      expect(Object.fromEntries(actual), section).toEqual(Object.fromEntries(expected));
    }
  });

  it('translates every plain text (the same words only where English and Indonesian agree)', () => {
    const same: string[] = [];
    for (const section of sections) {
      const idLeaves = new Map<string, unknown>();
      const walk = (value: unknown, path: string, into: Map<string, unknown>): void => {
        if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, into);
        else if (typeof value === 'string') into.set(path, value);
      };
      walk(id[section], section, idLeaves);
      const enLeaves = new Map<string, unknown>();
      walk(enPartB[section], section, enLeaves);
      for (const [path, text] of enLeaves) if (idLeaves.get(path) === text) same.push(path);
    }
    expect(same).toEqual(['meetup.fieldButton.agenda']);
  });

  it.each(samples)('$name keeps the HTML tags, the leading marker and the escaping of the Indonesian text', ({ call, words }) => {
    const idText = call(id as unknown as typeof enPartB);
    const enText = call(enPartB);
    if (words !== false) expect(enText).not.toBe(idText);
    expect(tags(enText)).toEqual(tags(idText));
    expect(marker(enText)).toBe(marker(idText));
    expect(enText.split('\n').length).toBe(idText.split('\n').length);
    expect(enText).not.toContain(nasty);
    expect(enText.split(escaped).length).toBe(idText.split(escaped).length);
  });

  it('a /lapor reply line starts with ✅, 🔁 or ❌', () => {
    expect(enPartB.report.recorded('facebook', 'DINKES', 'Dinas Kesehatan', 1).startsWith('✅')).toBe(true);
    expect(enPartB.report.duplicate('https://x.com/a/status/1', 'today', 'DINKES').startsWith('🔁')).toBe(true);
    for (const refusal of Object.values(enPartB.report.refused) as ((url: string) => string)[]) {
      expect(refusal('https://example.com/').startsWith('❌')).toBe(true);
    }
  });
});
