import type { GatewayError, OutgoingMessage } from './gateway.port.ts';

/** Priority order: interactive replies first, then urgent directives, then everything else. */
/** interactive replies, then segera directives (urgent), penting ones (high), then the rest. */
export type Lane = 'interactive' | 'urgent' | 'high' | 'bulk';
export const lanesByPriority: readonly Lane[] = ['interactive', 'urgent', 'high', 'bulk'];

export type DeliveryResult =
  | {
      readonly status: 'sent';
      readonly messageId?: number;
      /** The chat it finally went to: differs from the requested one after a migration. */
      readonly chatId?: bigint;
      /** An uploaded file's file_id, for sending the same file again without uploading it. */
      readonly fileId?: string;
    }
  | {
      readonly status: 'failed';
      /** Final: blocked, chat_not_found, rejected, or transient after maxAttempts. */
      readonly error: GatewayError;
    };

export interface DispatcherHooks {
  /**
   * Every final failure (403/400 to be recorded by the caller; also exhausted retries). `lane`
   * tells interactive replies from outbox traffic, whose failures the outbox relay reports.
   */
  onFinalFailure?(message: OutgoingMessage, error: GatewayError, lane: Lane): void | Promise<void>;
  /** A group became a supergroup: the caller updates its stored chat id. */
  onChatMigrated?(oldChatId: bigint, newChatId: bigint): void | Promise<void>;
  onRateLimited?(retryAfterSeconds: number): void;
}

export interface DispatcherLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * The target chat, or undefined for a callback answer (which is not a chat message). Every other
 * kind (text, media, edits, pins) is paced by its chat's limits, queued in its chat's FIFO and
 * follows the chat's migration.
 */
export function chatIdOf(message: OutgoingMessage): bigint | undefined {
  return message.kind === 'callbackAnswer' ? undefined : message.chatId;
}
