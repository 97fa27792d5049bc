/** The media a broadcast may carry: Telegram's own file_id of a photo, video or document. */
export type MediaKind = 'photo' | 'video' | 'document';

export const mediaKinds: readonly MediaKind[] = ['photo', 'video', 'document'];

export interface MediaRef {
  readonly kind: MediaKind;
  /** A file_id Telegram gave the bot (e.g. from the message a /arahan replied to). */
  readonly fileId: string;
}

export function isMediaKind(value: unknown): value is MediaKind {
  return typeof value === 'string' && (mediaKinds as readonly string[]).includes(value);
}
