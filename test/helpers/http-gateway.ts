import { classifyTelegramError } from '../../src/infra/outbox/classify-error.ts';
import type { Button } from '../../src/app/reply.ts';
import type {
  GatewayError,
  GatewayOutcome,
  OutgoingMessage,
  TelegramGateway,
} from '../../src/infra/outbox/gateway.port.ts';

/**
 * Test-only TelegramGateway speaking the Bot API with fetch (the real one lives in
 * src/telegram/ and uses telegraf). Lets dispatcher tests run against the fake server.
 */
export class HttpGateway implements TelegramGateway {
  constructor(private readonly options: { apiRoot: string; token: string; timeoutMs?: number }) {}

  async deliver(message: OutgoingMessage): Promise<GatewayOutcome> {
    const { method, payload } = toRequest(message);
    let response: Response;
    try {
      response = await fetch(`${this.options.apiRoot}/bot${this.options.token}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      return failure({ kind: 'transient', description: `network: ${error instanceof Error ? error.message : String(error)}` });
    }
    if (response.status >= 500) return failure({ kind: 'transient', description: `${response.status} ${response.statusText}` });
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return failure({ kind: 'transient', description: `unreadable answer (HTTP ${response.status})` });
    }
    if (!isRecord(body)) return failure({ kind: 'transient', description: 'unexpected answer' });
    if (body.ok === true) {
      const result = body.result;
      const messageId = isRecord(result) && typeof result.message_id === 'number' ? result.message_id : undefined;
      return messageId === undefined ? { ok: true } : { ok: true, messageId };
    }
    const code = typeof body.error_code === 'number' ? body.error_code : response.status;
    const description = typeof body.description === 'string' ? body.description : '';
    return failure(classifyTelegramError(code, description, isRecord(body.parameters) ? body.parameters : {}));
  }
}

function toRequest(message: OutgoingMessage): { method: string; payload: Record<string, unknown> } {
  switch (message.kind) {
    case 'text':
      return {
        method: 'sendMessage',
        payload: {
          chat_id: jsonId(message.chatId),
          text: message.text,
          parse_mode: 'HTML',
          ...(message.buttons ? { reply_markup: keyboard(message.buttons) } : {}),
          ...(message.replyToMessageId !== undefined
            ? { reply_parameters: { message_id: message.replyToMessageId, allow_sending_without_reply: true } }
            : {}),
        },
      };
    case 'editText':
      return {
        method: 'editMessageText',
        payload: {
          chat_id: jsonId(message.chatId),
          message_id: message.messageId,
          text: message.text,
          parse_mode: 'HTML',
          ...(message.buttons ? { reply_markup: keyboard(message.buttons) } : {}),
        },
      };
    case 'media':
      return {
        method: mediaMethods[message.media.kind],
        payload: {
          chat_id: jsonId(message.chatId),
          [message.media.kind]: message.media.fileId,
          ...(message.caption !== '' ? { caption: message.caption, parse_mode: 'HTML' } : {}),
          ...(message.buttons ? { reply_markup: keyboard(message.buttons) } : {}),
        },
      };
    case 'editCaption':
      return {
        method: 'editMessageCaption',
        payload: {
          chat_id: jsonId(message.chatId),
          message_id: message.messageId,
          caption: message.caption,
          parse_mode: 'HTML',
          ...(message.buttons ? { reply_markup: keyboard(message.buttons) } : {}),
        },
      };
    case 'pin':
      return {
        method: 'pinChatMessage',
        payload: { chat_id: jsonId(message.chatId), message_id: message.messageId, disable_notification: message.silent ?? false },
      };
    case 'callbackAnswer':
      return {
        method: 'answerCallbackQuery',
        payload: {
          callback_query_id: message.callbackQueryId,
          ...(message.text !== undefined ? { text: message.text } : {}),
          ...(message.showAlert !== undefined ? { show_alert: message.showAlert } : {}),
        },
      };
  }
}

const mediaMethods = { photo: 'sendPhoto', video: 'sendVideo', document: 'sendDocument' } as const;

type InlineButton = { text: string; callback_data: string } | { text: string; url: string };

function keyboard(rows: readonly (readonly Button[])[]): { inline_keyboard: InlineButton[][] } {
  return {
    inline_keyboard: rows.map((row) =>
      row.map((b): InlineButton =>
        'callbackData' in b ? { text: b.text, callback_data: b.callbackData } : { text: b.text, url: b.url },
      ),
    ),
  };
}

/** JSON has no bigint; Telegram ids fit in a double (52 bits), else send the digits as text. */
function jsonId(id: bigint): number | string {
  return Number.isSafeInteger(Number(id)) ? Number(id) : String(id);
}

function failure(error: GatewayError): GatewayOutcome {
  return { ok: false, error };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
