import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { safeXmlParserOptions } from '../../../util/xml-safe.js';
import { computeLineStarts } from '../source.js';
import type { XmlText } from './positions.js';

/**
 * The XML syntax, before any FHIR rule: the checks on the raw text (characters, DOCTYPE refused),
 * well-formedness (fast-xml-parser's validator), and the parse into fast-xml-parser's ordered tree
 * with the start and end offset of every element (`captureMetaData`).
 *
 * Security: a DOCTYPE (and so any entity declaration) is rejected before parsing, and entity
 * processing in the parser is switched off (references are decoded by decode.ts).
 */

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** A node of fast-xml-parser's ordered output: `{ tag: children, ':@': attributes }` or a text node. */
export type FxNode = { [key: string]: unknown; [key: symbol]: unknown };
interface FxMeta {
  startIndex?: number;
  endIndex?: number;
}

/** Attribute values longer than this are emptied for the well-formedness check (see skeletonOf). */
const LONG_VALUE = 256;

export const WS_ONLY = /^[ \t\r\n]*$/;
// characters XML 1.0 does not allow anywhere (C0 controls other than tab/LF/CR, U+FFFE/FFFF)
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** The tag name of a node (`#text` and `#cdata` for character data). */
export function tagOf(node: FxNode): string {
  for (const k in node) if (k !== ':@') return k;
  return '';
}

/** The attributes of an element node, as `@name` → raw value. */
export function attrsOf(node: FxNode): Record<string, string> | undefined {
  return node[':@'] as Record<string, string> | undefined;
}

/** Where the element starts in the text. */
export function startOf(node: FxNode): number {
  return (node[META] as FxMeta | undefined)?.startIndex ?? 0;
}

/** Where the element ends in the text (the end of the text when unknown). */
export function endOf(node: FxNode, text: string): number {
  return (node[META] as FxMeta | undefined)?.endIndex ?? text.length;
}

/** Refuse text that is not XML at all, or that declares a DOCTYPE or entities (never expanded). */
export function checkText(src: XmlText): void {
  const { text } = src;
  if (WS_ONLY.test(text)) src.fail('the file is empty (only whitespace)');
  const bad = BAD_CHAR.exec(text);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    src.fail(`not XML text: character U+${code} is not allowed in XML (binary data, or not UTF-8?)`, bad.index);
  }
  const first = /[^ \t\r\n]/.exec(text)!;
  if (text[first.index] !== '<')
    src.fail(`not XML: the file starts with '${text.slice(first.index, first.index + 10)}' instead of '<'`, first.index);
  const doctype = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (doctype) {
    src.fail(
      `${doctype[1]!.toUpperCase()} declarations are not allowed in FHIR XML (entities could expand without bound or read external files); nothing was expanded`,
      doctype.index,
    );
  }
}

/**
 * Well-formedness, checked on a skeleton of the text whose long attribute values are emptied:
 * fast-xml-parser's validator builds each tag's attribute text one character at a time (a rope
 * of ~32 bytes per character: one 20 MB attribute cost 700 MB); it never looks inside a value.
 * Errors are reported at the offset in the text itself.
 */
export function checkWellFormed(src: XmlText): void {
  const { text } = src;
  const skeleton = skeletonOf(text, LONG_VALUE);
  const check = XMLValidator.validate(skeleton ? skeleton.text : text, { allowBooleanAttributes: false });
  if (check === true) return;
  const { line, col } = check.err;
  let msg = check.err.msg;
  const unclosed = /^Invalid '\[(.*)\]' found\.$/.exec(msg) ?? /^Unclosed tag '(.*)'\.$/.exec(msg);
  if (unclosed) {
    const names = unclosed[1]!
      .replace(/"/g, '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const which = names.length > 1 ? `elements ${names.join(', ')} are` : `element ${names[0] ?? ''} is`;
    src.fail(`not well-formed XML: unexpected end of file, ${which} not closed (truncated file?)`, text.length);
  }
  /** An offset in the text from a line and column the validator gave. */
  let offsetOf = (l: number, c: number): number => {
    const lineStarts = src.lines();
    return Math.min((lineStarts[Math.max(0, Math.min(l, lineStarts.length) - 1)] ?? 0) + Math.max(0, c - 1), text.length);
  };
  if (skeleton) {
    const starts = computeLineStarts(skeleton.text);
    offsetOf = (l, c) => skeleton.original((starts[Math.max(0, Math.min(l, starts.length) - 1)] ?? 0) + Math.max(0, c - 1));
    msg = msg.replace(/\(opened in line (\d+), col (\d+)\)/, (_m, l: string, c: string) => {
      const p = src.position(offsetOf(Number(l), Number(c)));
      return `(opened in line ${p.line}, col ${p.column})`;
    });
  }
  const at = offsetOf(line, col ?? 1);
  // an open tag or quote with nothing after it that could close it: the file was cut short
  const truncated = text.indexOf('>', at) < 0 ? 'unexpected end of file (truncated file?): ' : '';
  src.fail(`not well-formed XML: ${truncated}${msg.replace(/\.$/, '')}`, at);
}

/** fast-xml-parser's ordered tree of the (well-formed) text; deeper than `maxDepth` fails. */
export function parseTree(src: XmlText, maxDepth: number): FxNode[] {
  try {
    return parserFor(Math.max(maxDepth, 16) + 1).parse(src.text) as FxNode[];
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof RangeError || /nested/i.test(message)) src.fail(`nested too deeply (more than ${maxDepth} levels)`);
    const reserved = /^\[SECURITY\] Invalid name: "([^"]*)"/.exec(message);
    if (reserved) src.fail(`the name '${reserved[1]}' is not supported as an element or attribute name`);
    return src.fail(`not well-formed XML: ${message}`);
  }
}

