import { ApiError } from './api-error.ts';
import { unixNow, type CallContext, type MethodHandler } from './context.ts';
import { htmlToPlainText } from './html.ts';
import { isInline, parseReplyMarkup } from './markup.ts';
import { isRecord, type Params } from './params.ts';
import type { Message, ReplyMarkup } from './types.ts';

const MAX_TEXT = 4096;

/** The calls that put something in a chat: sending, editing, chat actions, answering buttons. */
export const messageMethods: Record<string, MethodHandler> = {
  sendMessage: (ctx) => {
    const { state, params } = ctx;
    const chat = state.chats.target(params.chatId());
    const text = readText(ctx);
    const markup = parseReplyMarkup(params.json('reply_markup'));
    const replyTo = repliedMessage(ctx, chat.id);
    const message: Message = {
      message_id: state.chats.nextMessageId(chat.id),
      from: state.bot,
      chat,
      date: unixNow(),
      text: text.plain,
      ...(replyTo ? { reply_to_message: replyTo } : {}),
      ...(isInline(markup) ? { reply_markup: markup } : {}),
    };
    state.chats.store(message);
    state.stats.sendMessage++;
    record(ctx, 'sendMessage', message, text, markup, replyTo?.message_id);
    return message;
  },

  editMessageText: (ctx) => {
    const { state, params } = ctx;
    const { chatId, messageId } = editTarget(params);
    state.chats.target(chatId);
    const current = state.chats.editable(chatId, messageId, state.bot.id);
    const text = readText(ctx);
    const markup = parseReplyMarkup(params.json('reply_markup'));
    // Editing the text without reply_markup removes the inline keyboard, as in Telegram.
    const next = { ...current, text: text.plain, reply_markup: isInline(markup) ? markup : undefined };
    ensureModified(current, next);
    const edited = state.chats.store(withEditDate(next));
    record(ctx, 'editMessageText', edited, text, markup);
    return edited;
  },

  editMessageReplyMarkup: (ctx) => {
    const { state, params } = ctx;
    const { chatId, messageId } = editTarget(params);
    state.chats.target(chatId);
    const current = state.chats.editable(chatId, messageId, state.bot.id);
    const markup = parseReplyMarkup(params.json('reply_markup'));
    const next = { ...current, reply_markup: isInline(markup) ? markup : undefined };
    ensureModified(current, next);
    const edited = state.chats.store(withEditDate(next));
    record(ctx, 'editMessageReplyMarkup', edited, undefined, markup);
    return edited;
  },

  sendChatAction: (ctx) => {
    const chat = ctx.state.chats.target(ctx.params.chatId());
    const action = ctx.params.optionalString('action');
    if (!action) throw ApiError.badRequest('action is empty');
    ctx.state.log.record({ method: 'sendChatAction', chatId: chat.id, text: action, at: Date.now(), params: ctx.params.raw });
    return true;
  },

  answerCallbackQuery: (ctx) => {
    const id = ctx.params.optionalString('callback_query_id');
    if (!id) throw ApiError.badRequest('query is too old and response timeout expired or query ID is invalid');
    const text = ctx.params.optionalString('text');
    if (text !== undefined && text.length > 200) throw ApiError.badRequest('MESSAGE_TOO_LONG');
    const query = ctx.state.callbacks.answer(id);
    ctx.state.log.record({
      method: 'answerCallbackQuery',
      callbackQueryId: id,
      ...(query.message ? { chatId: query.message.chat.id, messageId: query.message.message_id } : {}),
      ...(text !== undefined ? { text, plainText: text } : {}),
      at: Date.now(),
      params: ctx.params.raw,
    });
    return true;
  },
};

interface Text {
  readonly source: string;
  readonly plain: string;
  readonly parseMode?: string;
}

function readText({ state, params }: CallContext): Text {
  const source = params.optionalString('text') ?? '';
  const parseMode = params.optionalString('parse_mode');
  let plain = source;
  if (parseMode !== undefined && parseMode !== '') {
    const mode = parseMode.toLowerCase();
    if (!['html', 'markdown', 'markdownv2'].includes(mode)) throw ApiError.badRequest('unsupported parse_mode');
    if (mode === 'html' && state.validateHtml) plain = htmlToPlainText(source);
  }
  if (plain.trim() === '') throw ApiError.badRequest('message text is empty');
  if (plain.length > MAX_TEXT) throw ApiError.badRequest('message is too long');
  return { source, plain, ...(parseMode ? { parseMode } : {}) };
}

/** reply_to_message_id (older API) or reply_parameters.message_id (Bot API 7.0+). */
function repliedMessage({ state, params }: CallContext, chatId: number): Message | undefined {
  const parameters = params.json('reply_parameters');
  const id = isRecord(parameters) && typeof parameters.message_id === 'number'
    ? parameters.message_id
    : params.optionalInt('reply_to_message_id');
  if (id === undefined) return undefined;
  const found = state.chats.message(chatId, id);
  if (found) return { ...found, reply_to_message: undefined };
  const lenient = params.bool('allow_sending_without_reply') ||
    (isRecord(parameters) && parameters.allow_sending_without_reply === true);
  if (lenient) return undefined;
  throw ApiError.badRequest('message to be replied not found');
}

function editTarget(params: Params): { chatId: number; messageId: number } {
  if (params.has('inline_message_id')) throw ApiError.badRequest('inline messages are not simulated');
  return { chatId: params.chatId(), messageId: params.int('message_id', 'message identifier is not specified') };
}

function ensureModified(current: Message, next: Message): void {
  const same = current.text === next.text &&
    JSON.stringify(current.reply_markup ?? null) === JSON.stringify(next.reply_markup ?? null);
  if (same) {
    throw ApiError.badRequest(
      'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    );
  }
}

function withEditDate(message: Message): Message {
  const { reply_markup, ...rest } = message;
  return { ...rest, edit_date: unixNow(), ...(reply_markup ? { reply_markup } : {}) };
}

function record(
  { state, params }: CallContext,
  method: string,
  message: Message,
  text: Text | undefined,
  markup: ReplyMarkup | undefined,
  replyToMessageId?: number,
): void {
  state.log.record({
    method,
    chatId: message.chat.id,
    messageId: message.message_id,
    ...(text ? { text: text.source, plainText: text.plain } : {}),
    ...(text?.parseMode ? { parseMode: text.parseMode } : {}),
    ...(markup ? { replyMarkup: markup } : {}),
    ...(replyToMessageId !== undefined ? { replyToMessageId } : {}),
    at: Date.now(),
    params: params.raw,
  });
}
