/**
 * FHIR's `htmlChecks()` (txt-1, txt-2): the narrative is XHTML in the allowed subset (the basic
 * formatting elements of HTML 4, no scripts, forms, objects, event handlers or javascript: URLs),
 * wrapped in an XHTML `div`, with some non-whitespace content.
 */
const ALLOWED = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'big',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'li',
  'ol',
  'p',
  'pre',
  'q',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'tt',
  'ul',
  'var',
]);

/** XML whitespace (space, tab, CR, LF): what separates attributes. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** `[\w:.-]` */
function isNameChar(c: number): boolean {
  return isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x3a || c === 0x2e || c === 0x2d;
}

const EQUALS = 0x3d;
const GT = 0x3e;
const SLASH = 0x2f;

export interface HtmlCheck {
  ok: boolean;
  reason?: string;
}

/** Does `text[from..from+word.length)` equal `word` (lower case) ignoring ASCII case? */
function startsWithIgnoreCase(text: string, from: number, word: string): boolean {
  if (from + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) {
    if ((text.charCodeAt(from + k) | 0x20) !== word.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * The attributes of a start tag, `text[from..to)`: no event handler (`on…`), no `javascript:`
 * in href or src. The reason when one is found.
 */
function checkAttributes(text: string, from: number, to: number): string | undefined {
  let i = from;
  while (i < to) {
    while (i < to && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === SLASH)) i++;
    if (i >= to) break;
    const nameStart = i;
    for (let c = text.charCodeAt(i); i < to && !isSpace(c) && c !== EQUALS && c !== GT && c !== SLASH; c = text.charCodeAt(++i));
    const nameEnd = i;
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    let valueStart = i;
    let valueEnd = i;
    if (text.charCodeAt(i) === EQUALS) {
      i++;
      while (i < to && isSpace(text.charCodeAt(i))) i++;
      const q = text[i];
      if (q === '"' || q === "'") {
        const end = text.indexOf(q, i + 1);
        const stop = end === -1 || end > to ? to : end;
        valueStart = i + 1;
        valueEnd = stop;
        i = stop + 1;
      } else {
        valueStart = i;
        while (i < to && !isSpace(text.charCodeAt(i))) i++;
        valueEnd = i;
      }
    }
    const nameLength = nameEnd - nameStart;
    if (nameLength >= 2 && startsWithIgnoreCase(text, nameStart, 'on')) {
      return `event attribute ${text.slice(nameStart, nameEnd).toLowerCase()} is not allowed`;
    }
    if (
      (nameLength === 4 && startsWithIgnoreCase(text, nameStart, 'href')) ||
      (nameLength === 3 && startsWithIgnoreCase(text, nameStart, 'src'))
    ) {
      while (valueStart < valueEnd && /\s/.test(text[valueStart]!)) valueStart++;
      if (startsWithIgnoreCase(text, valueStart, 'javascript:') && valueStart + 11 <= valueEnd) return 'javascript: URLs are not allowed';
    }
  }
  return undefined;
}

/** The end of the element name starting at `from` (`[A-Za-z][\w:.-]*`); `from` when there is none. */
function tagName(text: string, from: number): number {
  if (!isLetter(text.charCodeAt(from))) return from;
  let i = from + 1;
  while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
  return i;
}

/** The end of the tag that starts at `from` (the index of its `>`), quoted values skipped; -1 when there is none. */
export function tagEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '>') return i;
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end === -1) return -1;
      i = end + 1;
    } else i++;
  }
  return -1;
}

/** Is there non-whitespace text in `text[from..to)` (`&nbsp;` and `&#160;` count as space)? */
function hasContent(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 0x26 /* & */) {
      if (text.startsWith('&nbsp;', i) && i + 6 <= to) {
        i += 6;
        continue;
      }
      if (text.startsWith('&#160;', i) && i + 6 <= to) {
        i += 6;
        continue;
      }
      return true;
    }
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || (c > 0x7f && /\s/.test(text[i]!))) {
      i++;
      continue;
    }
    return true;
  }
  return false;
}

export function htmlChecks(xhtml: string): HtmlCheck {
  const text = xhtml.trim();
  if (!/^<div[\s>]/.test(text)) return { ok: false, reason: 'the narrative must be a <div>' };
  if (!/^<div[^>]*\sxmlns\s*=\s*["']http:\/\/www\.w3\.org\/1999\/xhtml["']/.test(text)) {
    return { ok: false, reason: 'the <div> must declare the XHTML namespace' };
  }
  let content = false;
  let image = false;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt === -1) {
      content ||= hasContent(text, i, text.length);
      break;
    }
    if (!content && lt > i) content = hasContent(text, i, lt);
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      i = end === -1 ? text.length : end + 3;
      continue;
    }
    if (
      text.startsWith('<![CDATA[', lt) ||
      text.startsWith('<?', lt) ||
      (startsWithIgnoreCase(text, lt + 2, 'doctype') && text.startsWith('<!', lt))
    ) {
      return { ok: false, reason: 'CDATA, processing instructions and DOCTYPE are not allowed' };
    }
    const closing = text[lt + 1] === '/';
    const nameStart = lt + (closing ? 2 : 1);
    const nameEnd = tagName(text, nameStart);
    const end = tagEnd(text, lt + 1);
    if (nameEnd === nameStart || end === -1) {
      // not a tag: the rest up to the next '>' is markup the XML reader would have refused
      i = end === -1 ? text.length : end + 1;
      continue;
    }
    const colon = text.lastIndexOf(':', nameEnd - 1);
    const name = text.slice(colon >= nameStart ? colon + 1 : nameStart, nameEnd).toLowerCase();
    if (!ALLOWED.has(name)) return { ok: false, reason: `element <${name}> is not allowed in a narrative` };
    if (name === 'img' && !closing) image = true;
    if (!closing) {
      const problem = checkAttributes(text, nameEnd, end);
      if (problem) return { ok: false, reason: problem };
    }
    i = end + 1;
  }
  if (!content && !image) return { ok: false, reason: 'the narrative has no content' };
  return { ok: true };
}
