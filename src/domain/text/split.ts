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
  const budget = Math.max(16, max - TAG_RESERVE);
  while (rest.length > max) {
    const cut = bestCut(rest, budget);
    const head = rest.slice(0, cut).trimEnd();
    const open = openTags(head);
    chunks.push(head + open.map((t) => `</${t.name}>`).reverse().join(''));
    rest = open.map((t) => t.raw).join('') + rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
}

function bestCut(text: string, max: number): number {
  const window = text.slice(0, max);
  for (const separator of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(separator);
    if (at > max / 4 && isSafeCut(text, at)) return at + separator.length;
  }
  let cut = max;
  while (cut > 1 && !isSafeCut(text, cut)) cut--;
  return cut > 1 ? cut : max;
}

/** False when `index` falls inside a <tag> or an &entity;. */
function isSafeCut(text: string, index: number): boolean {
  const before = text.slice(0, index);
  if (before.lastIndexOf('<') > before.lastIndexOf('>')) return false;
  const lastAmp = before.lastIndexOf('&');
  return lastAmp === -1 || !/^&[#a-zA-Z0-9]*$/.test(before.slice(lastAmp));
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
