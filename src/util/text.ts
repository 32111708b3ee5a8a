/**
 * Text helpers: text from documents (values, keys, file names) shown to people, shortened without
 * splitting a character and with control characters made visible instead of passed to a terminal;
 * and `capitalize` for FHIR names (a choice element's type suffix: `value` + `Quantity`).
 */

/** `s` with its first character upper-cased (`quantity` → `Quantity`); '' stays ''. */
export function capitalize(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

/**
 * `text` cut to at most `max` UTF-16 units (an ellipsis included), never inside a surrogate pair.
 * Only the kept part is copied: a 200,000-character value costs a slice of `max`.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // do not keep half of a pair
  return text.slice(0, end) + '…';
}

// C0 controls other than tab, DEL and C1 controls (CSI 0x9B is ESC [ on some terminals), the
// line and paragraph separators, the bidirectional overrides and isolates (they reorder what
// follows them on screen), U+FFFE/U+FFFF, and surrogates not in a pair
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A JSON value as text for a message: a string as it is, a number or boolean as JavaScript writes
 * it, anything else (an object, an array, null) as JSON — never `[object Object]`.
 */
export function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v === undefined) return 'undefined';
  // JSON has no text for a function or a symbol
  return JSON.stringify(v) ?? (typeof v === 'symbol' ? v.toString() : typeof v);
}

/** `\u001b` for ESC: the escape that shows a character instead of acting on it. */
export function visibleEscape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * One line of terminal output: every control character (ESC, CR, LF, …), bidirectional control,
 * U+FFFE/U+FFFF and lone surrogate shown as `\uXXXX`; tabs kept. Apply it to each line a report
 * makes, then join the lines: the report's own line breaks stay, a document's cannot forge lines.
 */
export function terminalSafe(line: string): string {
  return line.replace(UNSAFE, visibleEscape);
}
