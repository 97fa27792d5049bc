import { ApiError } from './api-error.ts';

/** Tags the Bot API accepts with parse_mode HTML (https://core.telegram.org/bots/api#html-style). */
const SUPPORTED = new Set([
  'b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler', 'a',
  'tg-emoji', 'code', 'pre', 'blockquote',
]);

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/**
 * Parses Telegram-flavoured HTML into the text the user sees, failing the way Telegram does on
 * unsupported, unclosed or mismatched tags. That makes an unescaped "<" in user input (the
 * classic bot bug) fail the e2e tests instead of production. Error texts follow Telegram's
 * ("can't parse entities: …"); byte offsets are UTF-8, as Telegram reports them.
 */
export function htmlToPlainText(html: string): string {
  const open: string[] = [];
  let plain = '';
  let i = 0;
  while (i < html.length) {
    const ch = html[i];
    if (ch === '<') {
      const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)?((?:\s+[^>]*)?)>/.exec(html.slice(i));
      const name = tag?.[2]?.toLowerCase();
      if (!tag || name === undefined) throw parseError(`Unsupported start tag "" at byte offset ${byteOffset(html, i)}`);
      if (tag[1] === '/') {
        const expected = open.pop();
        if (expected === undefined) throw parseError(`Unexpected end tag at byte offset ${byteOffset(html, i)}`);
        if (expected !== name) {
          throw parseError(
            `Unmatched end tag at byte offset ${byteOffset(html, i)}, expected "</${expected}>", found "</${name}>"`,
          );
        }
      } else {
        if (!SUPPORTED.has(name)) throw parseError(`Unsupported start tag "${name}" at byte offset ${byteOffset(html, i)}`);
        open.push(name);
      }
      i += tag[0].length;
      continue;
    }
    if (ch === '&') {
      const entity = /^&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]+);/.exec(html.slice(i));
      const decoded = entity ? decodeEntity(entity[1] ?? '') : undefined;
      if (entity && decoded !== undefined) {
        plain += decoded;
        i += entity[0].length;
        continue;
      }
    }
    plain += ch;
    i++;
  }
  const unclosed = open.pop();
  if (unclosed !== undefined) throw parseError(`Can't find end tag corresponding to start tag "${unclosed}"`);
  return plain;
}

function decodeEntity(body: string): string | undefined {
  if (body.startsWith('#x') || body.startsWith('#X')) return safeCodePoint(parseInt(body.slice(2), 16));
  if (body.startsWith('#')) return safeCodePoint(parseInt(body.slice(1), 10));
  return NAMED_ENTITIES[body.toLowerCase()]; // other named entities stay as typed
}

function safeCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

function byteOffset(text: string, index: number): number {
  return Buffer.byteLength(text.slice(0, index), 'utf8');
}

function parseError(detail: string): ApiError {
  return ApiError.badRequest(`can't parse entities: ${detail}`);
}
