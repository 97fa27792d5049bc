import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, telegramErrors } from './api-error.ts';
import { CallLog } from './call-log.ts';
import { CallbackRegistry } from './callbacks.ts';
import { ChatDirectory, privateChatOf, toChat, toUser } from './chats.ts';
import { CommandStore } from './commands.ts';
import type { ServerState } from './context.ts';
import { unixNow } from './context.ts';
import { entitiesFor } from './entities.ts';
import { FailureInjector } from './failures.ts';
import { FileStore } from './files.ts';
import { readParams, writeError, writeResult } from './http.ts';
import { ServerLimits } from './limits.ts';
import { limitedMethods, methods } from './methods.ts';
import { Params } from './params.ts';
import type {
  BotCommand,
  BotUser,
  Chat,
  ClickInput,
  FailNextOptions,
  FakeTelegramOptions,
  FakeTelegramStats,
  Id,
  Message,
  RequestRecord,
  SentCall,
  StoredFile,
  TextInput,
  Update,
  WaitForMessageOptions,
  WaitOptions,
} from './types.ts';
import { UpdateQueue } from './updates.ts';

export type * from './types.ts';

/**
 * A fake Telegram Bot API server on 127.0.0.1 for e2e tests and benchmarks: the bot under test
 * talks HTTP to it exactly as to api.telegram.org (set its apiRoot to `tg.apiRoot`), while the
 * test plays the users (sendText, clickButton) and inspects what the bot sent.
 */
export class FakeTelegramServer {
  private readonly state: ServerState;
  private readonly failures = new FailureInjector();
  private readonly limits: ServerLimits;
  private readonly perMethod: Record<string, number> = {};
  private readonly requestLog: RequestRecord[] = [];
  private rateLimited = 0;
  private port = 0;

  private constructor(
    private readonly options: FakeTelegramOptions,
    private readonly server: Server,
  ) {
    this.state = {
      bot: botUser(options),
      chats: new ChatDirectory(),
      updates: new UpdateQueue(),
      callbacks: new CallbackRegistry(),
      commands: new CommandStore(),
      log: new CallLog(),
      files: new FileStore(),
      validateHtml: options.validateHtml ?? true,
      stats: { sendMessage: 0 },
    };
    this.limits = new ServerLimits(options.limits ?? { enforce: false });
  }

  static async start(options: FakeTelegramOptions): Promise<FakeTelegramServer> {
    const server = createServer();
    const tg = new FakeTelegramServer(options, server);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void tg.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    tg.port = (server.address() as AddressInfo).port;
    return tg;
  }

  /** Base URL for the bot's apiRoot, e.g. http://127.0.0.1:39123 */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get botUser(): BotUser {
    return this.state.bot;
  }

  // ---- playing the users ----------------------------------------------------------------

  /** A user writes `text` (commands, mentions and links get their entities); returns update_id. */
  sendText(input: TextInput): number {
    const from = toUser(input.from);
    const chat = this.state.chats.remember(input.chat ? toChat(input.chat) : privateChatOf(from));
    const replyTo = input.replyTo ? this.botMessageFor(chat, input.replyTo) : undefined;
    const entities = entitiesFor(input.text);
    const message = this.state.chats.store({
      message_id: this.state.chats.nextMessageId(chat.id),
      from,
      chat,
      date: unixNow(),
      text: input.text,
      ...(entities.length > 0 ? { entities } : {}),
      ...(replyTo ? { reply_to_message: replyTo } : {}),
    });
    return this.state.updates.push({ message });
  }

  /** A user presses an inline button under message `messageId`; returns update_id. */
  clickButton(input: ClickInput): number {
    const from = toUser(input.from);
    const chatId = Number(input.chatId);
    const message = this.state.chats.message(chatId, input.messageId) ?? {
      message_id: input.messageId,
      from: this.state.bot,
      chat: this.state.chats.remember(chatId > 0 ? privateChatOf(from) : toChat({ id: chatId, type: 'supergroup' })),
      date: unixNow(),
      text: '',
    };
    const query = this.state.callbacks.create(from, message, input.data);
    return this.state.updates.push({ callback_query: query });
  }

