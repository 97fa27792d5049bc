import type { Telegram } from 'telegraf';
import type { BotCommand } from 'telegraf/types';
import { commands } from '../../commands/index.ts';
import type { ChatKind } from '../../commands/spec.ts';
import type { Catalogue } from '../app/messages/id.ts';
import type { Logger } from '../app/ports/logger.port.ts';
import type { Role } from '../domain/roles.ts';

/** The menu a person with `role` sees in a chat of `kind`: exactly what they may run there. */
export function menuFor(messages: Catalogue, role: Role, kind: ChatKind): BotCommand[] {
  return commands
    .filter((c) => c.roles.includes(role) && c.chats.includes(kind))
    .map((c) => ({ command: c.name, description: c.help(messages, role).description.slice(0, 256) }));
}

/**
 * Command menus per role scope. Private chats default to the newcomer's menu; each registered
 * person gets a menu for their own chat; groups get what members may run in a group.
 */
export class CommandMenus {
  constructor(
    private readonly telegram: Telegram,
    private readonly messages: Catalogue,
    private readonly logger: Logger,
  ) {}

  async registerDefaults(): Promise<void> {
    await this.telegram.setMyCommands(menuFor(this.messages, 'none', 'private'), { scope: { type: 'all_private_chats' } });
    await this.telegram.setMyCommands(menuFor(this.messages, 'admin', 'group'), { scope: { type: 'all_group_chats' } });
  }

  /** Gives one person the menu of their role (private chat ids equal user ids). */
  async applyRole(telegramId: bigint, role: Role): Promise<void> {
    const scope = { type: 'chat' as const, chat_id: Number(telegramId) };
    try {
      if (role === 'none') await this.telegram.deleteMyCommands({ scope });
      else await this.telegram.setMyCommands(menuFor(this.messages, role, 'private'), { scope });
    } catch (error) {
      // A person who never opened the bot has no chat yet; their menu is set when they join.
      this.logger.warn({ event: 'menu.failed', telegramId: telegramId.toString(), role, err: (error as Error).message });
    }
  }
}
