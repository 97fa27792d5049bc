import type { AppDeps, RoleChange } from '../src/app/deps.ts';
import type { Reply } from '../src/app/reply.ts';
import type { TelegramProfile } from '../src/app/ports/repositories.port.ts';
import { identifyPerson } from '../src/app/usecases/identify.ts';
import { displayName } from '../src/domain/model.ts';
import type { Person } from '../src/domain/model.ts';
import { actions, commands } from './index.ts';
import { dialogues } from './dialogues.ts';
import { continueDialogue } from '../src/app/usecases/dialogue.ts';
import type { ChatKind, CommandRawInput } from './spec.ts';

/** An update as any Telegram adapter can describe it, free of library types. */
export type IncomingEvent =
  | {
      readonly kind: 'command';
      readonly from: TelegramProfile;
      readonly chat: { readonly id: bigint; readonly kind: ChatKind; readonly title?: string };
      readonly name: string;
      /** The @bot part of "/cmd@bot", lower-cased, or null. */
      readonly addressedTo: string | null;
      readonly raw: CommandRawInput;
    }
  | {
      readonly kind: 'text';
      readonly from: TelegramProfile;
      readonly chat: { readonly id: bigint; readonly kind: ChatKind; readonly title?: string };
      /** The message's text or caption (the answer to an open guided dialogue). */
      readonly text?: string;
    }
  | {
      readonly kind: 'button';
      readonly from: TelegramProfile;
      readonly chat: { readonly id: bigint; readonly kind: ChatKind } | null;
      readonly messageId: number | null;
      readonly messageIsMedia: boolean;
      readonly data: string;
    };

/** What the adapter must do for an event: messages, a button answer, an edit, menu changes. */
export interface RoutedResult {
  readonly actor: Person;
  readonly command: string | null;
  readonly replies: readonly (Reply & { readonly chatId: bigint })[];
  readonly answer?: string;
  readonly edit?: { readonly chatId: bigint; readonly messageId: number; readonly text: string; readonly buttons?: Reply['buttons']; readonly caption?: boolean };
  readonly roleChanges: readonly RoleChange[];
  readonly wakeOutbox?: boolean;
}

const commandByName = new Map(commands.map((c) => [c.name, c]));

function addressed(replies: readonly Reply[], chatId: bigint): (Reply & { chatId: bigint })[] {
  return replies.map((r) => ({ ...r, chatId: r.chatId ?? chatId }));
}

/** False for what is not for the bot: group chatter, other bots' commands. Costs no I/O. */
export function concernsBot(event: IncomingEvent, botUsername: string): boolean {
  if (event.kind === 'command' && event.addressedTo && event.addressedTo !== botUsername.toLowerCase()) return false;
  if (event.kind !== 'button' && event.chat.kind === 'group' && (event.kind === 'text' || !commandByName.has(event.name))) return false;
  return true;
}

/** Routes one event through authorisation, argument validation and the command's use case. */
export async function route(event: IncomingEvent, deps: AppDeps): Promise<RoutedResult | null> {
  const m = deps.messages;
  if (!concernsBot(event, deps.settings.botUsername)) return null;
  const identified = await identifyPerson(deps, event.from);
  const actor = identified.person;
  const ownRoleChange: RoleChange[] = identified.roleChanged ? [{ telegramId: actor.telegramId, role: actor.role }] : [];
  const say = (text: string, command: string | null = null): RoutedResult => ({
    actor,
    command,
    replies: event.kind === 'button' ? [] : [{ text, chatId: event.chat.id }],
    roleChanges: ownRoleChange,
  });

  if (event.kind === 'text') {
    if (actor.role !== 'none' && event.chat.kind === 'private' && event.text !== undefined) {
      const answered = await continueDialogue(deps, actor, event.text, dialogues);
      if (answered) {
        return {
          actor,
          command: 'dialogue',
          replies: addressed(answered.replies, event.chat.id),
          roleChanges: [...ownRoleChange, ...(answered.roleChanges ?? [])],
          ...(answered.wakeOutbox ? { wakeOutbox: true } : {}),
        };
      }
    }
    return say(actor.role === 'none' ? m.common.notRegistered(displayName(actor)) : m.common.unknownCommand);
  }

  if (event.kind === 'button') {
    const prefix = event.data.split(':')[0] ?? '';
    const action = actions.find((a) => a.prefix === prefix);
    if (!action || !action.roles.includes(actor.role) || !event.chat) {
      return { actor, command: null, replies: [], answer: m.common.buttonExpired, roleChanges: ownRoleChange };
    }
    const outcome = await action.execute({ actor, chat: event.chat, messageId: event.messageId, messageIsMedia: event.messageIsMedia }, event.data, deps);
    return {
      actor,
      command: `button:${prefix}`,
      replies: addressed(outcome.replies, event.chat.id),
      ...(outcome.answer ? { answer: outcome.answer } : {}),
      ...(outcome.editedText && event.messageId !== null
        ? {
            edit: {
              chatId: event.chat.id,
              messageId: event.messageId,
              text: outcome.editedText,
              ...(outcome.editedButtons ? { buttons: outcome.editedButtons } : {}),
              ...(outcome.editedIsCaption ? { caption: true } : {}),
            },
          }
        : {}),
      roleChanges: [...ownRoleChange, ...(outcome.roleChanges ?? [])],
      ...(outcome.wakeOutbox ? { wakeOutbox: true } : {}),
    };
  }

  const command = commandByName.get(event.name);
  if (!command) return say(actor.role === 'none' ? m.common.notRegistered(displayName(actor)) : m.common.unknownCommand);
  if (!command.roles.includes(actor.role)) {
    return say(actor.role === 'none' ? m.common.notRegistered(displayName(actor)) : m.common.notAllowed(command.name), command.name);
  }
  if (!command.chats.includes(event.chat.kind)) {
    return say(event.chat.kind === 'group' ? m.common.privateOnly(command.name, deps.settings.botUsername) : m.common.groupOnly(command.name), command.name);
  }
  const outcome = await command.execute({ actor, chat: event.chat }, event.raw, deps);
  return {
    actor,
    command: command.name,
    replies: addressed(outcome.replies, event.chat.id),
    roleChanges: [...ownRoleChange, ...(outcome.roleChanges ?? [])],
    ...(outcome.wakeOutbox ? { wakeOutbox: true } : {}),
  };
}
