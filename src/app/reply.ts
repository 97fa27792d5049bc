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
}
