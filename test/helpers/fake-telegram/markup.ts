import { ApiError } from './api-error.ts';
import { isRecord } from './params.ts';
import type { InlineKeyboardButton, InlineKeyboardMarkup, ReplyMarkup } from './types.ts';

/**
 * Checks reply_markup the way Telegram does where bots commonly get it wrong: callback_data
 * must be 1–64 bytes, a URL button needs an http(s) or tg link, each button exactly one action.
 */
export function parseReplyMarkup(value: unknown): ReplyMarkup | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw unparsable();
  if ('inline_keyboard' in value) return parseInline(value.inline_keyboard);
  if (Array.isArray(value.keyboard)) return value as ReplyMarkup; // reply keyboards: passed through
  if (value.force_reply === true || value.remove_keyboard === true) return value as ReplyMarkup;
  throw unparsable();
}

export function isInline(markup: ReplyMarkup | undefined): markup is InlineKeyboardMarkup {
  return markup !== undefined && 'inline_keyboard' in markup;
}

function parseInline(rows: unknown): InlineKeyboardMarkup {
  if (!Array.isArray(rows)) throw ApiError.badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup should be an Array of Arrays");
  const inline_keyboard = rows.map((row: unknown) => {
    if (!Array.isArray(row)) throw ApiError.badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup should be an Array of Arrays");
    return row.map(parseButton);
  });
  return { inline_keyboard };
}

function parseButton(button: unknown): InlineKeyboardButton {
  if (!isRecord(button) || typeof button.text !== 'string') throw ApiError.badRequest("can't find field \"text\"");
  const { text } = button;
  if (typeof button.callback_data === 'string') {
    const bytes = Buffer.byteLength(button.callback_data, 'utf8');
    if (bytes < 1 || bytes > 64) throw ApiError.badRequest('BUTTON_DATA_INVALID');
    return { text, callback_data: button.callback_data };
  }
  if (typeof button.url === 'string') {
    if (!/^(https?|tg):\/\/\S+$/i.test(button.url)) {
      throw ApiError.badRequest(`inline keyboard button URL '${button.url}' is invalid: Wrong HTTP URL`);
    }
    return { text, url: button.url };
  }
  throw ApiError.badRequest('text buttons are unallowed in the inline keyboard');
}

function unparsable(): ApiError {
  return ApiError.badRequest("can't parse reply keyboard markup JSON object");
}
