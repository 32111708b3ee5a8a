/**
 * The service's optional bearer token (`medcom-ig serve --token-file`, docs/serve.md "Exposing the service"):
 * read once at start through the one safe file reader, then every request but the probes is checked against it
 * in constant time. The token is never logged nor put in an answer.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { UsageError } from '../api/errors.js';
import { readFileSafe } from '../api/io.js';

/** A token file is small: one line. */
const MAX_TOKEN_FILE_BYTES = 4096;
/** Shorter tokens are guessable; a random one (`openssl rand -hex 32`) is 64 characters. */
export const MIN_TOKEN_LENGTH = 16;

/**
 * The token in `file`: one line of visible ASCII without spaces (as an `Authorization: Bearer` value can
 * carry it), at least MIN_TOKEN_LENGTH characters; the whitespace around it (a final newline) is dropped.
 * A file that cannot be read safely is a `SafeFileError`, an empty or malformed one a `UsageError` — neither
 * message holds the file's content.
 */
export function readTokenFile(file: string): string {
  const token = readFileSafe(file, { maxBytes: MAX_TOKEN_FILE_BYTES }).toString('utf8').trim();
  if (token === '') throw new UsageError(`--token-file ${file}: the file is empty (expected one line: the bearer token)`);
  if (!/^[\x21-\x7e]+$/.test(token))
    throw new UsageError(`--token-file ${file}: expected one line of visible ASCII characters without spaces (the bearer token)`);
  if (token.length < MIN_TOKEN_LENGTH)
    throw new UsageError(
      `--token-file ${file}: the token has ${token.length} characters, fewer than ${MIN_TOKEN_LENGTH} (make one with: openssl rand -hex 32)`,
    );
  return token;
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/**
 * A check of a request's Authorization header against `token`: `Bearer <token>` (the scheme in any case).
 * Both sides are hashed first, so the compare (crypto.timingSafeEqual) is on equal-length buffers and takes
 * the same time whatever the length or the content of what was sent.
 */
export function bearerCheck(token: string): (authorization: string | undefined) => boolean {
  const expected = digest(token);
  return (authorization) => {
    const m = /^Bearer +(\S+) *$/i.exec(authorization ?? '');
    return timingSafeEqual(digest(m?.[1] ?? ''), expected) && m !== null;
  };
}
