import { ApiError } from './api-error.ts';
import { unixNow, type CallContext, type MethodHandler } from './context.ts';
import { htmlToPlainText } from './html.ts';
import { isInline, parseReplyMarkup } from './markup.ts';
import { isRecord, type Params } from './params.ts';
import { mainFileId } from './files.ts';
import type { Message, ReplyMarkup, SentCall, StoredFile, UploadedFile } from './types.ts';

const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;

type MediaKind = NonNullable<SentCall['media']>['kind'];

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
    if (current.text === undefined) throw ApiError.badRequest('there is no text in the message to edit');
    const text = readText(ctx);
    const markup = parseReplyMarkup(params.json('reply_markup'));
    // Editing the text without reply_markup removes the inline keyboard, as in Telegram.
    const next = { ...current, text: text.plain, reply_markup: isInline(markup) ? markup : undefined };
    ensureModified(current, next);
    const edited = state.chats.store(withEditDate(next));
    record(ctx, 'editMessageText', edited, text, markup);
    return edited;
  },

  sendPhoto: (ctx) => sendMedia(ctx, 'photo'),
  sendVideo: (ctx) => sendMedia(ctx, 'video'),
  sendDocument: (ctx) => sendMedia(ctx, 'document'),

  editMessageCaption: (ctx) => {
    const { state, params } = ctx;
    const { chatId, messageId } = editTarget(params);
    state.chats.target(chatId);
    const current = state.chats.editable(chatId, messageId, state.bot.id);
    if (!hasMedia(current)) throw ApiError.badRequest('there is no caption in the message to edit');
    const caption = readCaption(ctx);
    const markup = parseReplyMarkup(params.json('reply_markup'));
    const { caption: _old, ...rest } = current;
    const next: Message = { ...rest, ...(caption.plain !== '' ? { caption: caption.plain } : {}), reply_markup: isInline(markup) ? markup : undefined };
    ensureModified(current, next);
    const edited = state.chats.store(withEditDate(next));
    record(ctx, 'editMessageCaption', edited, caption, markup, undefined, { caption: caption.source });
    return edited;
  },

  pinChatMessage: ({ state, params }) => {
    const chat = state.chats.target(params.chatId());
    const messageId = params.int('message_id', 'message identifier is not specified');
    if (!state.chats.message(chat.id, messageId)) throw ApiError.badRequest('message to pin not found');
    state.chats.pin(chat.id, messageId);
    state.log.record({ method: 'pinChatMessage', chatId: chat.id, messageId, at: Date.now(), params: params.raw });
    return true;
  },

  unpinChatMessage: ({ state, params }) => {
    const chat = state.chats.target(params.chatId());
    const messageId = params.optionalInt('message_id');
    state.chats.unpin(chat.id, messageId);
    state.log.record({ method: 'unpinChatMessage', chatId: chat.id, ...(messageId !== undefined ? { messageId } : {}), at: Date.now(), params: params.raw });
    return true;
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

/**
 * sendPhoto/sendVideo/sendDocument: a file uploaded in a multipart body (photos and documents;
 * checked against Telegram's limits and given file_ids), or a file_id (or URL) string. A file_id
 * the fake handed out must be sent as its own kind; one it never made is taken on trust.
 */
function sendMedia(ctx: CallContext, kind: MediaKind): Message {
  const { state, params } = ctx;
  const chat = state.chats.target(params.chatId());
  const caption = readCaption(ctx);
  const markup = parseReplyMarkup(params.json('reply_markup'));
  const replyTo = repliedMessage(ctx, chat.id);
  const { content, fileId, upload, file } = mediaContent(ctx, kind);
  const message: Message = {
    message_id: state.chats.nextMessageId(chat.id),
    from: state.bot,
    chat,
    date: unixNow(),
    ...content,
    ...(caption.plain !== '' ? { caption: caption.plain } : {}),
    ...(replyTo ? { reply_to_message: replyTo } : {}),
    ...(isInline(markup) ? { reply_markup: markup } : {}),
  };
  state.chats.store(message);
  const method = kind === 'photo' ? 'sendPhoto' : kind === 'video' ? 'sendVideo' : 'sendDocument';
  record(ctx, method, message, caption, markup, replyTo?.message_id, {
    caption: caption.source,
    media: { kind, fileId },
    ...(upload ? { upload } : {}),
    ...(file ? { file } : {}),
  });
  return message;
}

type MediaContent = Pick<Message, 'photo' | 'video' | 'document'>;

function mediaContent({ state, params }: CallContext, kind: MediaKind): { content: MediaContent; fileId: string; upload?: UploadedFile; file?: StoredFile } {
  const upload = params.file(kind);
  if (upload) {
    if (kind === 'video') throw ApiError.badRequest('video uploads are not simulated');
    const { file, photo, document } = state.files.upload(kind, upload);
    return { content: photo ? { photo } : document ? { document } : {}, fileId: mainFileId(file), upload, file };
  }
  const fileId = params.raw[kind];
  if (fileId === undefined || fileId === null || fileId === '') throw ApiError.badRequest(`there is no ${kind} in the request`);
  if (typeof fileId !== 'string' || /\s/.test(fileId)) throw ApiError.badRequest('wrong file identifier/HTTP URL specified');
  const known = state.files.resend(kind, fileId);
  if (known) return { content: known.photo ? { photo: known.photo } : known.document ? { document: known.document } : {}, fileId, file: known.file };
  const file = { file_id: fileId, file_unique_id: uniqueId(fileId) };
  if (kind === 'photo') return { content: { photo: [{ ...file, width: 1280, height: 720 }] }, fileId };
  if (kind === 'video') return { content: { video: { ...file, width: 1280, height: 720, duration: 10, mime_type: 'video/mp4' } }, fileId };
  return { content: { document: { ...file, file_name: 'document', mime_type: 'application/octet-stream' } }, fileId };
}

function hasMedia(message: Message): boolean {
  return message.photo !== undefined || message.video !== undefined || message.document !== undefined;
}

/** A stable made-up file_unique_id for a file_id. */
function uniqueId(fileId: string): string {
  let hash = 0;
  for (let i = 0; i < fileId.length; i++) hash = (hash * 31 + fileId.charCodeAt(i)) >>> 0;
  return `u${hash.toString(36)}`;
}

interface Text {
  readonly source: string;
  readonly plain: string;
  readonly parseMode?: string;
}

function readText(ctx: CallContext): Text {
  const text = parseFormatted(ctx, 'text');
  if (text.plain.trim() === '') throw ApiError.badRequest('message text is empty');
  if (text.plain.length > MAX_TEXT) throw ApiError.badRequest('message is too long');
  return text;
}

/** A caption: optional (empty means none), 1024 at most after parsing. */
function readCaption(ctx: CallContext): Text {
  const caption = parseFormatted(ctx, 'caption');
  if (caption.plain.length > MAX_CAPTION) throw ApiError.badRequest('message caption is too long');
  return caption.plain.trim() === '' ? { ...caption, plain: '' } : caption;
}

/**
 * `field` as the user will see it. Lengths are UTF-16 code units of the parsed text, as
 * JavaScript counts them: never less than Telegram's count, so the fake is the stricter one.
 */
function parseFormatted({ state, params }: CallContext, field: 'text' | 'caption'): Text {
  const source = params.optionalString(field) ?? '';
  const parseMode = params.optionalString('parse_mode');
  let plain = source;
  if (parseMode !== undefined && parseMode !== '') {
    const mode = parseMode.toLowerCase();
    if (!['html', 'markdown', 'markdownv2'].includes(mode)) throw ApiError.badRequest('unsupported parse_mode');
    if (mode === 'html' && state.validateHtml) plain = htmlToPlainText(source);
  }
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
  const same = current.text === next.text && current.caption === next.caption &&
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
  extra: Pick<SentCall, 'caption' | 'media' | 'upload' | 'file'> = {},
): void {
  state.log.record({
    method,
    chatId: message.chat.id,
    messageId: message.message_id,
    ...(text ? { text: text.source, plainText: text.plain } : {}),
    ...extra,
    ...(text?.parseMode ? { parseMode: text.parseMode } : {}),
    ...(markup ? { replyMarkup: markup } : {}),
    ...(replyToMessageId !== undefined ? { replyToMessageId } : {}),
    at: Date.now(),
    params: params.raw,
  });
}
