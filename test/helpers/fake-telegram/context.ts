import type { CallLog } from './call-log.ts';
import type { CallbackRegistry } from './callbacks.ts';
import type { ChatDirectory } from './chats.ts';
import type { CommandStore } from './commands.ts';
import type { FileStore } from './files.ts';
import type { Params } from './params.ts';
import type { BotUser } from './types.ts';
import type { UpdateQueue } from './updates.ts';

/** Everything a Bot API method handler may touch. */
export interface ServerState {
  readonly bot: BotUser;
  readonly chats: ChatDirectory;
  readonly updates: UpdateQueue;
  readonly callbacks: CallbackRegistry;
  readonly commands: CommandStore;
  readonly log: CallLog;
  readonly files: FileStore;
  readonly validateHtml: boolean;
  readonly stats: { sendMessage: number };
}

export interface CallContext {
  readonly state: ServerState;
  readonly params: Params;
  /** Aborted when the client disconnects. */
  readonly signal: AbortSignal;
}

export type MethodHandler = (ctx: CallContext) => unknown;

/** Telegram dates are Unix seconds. */
export function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}
