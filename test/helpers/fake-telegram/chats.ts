import { ApiError, telegramErrors } from './api-error.ts';
import type { Chat, ChatInput, Message, User, UserInput } from './types.ts';

/**
 * What the fake knows about chats: their Chat objects, every message (the bot's and the users'),
 * message ids counting up per chat (shared by both sides, as in Telegram), and the chats that
 * blocked the bot, vanished, or were upgraded to a supergroup.
 */
export class ChatDirectory {
  private readonly chats = new Map<number, Chat>();
  private readonly messages = new Map<number, Map<number, Message>>();
  private readonly lastMessageId = new Map<number, number>();
  private readonly blocked = new Set<number>();
  private readonly removed = new Set<number>();
  private readonly migratedTo = new Map<number, number>();
  private readonly pins = new Map<number, number[]>();

  /** Registers (or updates) a chat seen in a user's update. */
  remember(chat: Chat): Chat {
    const merged = { ...this.chats.get(chat.id), ...chat };
    this.chats.set(chat.id, merged);
    return merged;
  }

  /**
   * The chat a bot call addresses, refusing it the way Telegram would. Chats never seen are
   * created on the fly (a private chat for positive ids, a group otherwise) so tests need not
   * introduce every recipient first.
   */
  target(chatId: number): Chat {
    if (this.removed.has(chatId)) throw telegramErrors.chatNotFound();
    const newId = this.migratedTo.get(chatId);
    if (newId !== undefined) throw telegramErrors.migrated(newId);
    if (this.blocked.has(chatId)) throw chatId > 0 ? telegramErrors.blocked() : telegramErrors.kicked();
    return this.chats.get(chatId) ?? this.remember(defaultChat(chatId));
  }

  nextMessageId(chatId: number): number {
    const id = (this.lastMessageId.get(chatId) ?? 0) + 1;
    this.lastMessageId.set(chatId, id);
    return id;
  }

  store(message: Message): Message {
    const byId = this.messages.get(message.chat.id) ?? new Map<number, Message>();
    byId.set(message.message_id, message);
    this.messages.set(message.chat.id, byId);
    // Keep the counter ahead of ids a test chose itself.
    if (message.message_id > (this.lastMessageId.get(message.chat.id) ?? 0)) {
      this.lastMessageId.set(message.chat.id, message.message_id);
    }
    return message;
  }

  message(chatId: number, messageId: number): Message | undefined {
    return this.messages.get(chatId)?.get(messageId);
  }

  /** A message the bot may edit, or Telegram's error. */
  editable(chatId: number, messageId: number, botId: number): Message {
    const message = this.message(chatId, messageId);
    if (!message) throw ApiError.badRequest('message to edit not found');
    if (message.from?.id !== botId) throw ApiError.badRequest("message can't be edited");
    return message;
  }

  /** Pins a message (again: it moves to the top). */
  pin(chatId: number, messageId: number): void {
    const pins = (this.pins.get(chatId) ?? []).filter((id) => id !== messageId);
    pins.push(messageId);
    this.pins.set(chatId, pins);
  }

  /** Unpins one message, or the most recent pin when none is named; false if nothing was pinned. */
  unpin(chatId: number, messageId?: number): boolean {
    const pins = this.pins.get(chatId) ?? [];
    const at = messageId === undefined ? pins.length - 1 : pins.indexOf(messageId);
    if (at < 0) return false;
    pins.splice(at, 1);
    return true;
  }

  pinned(chatId: number): readonly number[] {
    return [...(this.pins.get(chatId) ?? [])];
  }

  block(chatId: number): void {
    this.blocked.add(chatId);
  }

  unblock(chatId: number): void {
    this.blocked.delete(chatId);
  }

  remove(chatId: number): void {
    this.removed.add(chatId);
  }

  migrate(oldId: number, newId: number): void {
    const old = this.chats.get(oldId) ?? defaultChat(oldId);
    this.migratedTo.set(oldId, newId);
    this.remember({ id: newId, type: 'supergroup', title: old.title ?? `Group ${newId}` });
  }
}

export function toUser(input: UserInput): User {
  return {
    id: Number(input.id),
    is_bot: false,
    first_name: input.first_name,
    ...(input.last_name !== undefined ? { last_name: input.last_name } : {}),
    ...(input.username !== undefined ? { username: input.username } : {}),
    ...(input.language_code !== undefined ? { language_code: input.language_code } : {}),
  };
}

export function privateChatOf(user: User): Chat {
  return {
    id: user.id,
    type: 'private',
    first_name: user.first_name,
    ...(user.last_name !== undefined ? { last_name: user.last_name } : {}),
    ...(user.username !== undefined ? { username: user.username } : {}),
  };
}

export function toChat(input: ChatInput): Chat {
  const id = Number(input.id);
  return { id, type: input.type, title: input.title ?? `Group ${id}` };
}

function defaultChat(chatId: number): Chat {
  if (chatId > 0) return { id: chatId, type: 'private', first_name: `User ${chatId}` };
  // Supergroup and channel ids look like -100xxxxxxxxxx; small negative ids are basic groups.
  return { id: chatId, type: chatId < -1_000_000_000_000 ? 'supergroup' : 'group', title: `Group ${chatId}` };
}
