import { isLocalDate } from '../calendar/local-date.ts';
import { isPriority, type Audience, type Priority } from './directive.ts';

/**
 * Options written at the start of "/arahan", before the text:
 *   segera | penting | biasa          priority
 *   untuk:DINKES,DINSOS               named OPDs      untuk:kecamatan,badan   OPD types
 *   tanpa_konfirmasi                  no acknowledgement asked
 *   batas:2026-11-30 or batas:2026-11-30T15:00   follow-up deadline (local time)
 * The first word that is none of these starts the text.
 */
export interface ParsedDirectiveCommand {
  readonly priority: Priority | null;
  /** Codes or types as written (upper-cased); resolved against the OPD list by the use case. */
  readonly audienceWords: readonly string[] | null;
  readonly requireAck: boolean | null;
  /** Local "YYYY-MM-DD" and optional "HH:MM". */
  readonly deadline: { readonly date: string; readonly time: string | null } | null;
  readonly text: string;
  readonly problems: readonly string[];
}

export function parseDirectiveCommand(input: string): ParsedDirectiveCommand {
  let rest = input.trim();
  let priority: Priority | null = null;
  let audienceWords: string[] | null = null;
  let requireAck: boolean | null = null;
  let deadline: ParsedDirectiveCommand['deadline'] = null;
  const problems: string[] = [];
  for (;;) {
    const match = /^(\S+)(\s+|$)/.exec(rest);
    const word = match?.[1];
    if (!match || word === undefined) break;
    const lower = word.toLowerCase();
    if (isPriority(lower)) priority = lower;
    else if (lower.startsWith('untuk:')) {
      audienceWords = word
        .slice('untuk:'.length)
        .split(',')
        .map((w) => w.trim().toUpperCase())
        .filter(Boolean);
      if (audienceWords.length === 0) problems.push('untuk');
    } else if (lower === 'tanpa_konfirmasi') requireAck = false;
    else if (lower.startsWith('batas:')) {
      const value = word.slice('batas:'.length);
      const [date = '', time] = value.split('T');
      if (!isLocalDate(date) || (time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time))) problems.push('batas');
      else deadline = { date, time: time ?? null };
    } else break;
    rest = rest.slice(match[0].length);
  }
  return { priority, audienceWords, requireAck, deadline, text: rest.trim(), problems };
}

export function resolveAudience(words: readonly string[] | null, opds: readonly { readonly code: string; readonly type: string }[]): Audience | { readonly unknown: readonly string[] } {
  if (!words) return { kind: 'all' };
  const types = new Set(opds.map((o) => o.type.toUpperCase()));
  const codes = new Set(opds.map((o) => o.code));
  if (words.every((w) => types.has(w))) return { kind: 'types', types: words.map((w) => w.toLowerCase()) };
  const unknown = words.filter((w) => !codes.has(w));
  if (unknown.length > 0) return { unknown };
  return { kind: 'opds', codes: words };
}