  /** Any update object (update_id is assigned here); returns its update_id. */
  pushRawUpdate(update: Omit<Update, 'update_id'>): number {
    return this.state.updates.push(update);
  }

  /** Serves an already pushed update once more, even if confirmed (at-least-once delivery). */
  redeliver(updateId: number): void {
    this.state.updates.redeliver(updateId);
  }

  // ---- what the bot did -------------------------------------------------------------------

  /** Successful outgoing calls (sendMessage, media, edits, pins, answerCallbackQuery, sendChatAction), in order. */
  get sent(): readonly SentCall[] {
    return this.state.log.calls;
  }

  /** The first recorded call (past or future) matching; on timeout, rejects listing what was sent. */
  waitFor(predicate: (call: SentCall) => boolean, options: WaitOptions = {}): Promise<SentCall> {
    return this.state.log.waitFor(predicate, options);
  }

  /** The first sendMessage to `chatId` whose text (HTML source or plain) matches (see options for edits, media). */
  waitForMessage(chatId: Id, match: string | RegExp, options: WaitForMessageOptions = {}): Promise<SentCall> {
    const id = Number(chatId);
    const methods = [
      'sendMessage',
      ...(options.includeEdits ? ['editMessageText'] : []),
      ...(options.includeMedia ? ['sendPhoto', 'sendVideo', 'sendDocument'] : []),
      ...(options.includeEdits && options.includeMedia ? ['editMessageCaption'] : []),
    ];
    const matches = (text: string | undefined): boolean =>
      text !== undefined && (typeof match === 'string' ? text.includes(match) : match.test(text));
    return this.state.log.waitFor(
      (c) => methods.includes(c.method) && c.chatId === id && (matches(c.text) || matches(c.plainText)),
      { ...options, what: `${methods.join('/')} to chat ${id} matching ${String(match)}` },
    );
  }

  /** The successful sendPhoto/sendDocument calls that uploaded a file (`call.upload`), in order. */
  get uploads(): readonly SentCall[] {
    return this.state.log.calls.filter((c) => c.upload !== undefined);
  }

  /** The file behind a file_id the fake answered an upload with (any of a photo's sizes). */
  file(fileId: string): StoredFile | undefined {
    return this.state.files.get(fileId);
  }

  /** Every authenticated request with its answer status, failures included (for debugging). */
  get requests(): readonly RequestRecord[] {
    return this.requestLog;
  }

  get stats(): FakeTelegramStats {
    return { sendMessage: this.state.stats.sendMessage, rateLimited: this.rateLimited, perMethod: { ...this.perMethod } };
  }

  /** setMyCommands as recorded, by scope key ("default", "all_private_chats", "chat:-100…", + ":<lang>"). */
  get commands(): ReadonlyMap<string, readonly BotCommand[]> {
    return this.state.commands.byScope;
  }

  /** Text of everything sent so far, for assertion messages. */
  describeSent(since = 0): string {
    return this.state.log.describe(since);
  }

  // ---- making Telegram misbehave ----------------------------------------------------------

  /** The next matching call(s) to `method` answer this error instead. */
  failNext(method: string, options: FailNextOptions): void {
    this.failures.add(method, options);
  }

  /** The user blocked the bot (or, for a group, kicked it): 403 from now on. */
  blockChat(chatId: Id): void {
    this.state.chats.block(Number(chatId));
  }

  unblockChat(chatId: Id): void {
    this.state.chats.unblock(Number(chatId));
  }

  /** The chat is gone: 400 "chat not found" from now on. */
  removeChat(chatId: Id): void {
    this.state.chats.remove(Number(chatId));
  }

  /** Message ids pinned in a chat, oldest pin first (the last one is what the chat shows on top). */
  pinnedMessages(chatId: Id): readonly number[] {
    return this.state.chats.pinned(Number(chatId));
  }

