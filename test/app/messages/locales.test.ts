import { describe, expect, it } from 'vitest';
import { catalogues, locales } from '../../../src/app/messages/catalogues.ts';
import { id } from '../../../src/app/messages/id.ts';

type Shape = string | { readonly fn: number } | { readonly list: number } | { readonly [key: string]: Shape };

/** What a catalogue entry looks like, without its words: keys, function arities, list lengths. */
function shape(value: unknown): Shape {
  if (typeof value === 'function') return { fn: value.length };
  if (Array.isArray(value)) return { list: value.length };
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]).sort(([a], [b]) => String(a).localeCompare(String(b))));
  return typeof value;
}

/** Every plain string of a catalogue, by its path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

describe('every locale has every message', () => {
  it.each(locales)('%s has exactly the keys, functions and lists of the Indonesian catalogue', (locale) => {
    expect(shape(catalogues[locale])).toEqual(shape(id));
  });

  it('English is a translation, not a copy: its plain texts differ from the Indonesian ones', () => {
    const english = new Map(strings(catalogues.en));
    // Words that are the same in both languages.
    const same = new Set(['meetup.fieldButton.agenda', 'roleName.admin', 'recapFile.opdColumn.status', 'recapFile.platformColumn.platform', 'recapFile.notes.target']);
    const copied = strings(id).filter(([path, text]) => !path.endsWith('.usage') && !path.endsWith('Words') && !path.startsWith('settings.example.') && /\p{L}{4,}/u.test(text) && english.get(path) === text && !same.has(path) && !path.startsWith('platformName.'));
    expect(copied).toEqual([]);
  });
});
