import type { FileUpload } from '../domain/media.ts';

/** What a use case asks the bot to say. Neutral: no Telegram library types leak in here. */
export type Button =
  | { readonly text: string; readonly callbackData: string }
  | { readonly text: string; readonly url: string };

export interface Reply {
  /** HTML-formatted text (user input inside must be escaped with escapeHtml). */
  readonly text: string;
  readonly buttons?: readonly (readonly Button[])[];
  /** Where to send it; omitted means the chat the command came from. */
  readonly chatId?: bigint;
  /**
   * A file the bot made, sent as that photo or document with `text` as its caption (text too
   * long for a caption goes first as messages, the file follows without one; see
   * captionForFile). Several files are several replies. Buttons go under the file.
   */
  readonly attachment?: FileUpload;
}
