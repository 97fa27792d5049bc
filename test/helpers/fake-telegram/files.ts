import { ApiError } from './api-error.ts';
import type { Document, PhotoSize, StoredFile, UploadedFile } from './types.ts';

/** Telegram's limits for uploads through the Bot API. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
/** A photo's width + height may not exceed this, nor may one side be over 20 times the other. */
const MAX_PHOTO_SIDES = 10_000;
const MAX_PHOTO_RATIO = 20;

/** The thumbnails Telegram makes of a photo (largest side), smallest first, then the photo itself. */
const PHOTO_SIDES = [90, 320, 800, 1280];
const MAX_PHOTO_SIDE = 2560;

type FileKind = StoredFile['kind'];

/**
 * The files uploaded to the fake, by every file_id it handed out (a photo has one per size). A
 * later send by one of those ids is checked against the file's kind, as Telegram does; ids the
 * fake never made are taken on trust (tests invent them for files "sent by users").
 */
export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private counter = 0;

  /** Checks an upload as Telegram would and keeps it; returns what the message carries. */
  upload(kind: FileKind, upload: UploadedFile): { file: StoredFile; photo?: PhotoSize[]; document?: Document } {
    if (upload.bytes.byteLength === 0) throw ApiError.badRequest('file must be non-empty');
    if (kind === 'photo') return this.uploadPhoto(upload);
    if (upload.bytes.byteLength > MAX_DOCUMENT_BYTES) throw new ApiError(413, 'Request Entity Too Large');
    const file = this.keep(kind, upload, [this.nextId('BQAC')]);
    return { file, document: documentOf(file) };
  }

  /** The file behind a file_id the fake handed out, if it made it. */
  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  /** What a message sent by `fileId` carries when the fake knows the file (the kind must match). */
  resend(kind: 'photo' | 'video' | 'document', fileId: string): { file: StoredFile; photo?: PhotoSize[]; document?: Document } | undefined {
    const file = this.byId.get(fileId);
    if (!file) return undefined;
    if (file.kind !== kind) throw ApiError.badRequest('type of file mismatch');
    return { file, ...(file.kind === 'photo' ? { photo: photoSizesOf(file) } : { document: documentOf(file) }) };
  }

  private uploadPhoto(upload: UploadedFile): { file: StoredFile; photo: PhotoSize[] } {
    if (upload.bytes.byteLength > MAX_PHOTO_BYTES) throw ApiError.badRequest('file is too big');
    const image = sniffImage(upload.bytes);
    if (!image) throw ApiError.badRequest('IMAGE_PROCESS_FAILED');
    const { width, height } = image;
    if (width + height > MAX_PHOTO_SIDES || Math.max(width, height) > MAX_PHOTO_RATIO * Math.min(width, height)) {
      throw ApiError.badRequest('PHOTO_INVALID_DIMENSIONS');
    }
    const sizes = photoSides(width, height);
    const file = this.keep('photo', upload, sizes.map(() => this.nextId('AgAC')), { width, height });
    return { file, photo: photoSizesOf(file) };
  }

  private keep(kind: FileKind, upload: UploadedFile, fileIds: string[], image?: { width: number; height: number }): StoredFile {
    const file: StoredFile = {
      kind,
      fileIds,
      fileUniqueId: `AQAD${String(this.counter).padStart(6, '0')}`,
      fileName: upload.fileName,
      // Telegram re-encodes photos as JPEG.
      mimeType: kind === 'photo' ? 'image/jpeg' : mimeTypeOf(upload.fileName, upload.mimeType),
      bytes: upload.bytes,
      ...(image ? { width: image.width, height: image.height } : {}),
    };
    for (const id of fileIds) this.byId.set(id, file);
    return file;
  }

  private nextId(prefix: string): string {
    return `${prefix}fake${String(++this.counter).padStart(6, '0')}`;
  }
}

/** The largest file_id of a stored file: a photo's full size, a document's only one. */
export function mainFileId(file: StoredFile): string {
  return file.fileIds[file.fileIds.length - 1] ?? '';
}

function documentOf(file: StoredFile): Document {
  return {
    file_id: mainFileId(file),
    file_unique_id: file.fileUniqueId,
    file_name: file.fileName,
    mime_type: file.mimeType,
    file_size: file.bytes.byteLength,
  };
}

/** Telegram's PhotoSize list: thumbnails smaller than the photo, then the photo (at most 2560 a side). */
function photoSizesOf(file: StoredFile): PhotoSize[] {
  const sides = photoSides(file.width ?? 1280, file.height ?? 720);
  return sides.map((size, i) => ({
    file_id: file.fileIds[i] ?? mainFileId(file),
    file_unique_id: `${file.fileUniqueId}${i}`,
    width: size.width,
    height: size.height,
    // Made up but plausible: the full size is the upload, thumbnails are smaller.
    file_size: Math.max(1, Math.round((file.bytes.byteLength * size.width * size.height) / ((file.width ?? 1) * (file.height ?? 1)))),
  }));
}

function photoSides(width: number, height: number): { width: number; height: number }[] {
  const largest = Math.max(width, height);
  const scaled = (side: number) => ({ width: Math.max(1, Math.round((width * side) / largest)), height: Math.max(1, Math.round((height * side) / largest)) });
  const full = largest > MAX_PHOTO_SIDE ? scaled(MAX_PHOTO_SIDE) : { width, height };
  return [...PHOTO_SIDES.filter((side) => side < Math.min(largest, MAX_PHOTO_SIDE)).map(scaled), full];
}

/**
 * The dimensions of a PNG, JPEG, GIF or WebP, or undefined when the bytes are none of these
 * (Telegram cannot make a photo of them). JPEG and WebP sizes are not read: 1280×720 is assumed.
 */
export function sniffImage(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) {
    if (bytes.byteLength < 24) return undefined;
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (starts(0x47, 0x49, 0x46, 0x38)) {
    if (bytes.byteLength < 10) return undefined;
    return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
  }
  if (starts(0xff, 0xd8, 0xff)) return { width: 1280, height: 720 };
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes.byteLength >= 12 && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return { width: 1280, height: 720 };
  return undefined;
}

const mimeTypes: Readonly<Record<string, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  zip: 'application/zip',
};

/** Telegram guesses a document's type from its name; the type the client claimed otherwise. */
function mimeTypeOf(fileName: string, claimed: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return (extension ? mimeTypes[extension] : undefined) ?? (claimed !== '' && claimed !== 'text/plain' ? claimed : 'application/octet-stream');
}
