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

/** What a file the bot made is sent as: a photo is shown inline (a chart), a document is a download (a workbook). */
export type UploadKind = 'photo' | 'document';

export const uploadKinds: readonly UploadKind[] = ['photo', 'document'];

export function isUploadKind(value: unknown): value is UploadKind {
  return typeof value === 'string' && (uploadKinds as readonly string[]).includes(value);
}

/** A file the bot made in memory (a recap workbook, a chart), to be uploaded to Telegram. */
export interface FileUpload {
  readonly kind: UploadKind;
  /** The name the recipient sees (and saves the document under). */
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** Telegram's upload limits through the Bot API: 10 MB for a photo, 50 MB for any other file. */
export const MAX_UPLOAD_BYTES: Readonly<Record<UploadKind, number>> = { photo: 10 * 1024 * 1024, document: 50 * 1024 * 1024 };

/** A file by file_id or one to upload: the latter carries its bytes. */
export function isFileUpload(media: MediaRef | FileUpload): media is FileUpload {
  return 'bytes' in media;
}

/**
 * A file name safe to put in a multipart header: quotes, backslashes, path separators and
 * control characters would break the header (telegraf writes the name unescaped) or read as a
 * path; they become '_'. Empty names become `fallback`.
 */
export function safeFileName(name: string, fallback = 'file'): string {
  const cleaned = name.replace(/[\u0000-\u001f\u007f"\\/]/g, '_').trim();
  return cleaned === '' ? fallback : cleaned.slice(0, 200);
}

/** Why a file cannot be uploaded as it is, or undefined when it can. */
export function uploadProblem(file: FileUpload): string | undefined {
  if (file.bytes.byteLength === 0) return 'the file is empty';
  const max = MAX_UPLOAD_BYTES[file.kind];
  if (file.bytes.byteLength > max) return `a ${file.kind} may be at most ${max / (1024 * 1024)} MB; this one is ${(file.bytes.byteLength / (1024 * 1024)).toFixed(1)} MB`;
  return undefined;
}
