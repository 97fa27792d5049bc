import { TelegramError, type Telegram } from 'telegraf';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { Button } from '../app/reply.ts';
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

/**
 * The dispatcher's only way to Telegram: every message and caption is HTML, text without link
 * previews; media go by file_id (never uploaded from here).
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
            const { fileId } = message.media;
            const sent =
              message.media.kind === 'photo'
                ? await telegram.sendPhoto(chatId, fileId, extra)
                : message.media.kind === 'video'
                  ? await telegram.sendVideo(chatId, fileId, extra)
                  : await telegram.sendDocument(chatId, fileId, extra);
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
