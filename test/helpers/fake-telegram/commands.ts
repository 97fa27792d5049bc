import { ApiError } from './api-error.ts';
import { isRecord, type Params } from './params.ts';
import type { BotCommand } from './types.ts';

/**
 * setMyCommands per scope and language. Keys read like "default", "all_private_chats",
 * "chat:-100123", "chat_member:-100123:42", with ":<language>" appended when one was given.
 */
export class CommandStore {
  readonly byScope = new Map<string, readonly BotCommand[]>();

  set(params: Params): true {
    const commands = parseCommands(params.json('commands'));
    this.byScope.set(keyOf(params), commands);
    return true;
  }

  get(params: Params): readonly BotCommand[] {
    return this.byScope.get(keyOf(params)) ?? [];
  }

  delete(params: Params): true {
    this.byScope.delete(keyOf(params));
    return true;
  }
}

export function scopeKey(scope: unknown): string {
  if (scope === undefined || scope === null) return 'default';
  if (!isRecord(scope) || typeof scope.type !== 'string') throw ApiError.badRequest("can't parse BotCommandScope");
  const parts = [scope.type];
  if (scope.chat_id !== undefined) parts.push(String(scope.chat_id));
  if (scope.user_id !== undefined) parts.push(String(scope.user_id));
  return parts.join(':');
}

function keyOf(params: Params): string {
  const language = params.optionalString('language_code');
  const scope = scopeKey(params.json('scope'));
  return language ? `${scope}:${language}` : scope;
}

function parseCommands(value: unknown): BotCommand[] {
  if (!Array.isArray(value)) throw ApiError.badRequest('parameter "commands" is required');
  if (value.length > 100) throw ApiError.badRequest('too many commands');
  return value.map((item: unknown) => {
    if (!isRecord(item) || typeof item.command !== 'string' || typeof item.description !== 'string') {
      throw ApiError.badRequest("can't parse BotCommand");
    }
    if (!/^[a-z0-9_]{1,32}$/.test(item.command)) throw ApiError.badRequest('BOT_COMMAND_INVALID');
    if (item.description.length < 1 || item.description.length > 256) {
      throw ApiError.badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
    }
    return { command: item.command, description: item.description };
  });
}
