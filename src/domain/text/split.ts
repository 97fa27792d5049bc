/** Telegram's limit for a message text, counted after entity parsing (raw HTML is never shorter). */
export const MAX_MESSAGE_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;

/** Room kept in each chunk for the closing and reopening tags a cut may need. */
const TAG_RESERVE = 200;

/**
 * Splits HTML text into chunks of at most `max` characters, preferring paragraph, then line,
 * then word boundaries, never cutting through a tag or an &entity;. A formatting span that
 * crosses a cut is closed at the end of one chunk and reopened at the start of the next, so
 * every chunk is valid HTML for Telegram on its own.
 */
export function splitMessage(text: string, max = MAX_MESSAGE_LENGTH): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const next = splitHead(rest, max);
    chunks.push(next.head);
    rest = next.rest;
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
}

/**
 * One cut by splitMessage's rules: `head` is the first chunk (at most `max` characters, its open
 * spans closed), `rest` the remainder with those spans reopened ('' when the text fits whole).
 */
export function splitHead(text: string, max: number): { head: string; rest: string } {
  if (text.length <= max) return { head: text, rest: '' };
  const budget = Math.max(16, max - TAG_RESERVE);
  const cut = bestCut(text, budget);
  const head = text.slice(0, cut).trimEnd();
  const open = openTags(head);
  return {
    head: head + open.map((t) => `</${t.name}>`).reverse().join(''),
    rest: open.map((t) => t.raw).join('') + text.slice(cut).replace(/^\s+/, ''),
  };
}

function bestCut(text: string, max: number): number {
  const window = text.slice(0, max);
  for (const separator of ['\n\n', '\n', ' ']) {
    // The last separator may sit inside a tag (`<a href=…>`): then try the one before it.
    for (let at = window.lastIndexOf(separator); at > max / 4; at = window.lastIndexOf(separator, at - 1)) {
      if (isSafeCut(text, at)) return at + separator.length;
    }
  }
  let cut = max;
  while (cut > 1 && !isSafeCut(text, cut)) cut--;
  return cut > 1 ? cut : max;
}

/** False when `index` falls inside a <tag>, an &entity; or a character (see splitsCharacter). */
function isSafeCut(text: string, index: number): boolean {
  const before = text.slice(0, index);
  if (before.lastIndexOf('<') > before.lastIndexOf('>')) return false;
  const lastAmp = before.lastIndexOf('&');
  if (lastAmp !== -1 && /^&[#a-zA-Z0-9]*$/.test(before.slice(lastAmp))) return false;
  return !splitsCharacter(text, index);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * True when `index` falls inside what the reader sees as one character: between the halves of a
 * surrogate pair (an emoji above U+FFFF; half of one is invalid UTF-8 and Telegram refuses the
 * whole message) or inside a grapheme cluster (👍🏽, 👨‍👩‍👧, flags, combining accents).
 */
function splitsCharacter(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code >= 0xdc00 && code <= 0xdfff && isHighSurrogate(text.charCodeAt(index - 1))) return true;
  // Clusters are short, so text well past the cut does not matter (text before it may: flags pair up).
  const segment = graphemes.segment(text.slice(0, index + 64)).containing(index);
  return segment !== undefined && segment.index !== index;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

interface OpenTag {
  readonly name: string;
  readonly raw: string;
}

/** Tags opened in `html` and not yet closed, outermost first. */
function openTags(html: string): OpenTag[] {
  const stack: OpenTag[] = [];
  for (const match of html.matchAll(/<(\/?)([a-zA-Z-]+)[^>]*>/g)) {
    const [raw, closing, name = ''] = match;
    if (closing) {
      const at = stack.map((t) => t.name).lastIndexOf(name.toLowerCase());
      if (at !== -1) stack.splice(at, 1);
    } else {
      stack.push({ name: name.toLowerCase(), raw });
    }
  }
  return stack;
}
