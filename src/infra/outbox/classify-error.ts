import type { GatewayError } from './gateway.port.ts';

/** Maps a Bot API error answer to what the dispatcher must do about it. */
export function classifyTelegramError(code: number, description: string, parameters: Readonly<Record<string, unknown>> = {}): GatewayError {
  if (code === 429) {
    const retryAfter = typeof parameters.retry_after === 'number' ? parameters.retry_after : 1;
    return { kind: 'rate_limited', retryAfterSeconds: retryAfter };
  }
  const migrateTo = parameters.migrate_to_chat_id;
  if (typeof migrateTo === 'number' || typeof migrateTo === 'string') return { kind: 'migrated', newChatId: BigInt(migrateTo) };
  if (code === 403) return { kind: 'blocked', description };
  if (code === 400 && /chat not found|user not found|PEER_ID_INVALID/i.test(description)) return { kind: 'chat_not_found', description };
  if (code >= 500) return { kind: 'transient', description };
  return { kind: 'rejected', code, description };
}
