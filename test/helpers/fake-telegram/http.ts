import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './api-error.ts';
import { isRecord } from './params.ts';
import type { ApiResponse, UploadedFile } from './types.ts';
import { MAX_DOCUMENT_BYTES } from './files.ts';

const MAX_BODY_BYTES = 1 << 20;
/** A multipart body may carry a 50 MB document plus its other fields. */
const MAX_MULTIPART_BYTES = MAX_DOCUMENT_BYTES + (1 << 20);

export interface RequestParams {
  readonly params: Record<string, unknown>;
  /** Files of a multipart body, by form field name. */
  readonly files: ReadonlyMap<string, UploadedFile>;
}

const noFiles: ReadonlyMap<string, UploadedFile> = new Map();

/**
 * Request parameters from the query string and the body, as Telegram accepts them: JSON,
 * application/x-www-form-urlencoded, or multipart/form-data (file uploads; its files apart).
 */
export async function readParams(req: IncomingMessage, url: URL): Promise<RequestParams> {
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const contentType = req.headers['content-type'] ?? '';
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const body = await readBody(req, type === 'multipart/form-data' ? MAX_MULTIPART_BYTES : MAX_BODY_BYTES);
  if (body.length === 0) return { params, files: noFiles };
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8')) as unknown;
    } catch {
      throw ApiError.badRequest("can't parse JSON");
    }
    if (!isRecord(parsed)) throw ApiError.badRequest('JSON body must be an object');
    return { params: { ...params, ...parsed }, files: noFiles };
  }
  if (type === 'application/x-www-form-urlencoded' || type === '') {
    return { params: { ...params, ...Object.fromEntries(new URLSearchParams(body.toString('utf8'))) }, files: noFiles };
  }
  if (type === 'multipart/form-data') return readMultipart(body, contentType, params);
  throw ApiError.badRequest(`unsupported content type ${type}`);
}

/** Parsed by the platform's own multipart reader (undici's, behind Response.formData). */
async function readMultipart(body: Buffer, contentType: string, query: Record<string, unknown>): Promise<RequestParams> {
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw ApiError.badRequest("can't parse multipart/form-data body");
  }
  const params: Record<string, unknown> = { ...query };
  const files = new Map<string, UploadedFile>();
  for (const [fieldName, value] of form) {
    if (typeof value === 'string') {
      params[fieldName] = value;
      continue;
    }
    files.set(fieldName, { fieldName, fileName: value.name, mimeType: value.type, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  return { params, files };
}

/**
 * The whole body, or 413 past `limit`. The rest of an oversized body is still read (and dropped)
 * before the answer, as a proxy in front of Telegram does: a client cut off mid-upload would see
 * a broken connection instead of the 413.
 */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size <= limit) chunks.push(buffer);
  }
  if (size > limit) throw new ApiError(413, 'Request Entity Too Large');
  return Buffer.concat(chunks);
}

export function writeResult(res: ServerResponse, result: unknown): void {
  write(res, 200, { ok: true, result } satisfies ApiResponse<unknown>);
}

/** Telegram answers errors with the HTTP status equal to error_code. */
export function writeError(res: ServerResponse, error: ApiError): void {
  write(res, error.code, {
    ok: false,
    error_code: error.code,
    description: error.description,
    ...(error.parameters ? { parameters: error.parameters } : {}),
  } satisfies ApiResponse<never>);
}

function write(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}
