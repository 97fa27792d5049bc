import type { Message, MessageEntity, Update, User, Chat } from 'telegraf/types';
import type { IncomingEvent } from '../../commands/router.ts';
import type { ChatKind } from '../../commands/spec.ts';
import type { TelegramProfile } from '../app/ports/repositories.port.ts';

function profileOf(user: User): TelegramProfile {
  return {
    telegramId: BigInt(user.id),
    username: user.username ?? null,
    firstName: user.first_name.slice(0, 128),
    lastName: user.last_name?.slice(0, 128) ?? null,
  };
}

function chatOf(chat: Chat): { id: bigint; kind: ChatKind; title?: string } | null {
  if (chat.type === 'private') return { id: BigInt(chat.id), kind: 'private' };
  if (chat.type === 'group' || chat.type === 'supergroup') return { id: BigInt(chat.id), kind: 'group', title: chat.title };
  return null; // channels do not talk to the bot
}

function textAndEntities(message: Message): { text: string; entities: readonly MessageEntity[] } | null {
  if ('text' in message) return { text: message.text, entities: message.entities ?? [] };
  if ('caption' in message && message.caption !== undefined) return { text: message.caption, entities: message.caption_entities ?? [] };
  return null;
}

function hiddenLinks(entities: readonly MessageEntity[]): string[] {
  return entities.flatMap((entity) => (entity.type === 'text_link' ? [entity.url] : []));
}

/** The reusable file id of a message's photo (largest size), video or document. */
function mediaOf(message: Message): { kind: 'photo' | 'video' | 'document'; fileId: string } | null {
  if ('photo' in message) {
    const largest = message.photo.at(-1);
    return largest ? { kind: 'photo', fileId: largest.file_id } : null;
  }
  if ('video' in message) return { kind: 'video', fileId: message.video.file_id };
  if ('document' in message) return { kind: 'document', fileId: message.document.file_id };
  return null;
}

/** Describes a telegraf update in the library-neutral terms of commands/router.ts. */
export function toIncomingEvent(update: Update): IncomingEvent | null {
  if ('callback_query' in update) {
    const query = update.callback_query;
    if (!('data' in query) || query.data === undefined) return null;
    const message = query.message;
    return {
      kind: 'button',
      from: profileOf(query.from),
      chat: message ? chatOf(message.chat) : null,
      messageId: message?.message_id ?? null,
      messageIsMedia: Boolean(message && ('photo' in message || 'video' in message || 'document' in message)),
      data: query.data,
    };
  }
  if (!('message' in update)) return null;
  const message = update.message;
  if (!message.from || message.from.is_bot) return null;
  const chat = chatOf(message.chat);
  const content = textAndEntities(message);
  if (!chat || !content) return null;
  const from = profileOf(message.from);
  const first = content.entities[0];
  if (!first || first.type !== 'bot_command' || first.offset !== 0) return { kind: 'text', from, chat, text: content.text };

  const token = content.text.slice(0, first.length);
  const [name = '', addressedTo] = token.slice(1).split('@');
  const replied = 'reply_to_message' in message ? message.reply_to_message : undefined;
  const repliedContent = replied ? textAndEntities(replied) : null;
  return {
    kind: 'command',
    from,
    chat,
    name: name.toLowerCase(),
    addressedTo: addressedTo ? addressedTo.toLowerCase() : null,
    raw: {
      text: content.text.slice(first.length).trim(),
      replyToText: repliedContent?.text ?? null,
      hiddenLinks: hiddenLinks(content.entities),
      replyHiddenLinks: repliedContent ? hiddenLinks(repliedContent.entities) : [],
      replyMedia: replied ? mediaOf(replied) : null,
    },
  };
}
