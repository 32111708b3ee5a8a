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

/** How long a value quoted in a message may be (quotes and ellipsis included, roughly). */
export const QUOTE_MAX = 60;

/**
 * A value from a document as a message quotes it: a string in single quotes, a number or boolean as
 * written, anything else (an object, an array, null) as compact JSON; at most `max` characters of it
 * kept (cut between characters, an ellipsis marking the cut), and every control character, line
 * break, bidirectional control and lone surrogate shown as `\uXXXX` (tab too), so that a quoted value
 * can neither forge lines nor reorder a report. The one helper every rule uses to quote a value.
 */
export function quoteValue(v: unknown, max = QUOTE_MAX): string {
  const text = typeof v === 'string' ? v : typeof v === 'object' && v !== null ? boundedJson(v, max + 1) : valueText(v);
  const pieces: string[] = [];
  let length = 0;
  let i = 0;
  // each character gives at least one character of output: no need to look further than `max + 1`
  while (i < text.length && length <= max) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    i += ch.length;
    const shown = ch === '\t' ? '\\t' : UNSAFE_CHAR.test(ch) ? visibleEscape(ch) : ch;
    pieces.push(shown);
    length += shown.length;
  }
  let out = pieces.join('');
  if (i < text.length || length > max) {
    // whole pieces only (never half an escape or half a pair), and room for the ellipsis
    out = '';
    for (const p of pieces) {
      if (out.length + p.length > max - 1) break;
      out += p;
    }
    out += '…';
  }
  return typeof v === 'string' ? `'${out}'` : out;
}

// one character (a lone surrogate is a one-unit string) that quoteValue shows as an escape
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHAR = /^[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF\uD800-\uDFFF]$/;

/**
 * Compact JSON of an object or array, stopping once `limit` characters are written (a huge value
 * costs no more than its first characters); the text is cut there (the caller marks the cut).
 */
function boundedJson(v: object, limit: number): string {
  const out: string[] = [];
  let length = 0;
  const put = (s: string): boolean => {
    out.push(s);
    length += s.length;
    return length <= limit;
  };
  const walk = (x: unknown): boolean => {
    if (Array.isArray(x)) {
      if (!put('[')) return false;
      for (let i = 0; i < x.length; i++) if ((i > 0 && !put(',')) || !walk(x[i])) return false;
      return put(']');
    }
    if (typeof x === 'object' && x !== null) {
      if (!put('{')) return false;
      let first = true;
      for (const [k, val] of Object.entries(x)) {
        if (val === undefined) continue;
        if ((!first && !put(',')) || !put(`${JSON.stringify(k.length > limit ? k.slice(0, limit) : k)}:`) || !walk(val)) return false;
        first = false;
      }
      return put('}');
    }
    if (typeof x === 'string') return put(JSON.stringify(x.length > limit ? x.slice(0, limit) : x));
    return put(x === undefined ? 'null' : valueText(x));
  };
  walk(v);
  return out.join('');
}