/**
 * The root element of the tree; after it only comments, processing instructions and whitespace
 * may follow (the validator misses this after a self-closing root).
 */
export function rootOf(src: XmlText, tree: FxNode[]): FxNode {
  const { text } = src;
  const root = tree.find((n) => {
    const t = tagOf(n);
    return t !== '#text' && t !== '#cdata';
  });
  if (!root) return src.fail('not XML: no root element');
  const after = endOf(root, text);
  const rest = /^(?:[ \t\r\n]+|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)*/.exec(text.slice(after))![0].length;
  if (after + rest < text.length) {
    const what = text[after + rest] === '<' ? 'a second root element' : 'text';
    src.fail(`not well-formed XML: ${what} after the end of the root element <${tagOf(root)}>`, after + rest);
  }
  return root;
}

/** A parser for one document (making one takes microseconds; nothing is kept between documents). */
function parserFor(maxNested: number): XMLParser {
  // no entity processing at all in the parser (and no DOCTYPE gets this far): references are decoded by decode.ts
  return new XMLParser({
    ...safeXmlParserOptions(maxNested),
    captureMetaData: true,
    // the narrative is taken as text: no need to build it
    stopNodes: ['..div'],
  });
}

/** The text for the well-formedness check, and the way back from its offsets to the text's. */
interface Skeleton {
  text: string;
  original(offset: number): number;
}

/**
 * `text` with the content of every attribute value longer than `min` characters removed (the quotes
 * kept), for fast-xml-parser's validator; undefined when there is no such value. The tags are
 * found as that validator finds them (a quote opens a value anywhere after the tag name, the same
 * quote closes it; comments, CDATA sections and processing instructions skipped), and a value
 * holding '<' (an error the reader reports itself) is left as it is, so the check sees the same
 * structure and reports the same errors, at offsets mapped back with `original`.
 */
function skeletonOf(text: string, min: number): Skeleton | undefined {
  const n = text.length;
  const parts: string[] = [];
  /** skeleton offsets where content was removed, and how much was removed up to each */
  const cuts: number[] = [];
  const removedUpTo: number[] = [];
  let removed = 0;
  let copied = 0;
  const special = /[>"']/g;
  let k = 0;
  scan: for (;;) {
    const lt = text.indexOf('<', k);
    if (lt < 0) break;
    const c = text.charCodeAt(lt + 1);
    if (c === 0x3f /* ? */) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) break;
      k = end + 2;
      continue;
    }
    if (c === 0x21 /* ! */) {
      const close = text.startsWith('--', lt + 2) ? '-->' : text.startsWith('[CDATA[', lt + 2) ? ']]>' : undefined;
      if (close === undefined) {
        k = lt + 2;
        continue;
      }
      const end = text.indexOf(close, lt + 4);
      if (end < 0) break;
      k = end + close.length;
      continue;
    }
    // the tag name: up to '>' or white space
    let j = lt + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 0x3e || d === 0x20 || d === 0x09 || d === 0x0a || d === 0x0d) break;
      j++;
    }
    for (;;) {
      special.lastIndex = j;
      const m = special.exec(text);
      if (!m) break scan;
      const q = m.index;
      if (m[0] === '>') {
        k = q + 1;
        continue scan;
      }
      const end = text.indexOf(m[0], q + 1);
      if (end < 0) break scan;
      if (end - q - 1 > min && !text.slice(q + 1, end).includes('<')) {
        parts.push(text.slice(copied, q + 1));
        removed += end - q - 1;
        copied = end;
        cuts.push(end - removed);
        removedUpTo.push(removed);
      }
      j = end + 1;
    }
  }
  if (cuts.length === 0) return undefined;
  parts.push(text.slice(copied));
  return {
    text: parts.join(''),
    original(offset: number): number {
      // the last cut at or before the offset
      let lo = 0;
      let hi = cuts.length - 1;
      if (offset < cuts[0]!) return offset;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (cuts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return offset + removedUpTo[lo]!;
    },
  };
}
