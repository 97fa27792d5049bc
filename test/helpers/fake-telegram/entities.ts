import type { MessageEntity } from './types.ts';

/**
 * The entities Telegram attaches to a user's plain text that bots rely on: bot_command
 * ("/lapor", "/lapor@kopdar_bot"), mention ("@name") and url (http(s):// or www. links).
 * Offsets and lengths are in UTF-16 code units, as in the Bot API (= JS string indices).
 * Telegram also links bare domains ("instagram.com/p/…"); that needs its TLD list, so not here.
 */
export function entitiesFor(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const patterns: [MessageEntity['type'], RegExp][] = [
    ['bot_command', /(?<=^|[\s(])\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_/])/g],
    ['url', /(?<=^|[\s(])(?:https?:\/\/|www\.)[^\s<>"]+/gi],
    ['mention', /(?<=^|[\s(])@[A-Za-z0-9_]{5,32}(?![A-Za-z0-9_])/g],
  ];
  for (const [type, pattern] of patterns) {
    for (const match of text.matchAll(pattern)) {
      const value = type === 'url' ? trimUrl(match[0]) : match[0];
      entities.push({ type, offset: match.index, length: value.length });
    }
  }
  return entities.sort((a, b) => a.offset - b.offset);
}

/** Trailing punctuation ends a sentence, not the link (as Telegram decides too). */
function trimUrl(url: string): string {
  return url.replace(/[.,;:!?)\]'"]+$/, '');
}
