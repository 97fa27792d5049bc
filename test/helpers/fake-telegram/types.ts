/**
 * The subset of Bot API shapes the fake server speaks (names and nesting as in
 * https://core.telegram.org/bots/api), plus the types of its test-facing API.
 */

export interface User {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface BotUser extends User {
  can_join_groups: boolean;
  can_read_all_group_messages: boolean;
  supports_inline_queries: boolean;
}

export type ChatType = 'private' | 'group' | 'supergroup' | 'channel';

export interface Chat {
  id: number;
  type: ChatType;
  title?: string;
  username?: string;
  first_name?: string;
  last_name?: string;
}

export interface MessageEntity {
  type: 'bot_command' | 'url' | 'mention' | (string & {});
  offset: number;
  length: number;
}

export type InlineKeyboardButton =
  | { text: string; callback_data: string }
  | { text: string; url: string };

export interface InlineKeyboardMarkup {
  inline_keyboard: InlineKeyboardButton[][];
}

/** What a bot may pass as reply_markup; only the inline keyboard comes back on a Message. */
export type ReplyMarkup =
  | InlineKeyboardMarkup
  | { keyboard: { text: string }[][]; resize_keyboard?: boolean; one_time_keyboard?: boolean }
  | { force_reply: true; input_field_placeholder?: string; selective?: boolean }
  | { remove_keyboard: true; selective?: boolean };

export interface PhotoSize {
  file_id: string;
  file_unique_id: string;
  width: number;
  height: number;
  file_size?: number;
}

export interface Video {
  file_id: string;
  file_unique_id: string;
  width: number;
  height: number;
  duration: number;
  mime_type?: string;
}

export interface Document {
  file_id: string;
  file_unique_id: string;
  file_name?: string;
  mime_type?: string;
  file_size?: number;
}

export interface Message {
  message_id: number;
  from?: User;
  chat: Chat;
  date: number;
  edit_date?: number;
  text?: string;
  entities?: MessageEntity[];
  /** Media messages: the file(s) and an optional caption instead of text. */
  photo?: PhotoSize[];
  video?: Video;
  document?: Document;
  caption?: string;
  /** Service message: the bot (or a user) pinned this one. */
  pinned_message?: Message;
  reply_to_message?: Message;
  reply_markup?: InlineKeyboardMarkup;
}

export interface CallbackQuery {
  id: string;
  from: User;
  message?: Message;
  chat_instance: string;
  data?: string;
}

export interface Update {
  update_id: number;
  message?: Message;
  edited_message?: Message;
  callback_query?: CallbackQuery;
  [other: string]: unknown;
}

export interface BotCommand {
  command: string;
  description: string;
}

export type ApiResponse<T> =
  | { ok: true; result: T }
  | { ok: false; error_code: number; description: string; parameters?: ResponseParameters };

export interface ResponseParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

// ---- test-facing API ------------------------------------------------------------------------

/** Ids may be given as number or bigint (the app stores chat ids as bigint). */
export type Id = number | bigint;

export interface LimitOptions {
  /** Off: every request is admitted (counts are still kept in stats). */
  enforce: boolean;
  globalPerSecond?: number;
  perChatPerSecond?: number;
  perChatBurst?: number;
  perGroupPerMinute?: number;
  /**
   * Slack for arrival jitter: a request is admitted if it would be within limits this many ms
   * later. Default 50 — far below what a real overrun looks like.
   */
  toleranceMs?: number;
}

export interface FakeTelegramOptions {
  token: string;
  /** getMe's username; default 'kopdar_test_bot'. */
  botUsername?: string;
  limits?: LimitOptions;
  /** Check parse_mode HTML the way Telegram does (unsupported/unclosed tags ⇒ 400). Default true. */
  validateHtml?: boolean;
}

export interface UserInput {
  id: Id;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface ChatInput {
  id: Id;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
}

export interface TextInput {
  from: UserInput;
  /** Default: the private chat with `from`. */
  chat?: ChatInput;
  text: string;
  /** Makes the update a reply to a bot message (existing if message_id is known, else made up). */
  replyTo?: { text: string; message_id?: number };
}

export interface ClickInput {
  from: UserInput;
  chatId: Id;
  messageId: number;
  data: string;
}

export interface InjectedError {
  error_code: number;
  description: string;
  parameters?: ResponseParameters;
}

export interface FailNextOptions {
  /** Only calls to this chat; default any. */
  chatId?: Id;
  /** How many calls fail; default 1. */
  times?: number;
  error: InjectedError;
}

/** A file part of a multipart request, as the bot sent it. */
export interface UploadedFile {
  /** The form field it came in (Telegram's parameter name: photo, document…). */
  readonly fieldName: string;
  readonly fileName: string;
  /** The Content-Type of the part ('' when none was given). */
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}

/** A file the fake was sent by upload, reachable by the file_ids it answered with. */
export interface StoredFile {
  readonly kind: 'photo' | 'document';
  /** A document's file_id; a photo's, one per size, smallest first (the last is the full size). */
  readonly fileIds: readonly string[];
  readonly fileUniqueId: string;
  readonly fileName: string;
  readonly mimeType: string;
  /** Exactly the bytes uploaded. */
  readonly bytes: Uint8Array;
  /** Photos: the uploaded image's dimensions (JPEG and WebP: assumed 1280×720). */
  readonly width?: number;
  readonly height?: number;
}

/** One successful outgoing call the bot made (what a user would see happen). */
export interface SentCall {
  readonly method: string;
  readonly chatId?: number;
  /** Text as the bot sent it (HTML source when parse_mode is HTML); a media message's caption. */
  readonly text?: string;
  /** Text as the user sees it (tags removed, entities decoded). */
  readonly plainText?: string;
  /** sendPhoto/sendVideo/sendDocument and editMessageCaption: the caption as sent (also in `text`). */
  readonly caption?: string;
  /**
   * sendPhoto/sendVideo/sendDocument: what was sent. For an upload, the file_id the fake answered
   * with (a photo's full size).
   */
  readonly media?: { readonly kind: 'photo' | 'video' | 'document'; readonly fileId: string };
  /** sendPhoto/sendDocument with a file in a multipart body: that file (absent for a send by file_id). */
  readonly upload?: UploadedFile;
  /** The file the recipient got, uploaded now or earlier (sent by a file_id the fake made). */
  readonly file?: StoredFile;
  readonly parseMode?: string;
  readonly replyMarkup?: ReplyMarkup;
  readonly messageId?: number;
  readonly replyToMessageId?: number;
  readonly callbackQueryId?: string;
  /** Date.now() when the server handled it. */
  readonly at: number;
  /** All parameters as received (JSON-decoded where Telegram expects JSON). */
  readonly params: Readonly<Record<string, unknown>>;
}

/** Every authenticated request and how it was answered (failures included). */
export interface RequestRecord {
  readonly method: string;
  readonly chatId?: number;
  /** HTTP status answered (= error_code on failure). */
  readonly status: number;
  readonly description?: string;
  readonly at: number;
}

export interface WaitOptions {
  /** Default 3000. */
  timeoutMs?: number;
  /** Only calls recorded at or after this index of `sent` (take `tg.sent.length` as a mark). */
  since?: number;
}

export interface WaitForMessageOptions extends WaitOptions {
  /** Also match editMessageText (and editMessageCaption) calls; default false (sendMessage only). */
  includeEdits?: boolean;
  /** Also match sendPhoto/sendVideo/sendDocument by caption; default false. */
  includeMedia?: boolean;
}

export interface FakeTelegramStats {
  /** sendMessage calls answered with success. */
  sendMessage: number;
  /** 429 answers given (rate limit or injected). */
  rateLimited: number;
  /** Every authenticated request, by method name as called. */
  perMethod: Record<string, number>;
}
