/**
 * Moving through JSON text without building values: skip a string or a whole value, read the
 * top-level string properties of an object. For text already known (or assumed) to be JSON;
 * malformed text gives undefined or a best-effort end, never an exception.
 */

const WS = new Uint8Array(128);
WS[0x20] = 1;
WS[0x09] = 1;
WS[0x0a] = 1;
WS[0x0d] = 1;

export function isJsonSpace(c: number): boolean {
  return c < 128 && WS[c] === 1;
}

/** The first index at or after `j` that is not JSON whitespace. */
export function skipSpace(text: string, j: number): number {
  let k = j;
  while (k < text.length && isJsonSpace(text.charCodeAt(k))) k++;
  return k;
}

/** After the string literal starting at `j` (a `"`): the index just past its closing quote. */
export function skipString(text: string, j: number): number {
  let k = j + 1;
  for (;;) {
    const q = text.indexOf('"', k);
    if (q < 0) return text.length;
    let backslashes = 0;
    for (let b = q - 1; text.charCodeAt(b) === 0x5c; b--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    k = q + 1;
  }
}

/** After the JSON value starting at `j`. */
export function skipValue(text: string, j: number): number {
  const c = text.charCodeAt(j);
  if (c === 0x22) return skipString(text, j);
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    let k = j;
    while (k < text.length) {
      const d = text.charCodeAt(k);
      if (d === 0x22) {
        k = skipString(text, k);
        continue;
      }
      if (d === 0x7b || d === 0x5b) depth++;
      else if (d === 0x7d || d === 0x5d) {
        depth--;
        if (depth === 0) return k + 1;
      }
      k++;
    }
    return text.length;
  }
  let k = j;
  while (k < text.length) {
    const d = text.charCodeAt(k);
    if (d === 0x2c || d === 0x7d || d === 0x5d || isJsonSpace(d)) break;
    k++;
  }
  return k;
}

/** The string value of the literal `text[start..end)` (quotes included). */
function stringAt(text: string, start: number, end: number): string | undefined {
  const inner = text.slice(start + 1, end - 1);
  if (!inner.includes('\\')) return inner;
  try {
    const v = JSON.parse(text.slice(start, end)) as unknown;
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The string values of `keys` among the top-level properties of the JSON object in `text`,
 * stopping as soon as all are found (absent keys are absent from the result). Undefined when the
 * text does not start with an object or breaks off.
 */
export function topLevelStrings(text: string, keys: readonly string[]): Map<string, string> | undefined {
  const out = new Map<string, string>();
  let j = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (text.charCodeAt(j) !== 0x7b) return undefined;
  j++;
  for (;;) {
    j = skipSpace(text, j);
    const c = text.charCodeAt(j);
    if (c === 0x7d) return out;
    if (c === 0x2c) {
      j++;
      continue;
    }
    if (c !== 0x22) return undefined;
    const keyEnd = skipString(text, j);
    const key = stringAt(text, j, keyEnd);
    j = skipSpace(text, keyEnd);
    if (text.charCodeAt(j) !== 0x3a) return undefined;
    j = skipSpace(text, j + 1);
    const valueEnd = skipValue(text, j);
    if (valueEnd >= text.length) return undefined;
    if (key !== undefined && keys.includes(key) && text.charCodeAt(j) === 0x22) {
      const v = stringAt(text, j, valueEnd);
      if (v !== undefined && !out.has(key)) out.set(key, v);
      if (out.size === keys.length) return out;
    }
    j = valueEnd;
  }
}
