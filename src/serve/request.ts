/**
 * What the self-test server and its workers share about a request: the error answer (`HttpError`,
 * with a short machine code beside the message), the uploaded files and safe names for them.
 */
import { basename } from 'node:path';

/** Why a request was not answered with a report (the `code` of the JSON error answer). */
export type ErrorCode =
  | 'bad-request'
  | 'too-large'
  | 'unsupported-type'
  | 'not-found'
  | 'method'
  | 'host'
  | 'unauthorized'
  | 'busy'
  | 'time-limit'
  | 'memory-limit'
  | 'internal';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface Upload {
  name: string;
  content: string;
  encoding?: 'utf8' | 'base64';
}

/** A file name safe to write into a temporary folder: its base name, only harmless characters. */
export function safeName(name: string): string {
  const base = basename(name.replace(/\\/g, '/'))
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\.+/, '_');
  return base.length === 0 ? 'file' : base.slice(0, 120);
}

/** The request body as a JSON object, or a 400. */
export function jsonObject(body: Uint8Array): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
  } catch {
    throw new HttpError(400, 'bad-request', 'the request is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new HttpError(400, 'bad-request', 'expected a JSON object');
  return value as Record<string, unknown>;
}

/** The request's `files`, checked: 1 to `maxFiles` of {name, content, encoding?}. */
export function uploads(body: Record<string, unknown>, maxFiles: number): Upload[] {
  const files = body['files'];
  if (!Array.isArray(files) || files.length === 0) throw new HttpError(400, 'bad-request', 'no files in the request');
  if (files.length > maxFiles) throw new HttpError(413, 'too-large', `${files.length} files, more than the ${maxFiles} allowed at once`);
  return files.map((f: unknown, i) => {
    const u = (typeof f === 'object' && f !== null ? f : {}) as Partial<Upload>;
    if (typeof u.name !== 'string' || typeof u.content !== 'string')
      throw new HttpError(400, 'bad-request', `file #${i + 1}: expected {name, content}`);
    if (u.encoding !== undefined && u.encoding !== 'utf8' && u.encoding !== 'base64')
      throw new HttpError(400, 'bad-request', `file #${i + 1}: encoding must be utf8 or base64`);
    return { name: u.name, content: u.content, ...(u.encoding ? { encoding: u.encoding } : {}) };
  });
}

/** An upload's bytes. */
export function bytes(u: Upload): Buffer {
  return u.encoding === 'base64' ? Buffer.from(u.content, 'base64') : Buffer.from(u.content, 'utf8');
}

/** An upload as text. */
export function text(u: Upload): string {
  return u.encoding === 'base64' ? Buffer.from(u.content, 'base64').toString('utf8') : u.content;
}
