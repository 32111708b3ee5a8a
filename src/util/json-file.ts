/** JSON files the user names (a protocol's mapping.json and vendor.json, a TestScript): read or a usage error naming the file. */
import { existsSync } from 'node:fs';
import { UsageError } from './errors.js';
import { readTextSafe, type SafeReadOptions } from './fs-safe.js';

/** The value of a JSON file's text; text that is not JSON is a UsageError `<file>: not valid JSON (<reason>)`. */
export function parseJsonFile(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new UsageError(`${file}: not valid JSON (${(e as Error).message})`);
  }
}

/**
 * Read a JSON file the user named: a missing one is a UsageError `<file>: no such <what>`; it is read
 * safely (src/util/fs-safe.ts: a regular file, at most `maxBytes`, inside `root` when given; anything
 * else a SafeFileError naming it), and text that is not JSON is a UsageError.
 */
export function readJsonFile(file: string, what: string, options: SafeReadOptions = {}): unknown {
  if (!existsSync(file)) throw new UsageError(`${file}: no such ${what}`);
  return parseJsonFile(file, readTextSafe(file, options));
}
