import type { Button } from '../../app/reply.ts';
import type { FileUpload, MediaRef } from '../../domain/media.ts';

/** Everything the dispatcher can ask Telegram to do. */
export type OutgoingMessage =
  | {
      readonly kind: 'text';
      readonly chatId: bigint;
      readonly text: string;
      readonly buttons?: readonly (readonly Button[])[];
      readonly replyToMessageId?: number;
    }
  | {
      readonly kind: 'editText';
      readonly chatId: bigint;
      readonly messageId: number;
      readonly text: string;
      readonly buttons?: readonly (readonly Button[])[];
    }
  | {
      /**
       * A photo, video or document by file_id, or a file the bot made to upload (isFileUpload),
       * with an HTML caption (≤ 1024 after parsing).
       */
      readonly kind: 'media';
      readonly chatId: bigint;
      readonly media: MediaRef | FileUpload;
      /** HTML; may be empty. Longer text must be split first (splitForDelivery). */
      readonly caption: string;
      readonly buttons?: readonly (readonly Button[])[];
    }
  | {
      /** Edits the caption of a media message (editText fails on those: they have no text). */
      readonly kind: 'editCaption';
      readonly chatId: bigint;
      readonly messageId: number;
      readonly caption: string;
      readonly buttons?: readonly (readonly Button[])[];
    }
  | {
      /** Pins a message in its chat; `silent` pins without notifying the members. */
      readonly kind: 'pin';
      readonly chatId: bigint;
      readonly messageId: number;
      readonly silent?: boolean;
    }
  | {
      readonly kind: 'callbackAnswer';
      readonly callbackQueryId: string;
      readonly text?: string;
      readonly showAlert?: boolean;
    };

/** Telegram's answer, classified by what the dispatcher must do about it. */
export type GatewayError =
  | { readonly kind: 'rate_limited'; readonly retryAfterSeconds: number }
  | { readonly kind: 'blocked'; readonly description: string }
  | { readonly kind: 'chat_not_found'; readonly description: string }
  | { readonly kind: 'migrated'; readonly newChatId: bigint }
  | { readonly kind: 'transient'; readonly description: string }
  | { readonly kind: 'rejected'; readonly code: number; readonly description: string };

export type GatewayOutcome =
  | {
      readonly ok: true;
      readonly messageId?: number;
      /** An uploaded file's file_id (a photo's largest size): later sends of the same file use it. */
      readonly fileId?: string;
    }
  | { readonly ok: false; readonly error: GatewayError };

/** Implemented under src/telegram/ (the only place that speaks to Telegram). */
export interface TelegramGateway {
  deliver(message: OutgoingMessage): Promise<GatewayOutcome>;
}
