import { Input, TelegramError, type Telegram } from 'telegraf';
import type { InlineKeyboardButton, InlineKeyboardMarkup, PhotoSize } from 'telegraf/types';
import type { Button } from '../app/reply.ts';
import { isFileUpload, safeFileName, type FileUpload } from '../domain/media.ts';
import type { GatewayError, GatewayOutcome, OutgoingMessage, TelegramGateway } from '../infra/outbox/gateway.port.ts';
import { classifyTelegramError } from '../infra/outbox/classify-error.ts';

/** Telegram chat ids fit in 52 bits, so a JS number carries them exactly (JSON has no BigInt). */
export const chatIdForApi = (chatId: bigint): number => Number(chatId);

function keyboard(buttons: readonly (readonly Button[])[] | undefined): InlineKeyboardMarkup | undefined {
  if (!buttons || buttons.length === 0) return undefined;
  return {
    inline_keyboard: buttons.map((row) =>
      row.map((b): InlineKeyboardButton => ('url' in b ? { text: b.text, url: b.url } : { text: b.text, callback_data: b.callbackData })),
    ),
  };
}

/** Sorts a telegraf failure into what the dispatcher must do about it. */
export function classifyError(error: unknown): GatewayError {
  if (error instanceof TelegramError) return classifyTelegramError(error.code, error.description, { ...error.parameters });
  return { kind: 'transient', description: error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error' };
}

/** Telegram's sizes of one photo, smallest first as a rule; the largest is the one worth resending. */
function largestPhoto(sizes: readonly PhotoSize[]): PhotoSize | undefined {
  let best: PhotoSize | undefined;
  for (const size of sizes) if (!best || size.width * size.height >= best.width * best.height) best = size;
  return best;
}

/** telegraf uploads only a Buffer; a view over the same memory spares copying a large file. */
function inputFile(file: FileUpload) {
  const buffer = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  return Input.fromBuffer(buffer, safeFileName(file.fileName));
}

/**
 * The dispatcher's only way to Telegram: every message and caption is HTML, text without link
 * previews; media go by file_id, or are uploaded (files the bot made), and then the outcome
 * carries the file_id Telegram gave the upload.
 */
export function telegrafGateway(telegram: Telegram): TelegramGateway {
  return {
    async deliver(message: OutgoingMessage): Promise<GatewayOutcome> {
      try {
        switch (message.kind) {
          case 'text': {
            const reply_markup = keyboard(message.buttons);
            const sent = await telegram.sendMessage(chatIdForApi(message.chatId), message.text, {
              parse_mode: 'HTML',
              link_preview_options: { is_disabled: true },
              ...(reply_markup ? { reply_markup } : {}),
              ...(message.replyToMessageId ? { reply_parameters: { message_id: message.replyToMessageId, allow_sending_without_reply: true } } : {}),
            });
            return { ok: true, messageId: sent.message_id };
          }
          case 'editText': {
            const reply_markup = keyboard(message.buttons);
            await telegram.editMessageText(chatIdForApi(message.chatId), message.messageId, undefined, message.text, {
              parse_mode: 'HTML',
              link_preview_options: { is_disabled: true },
              ...(reply_markup ? { reply_markup } : {}),
            });
            return { ok: true, messageId: message.messageId };
          }
          case 'media': {
            const reply_markup = keyboard(message.buttons);
            const chatId = chatIdForApi(message.chatId);
            const extra = {
              ...(message.caption !== '' ? { caption: message.caption, parse_mode: 'HTML' as const } : {}),
              ...(reply_markup ? { reply_markup } : {}),
            };
            const { media } = message;
            if (isFileUpload(media)) {
              // Read defensively: the file is delivered by now, and a throw here would be retried
              // as a network error, sending it twice. Without a file_id the next row uploads again.
              if (media.kind === 'photo') {
                const sent = await telegram.sendPhoto(chatId, inputFile(media), extra);
                const fileId = largestPhoto(sent.photo ?? [])?.file_id;
                return { ok: true, messageId: sent.message_id, ...(fileId ? { fileId } : {}) };
              }
              const sent = await telegram.sendDocument(chatId, inputFile(media), extra);
              const fileId = sent.document?.file_id;
              return { ok: true, messageId: sent.message_id, ...(fileId ? { fileId } : {}) };
            }
            const sent =
              media.kind === 'photo'
                ? await telegram.sendPhoto(chatId, media.fileId, extra)
                : media.kind === 'video'
                  ? await telegram.sendVideo(chatId, media.fileId, extra)
                  : await telegram.sendDocument(chatId, media.fileId, extra);
            return { ok: true, messageId: sent.message_id };
          }
          case 'editCaption': {
            const reply_markup = keyboard(message.buttons);
            await telegram.editMessageCaption(chatIdForApi(message.chatId), message.messageId, undefined, message.caption, {
              parse_mode: 'HTML',
              ...(reply_markup ? { reply_markup } : {}),
            });
            return { ok: true, messageId: message.messageId };
          }
          case 'pin':
            await telegram.pinChatMessage(chatIdForApi(message.chatId), message.messageId, { disable_notification: message.silent ?? false });
            return { ok: true, messageId: message.messageId };
          case 'callbackAnswer':
            await telegram.answerCbQuery(message.callbackQueryId, message.text, message.showAlert ? { show_alert: true } : {});
            return { ok: true };
        }
      } catch (error) {
        // Editing a message to the text it already has is not a failure worth retrying.
        if (error instanceof TelegramError && /message is not modified/i.test(error.description)) return { ok: true };
        return { ok: false, error: classifyError(error) };
      }
    },
  };
}
