import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './api-error.ts';
import { isRecord } from './params.ts';
import type { ApiResponse } from './types.ts';

const MAX_BODY_BYTES = 1 << 20;

/**
 * Request parameters from the query string and the body, as Telegram accepts them: JSON or
 * application/x-www-form-urlencoded. multipart/form-data (file uploads) is not simulated.
 */
export async function readParams(req: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const body = await readBody(req);
  if (body.length === 0) return params;
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8')) as unknown;
    } catch {
      throw ApiError.badRequest("can't parse JSON");
    }
    if (!isRecord(parsed)) throw ApiError.badRequest('JSON body must be an object');
    return { ...params, ...parsed };
  }
  if (type === 'application/x-www-form-urlencoded' || type === '') {
    return { ...params, ...Object.fromEntries(new URLSearchParams(body.toString('utf8'))) };
  }
  if (type === 'multipart/form-data') {
    throw ApiError.badRequest('multipart/form-data is not supported by the fake Telegram server');
  }
  throw ApiError.badRequest(`unsupported content type ${type}`);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, 'Request Entity Too Large');
    chunks.push(buffer);
  }
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
