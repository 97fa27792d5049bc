import { classifyTelegramError } from '../../src/infra/outbox/classify-error.ts';
import type { Button } from '../../src/app/reply.ts';
import { isFileUpload, type FileUpload } from '../../src/domain/media.ts';
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
    const { method, payload, upload } = toRequest(message);
    let response: Response;
    try {
      response = await fetch(`${this.options.apiRoot}/bot${this.options.token}/${method}`, {
        method: 'POST',
        ...(upload ? { body: formData(payload, upload) } : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) }),
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
      const fileId = upload && isRecord(result) ? uploadedFileId(result) : undefined;
      return { ok: true, ...(messageId !== undefined ? { messageId } : {}), ...(fileId !== undefined ? { fileId } : {}) };
    }
    const code = typeof body.error_code === 'number' ? body.error_code : response.status;
    const description = typeof body.description === 'string' ? body.description : '';
    return failure(classifyTelegramError(code, description, isRecord(body.parameters) ? body.parameters : {}));
  }
}

/** A multipart body as Telegram takes uploads: JSON-typed fields as JSON text, the file under its kind. */
function formData(payload: Record<string, unknown>, upload: FileUpload): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(payload)) form.append(name, typeof value === 'string' ? value : JSON.stringify(value));
  form.append(upload.kind, new Blob([new Uint8Array(upload.bytes)]), upload.fileName);
  return form;
}

function uploadedFileId(result: Record<string, unknown>): string | undefined {
  const { photo, document } = result;
  if (Array.isArray(photo)) {
    const last: unknown = photo[photo.length - 1];
    return isRecord(last) && typeof last.file_id === 'string' ? last.file_id : undefined;
  }
  return isRecord(document) && typeof document.file_id === 'string' ? document.file_id : undefined;
}

function toRequest(message: OutgoingMessage): { method: string; payload: Record<string, unknown>; upload?: FileUpload } {
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
    case 'media': {
      const { media } = message;
      return {
        method: mediaMethods[media.kind],
        payload: {
          chat_id: jsonId(message.chatId),
          ...(isFileUpload(media) ? {} : { [media.kind]: media.fileId }),
          ...(message.caption !== '' ? { caption: message.caption, parse_mode: 'HTML' } : {}),
          ...(message.buttons ? { reply_markup: keyboard(message.buttons) } : {}),
        },
        ...(isFileUpload(media) ? { upload: media } : {}),
      };
    }
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
