import type { MediaRef } from '../media.ts';
import { parsedLength } from './html.ts';
import { MAX_CAPTION_LENGTH, MAX_MESSAGE_LENGTH, splitHead, splitMessage } from './split.ts';

/** One message of a delivery: the media with (the start of) the text as its caption, or text. */
export type DeliveryPart =
  | { readonly kind: 'media'; readonly media: MediaRef; readonly caption: string }
  | { readonly kind: 'text'; readonly text: string };

/**
 * The messages one recipient gets for `html` (Telegram HTML; user text inside already escaped
 * with escapeHtml) and an optional photo, video or document, in sending order.
 *
 * - With media: the first part is the media, its caption the first chunk of at most 1,024
 *   characters (empty when there is no text); the rest of the text follows as text parts of at
 *   most 4,096 characters each.
 * - Without media: text parts of at most 4,096 characters; none at all for blank text.
 *
 * Cuts follow splitMessage: at a paragraph, line or word boundary where possible, never inside
 * a tag, an &entity; or a character (surrogate pair, emoji sequence), spans crossing a cut
 * closed and reopened, so every part is valid HTML on its own. Parts with nothing visible are
 * dropped. Lengths are counted on the raw HTML in UTF-16 code units, as JavaScript counts:
 * Telegram counts the text after entity parsing (never longer than its HTML source) in UTF-16
 * code units at most, so the count here is never lower than Telegram's.
 *
 * Callers attach inline buttons to the LAST part only (they belong under the end of the
 * message, and one tap must not be offered twice), send the parts in order to the same chat
 * (one outbox row each, written in that order, keeps them in order), and pin the FIRST part
 * where pinning is wanted (the banner then shows the start of the message).
 */
export function splitForDelivery(html: string, media?: MediaRef): DeliveryPart[] {
  if (!media) return textParts(html);
  const { head, rest } = splitHead(html, MAX_CAPTION_LENGTH);
  const caption = isBlank(head) ? '' : head;
  return [{ kind: 'media', media, caption }, ...textParts(rest)];
}

/**
 * How `html` goes with a file the bot made (a recap workbook or chart): as the file's caption
 * when it fits (1,024 characters after parsing), else as text messages (cut as splitForDelivery
 * cuts, at most 4,096 each) sent BEFORE the file, which then goes without a caption. A recap's
 * summary is read whole above its file rather than cut mid-sentence into a caption.
 */
export function captionForFile(html: string): { readonly before: readonly string[]; readonly caption: string } {
  if (isBlank(html)) return { before: [], caption: '' };
  if (parsedLength(html) <= MAX_CAPTION_LENGTH) return { before: [], caption: html };
  return { before: textChunks(html), caption: '' };
}

function textParts(html: string): DeliveryPart[] {
  return textChunks(html).map((text) => ({ kind: 'text', text }));
}

function textChunks(html: string): string[] {
  if (isBlank(html)) return [];
  return splitMessage(html, MAX_MESSAGE_LENGTH).filter((chunk) => !isBlank(chunk));
}

/** Nothing a reader would see: only whitespace and tags. */
function isBlank(html: string): boolean {
  return html.replace(/<[^>]*>/g, '').trim() === '';
}
