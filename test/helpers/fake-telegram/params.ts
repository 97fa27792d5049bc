import { ApiError } from './api-error.ts';
import type { UploadedFile } from './types.ts';

/**
 * A request's parameters with Telegram's coercions: query strings and form bodies carry only
 * strings, so numbers, booleans and JSON objects (reply_markup, allowed_updates…) may arrive
 * as text and are decoded on access.
 */
export class Params {
  constructor(
    readonly raw: Readonly<Record<string, unknown>>,
    /** The files of a multipart request, by field name (kept out of `raw`: a log of calls shows no bytes). */
    readonly files: ReadonlyMap<string, UploadedFile> = new Map(),
  ) {}

  /** The file uploaded as `name` in a multipart request, if any. */
  file(name: string): UploadedFile | undefined {
    return this.files.get(name);
  }

  has(name: string): boolean {
    return this.raw[name] !== undefined && this.raw[name] !== null;
  }

  optionalInt(name: string): number | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null || value === '') return undefined;
    const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
    if (!Number.isInteger(n)) throw ApiError.badRequest(`invalid ${name} specified`);
    return n;
  }

  int(name: string, missing: string): number {
    const n = this.optionalInt(name);
    if (n === undefined) throw ApiError.badRequest(missing);
    return n;
  }

  optionalString(name: string): string | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw ApiError.badRequest(`field "${name}" must be of type String`);
  }

  bool(name: string): boolean {
    const value = this.raw[name];
    return value === true || value === 'true' || value === '1' || value === 1;
  }

  /** A JSON-typed parameter: an object/array in a JSON body, or JSON text in a form. */
  json(name: string): unknown {
    const value = this.raw[name];
    if (typeof value !== 'string') return value ?? undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw ApiError.badRequest(`can't parse ${name} JSON object`);
    }
  }

  /** chat_id: an integer (or its text). "@channelusername" is never a chat this fake knows. */
  chatId(name = 'chat_id'): number {
    const value = this.raw[name];
    if (value === undefined || value === null || value === '') throw ApiError.badRequest('chat_id is empty');
    if (typeof value === 'string' && value.startsWith('@')) throw ApiError.badRequest('chat not found');
    const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
    if (!Number.isSafeInteger(n)) throw ApiError.badRequest('chat not found');
    return n;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