  /** The group became supergroup `newId`: sends to `oldId` answer 400 with migrate_to_chat_id. */
  migrateGroup(oldId: Id, newId: Id): void {
    this.state.chats.migrate(Number(oldId), Number(newId));
  }

  /** Answers waiting polls, then closes; connections still busy after a moment are cut. */
  async stop(): Promise<void> {
    this.state.updates.close();
    this.state.log.close();
    await new Promise<void>((resolve) => setImmediate(resolve)); // let the polls' answers go out
    await new Promise<void>((resolve) => {
      const cut = setTimeout(() => this.server.closeAllConnections(), 200);
      this.server.close(() => {
        clearTimeout(cut);
        resolve();
      });
      this.server.closeIdleConnections();
    });
  }

  // ---- HTTP -----------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const aborted = new AbortController();
    res.on('close', () => aborted.abort());
    const request: { method?: string; chatId?: number } = {};
    try {
      const result = await this.call(req, aborted.signal, request);
      this.logRequest(request, 200);
      writeResult(res, result);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(500, 'Internal Server Error');
      if (!(error instanceof ApiError)) console.error('FakeTelegram: handler crashed', error);
      if (apiError.code === 429) this.rateLimited++;
      this.logRequest(request, apiError.code, apiError.description);
      writeError(res, apiError);
    }
  }

  private async call(
    req: IncomingMessage,
    signal: AbortSignal,
    request: { method?: string; chatId?: number },
  ): Promise<unknown> {
    const url = new URL(req.url ?? '/', this.apiRoot);
    const route = /^\/bot([^/]+)\/([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
    if (!route) throw telegramErrors.notFound();
    const [, token = '', method = ''] = route;
    if (token !== this.options.token) throw telegramErrors.unauthorized();
    request.method = method;
    this.perMethod[method] = (this.perMethod[method] ?? 0) + 1;
    const handler = methods.get(method.toLowerCase());
    if (!handler) throw telegramErrors.notFound();

    const body = await readParams(req, url);
    const params = new Params(body.params, body.files);
    const chatId = optionalChatId(params);
    if (chatId !== undefined) request.chatId = chatId;
    const injected = this.failures.take(method, chatId);
    if (injected) throw injected;
    if (limitedMethods.has(method.toLowerCase()) && chatId !== undefined) {
      this.state.chats.target(chatId); // blocked/migrated/missing chats fail before counting
      const admission = this.limits.admit(chatId);
      if (!admission.ok) throw telegramErrors.tooManyRequests(admission.retryAfterSeconds);
    }
    return handler({ state: this.state, params, signal });
  }

  private logRequest(request: { method?: string; chatId?: number }, status: number, description?: string): void {
    if (request.method === undefined) return; // unauthenticated or not a Bot API path
    this.requestLog.push({
      method: request.method,
      ...(request.chatId !== undefined ? { chatId: request.chatId } : {}),
      status,
      ...(description !== undefined ? { description } : {}),
      at: Date.now(),
    });
  }

  /** The bot message a user's reply points at: the stored one, or one made up from `text`. */
  private botMessageFor(chat: Chat, replyTo: { text: string; message_id?: number }): Message {
    const known = replyTo.message_id !== undefined ? this.state.chats.message(chat.id, replyTo.message_id) : undefined;
    if (known) return { ...known, reply_to_message: undefined };
    return this.state.chats.store({
      message_id: replyTo.message_id ?? this.state.chats.nextMessageId(chat.id),
      from: this.state.bot,
      chat,
      date: unixNow(),
      text: replyTo.text,
    });
  }
}

function optionalChatId(params: Params): number | undefined {
  try {
    return params.has('chat_id') ? params.chatId() : undefined;
  } catch {
    return undefined; // the handler reports the bad chat_id itself
  }
}

function botUser(options: FakeTelegramOptions): BotUser {
  const prefix = Number(options.token.split(':')[0]);
  return {
    id: Number.isSafeInteger(prefix) && prefix > 0 ? prefix : 1_000_000,
    is_bot: true,
    first_name: 'Kopdar Test Bot',
    username: options.botUsername ?? 'kopdar_test_bot',
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  };
}
