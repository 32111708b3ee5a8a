/**
 * FHIR's `htmlChecks()` (txt-1, txt-2): the narrative is XHTML in the allowed subset (the basic
 * formatting elements of HTML 4, no scripts, forms, objects, event handlers or javascript: URLs),
 * wrapped in an XHTML `div`, with some non-whitespace content.
 */
const ALLOWED = new Set([
  'a', 'abbr', 'acronym', 'b', 'big', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'dfn',
  'div', 'dl', 'dt', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'li', 'ol', 'p', 'pre', 'q', 'samp',
  'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'ul', 'var',
]);

const SPACE = /\s/;

export interface HtmlCheck {
  ok: boolean;
  reason?: string;
}

/** The attributes of a start tag, `text[from..to)`: each name and its value (unquoted, trimmed, lower case). */
function checkAttributes(text: string, from: number, to: number): string | undefined {
  let i = from;
  while (i < to) {
    while (i < to && (SPACE.test(text[i]!) || text[i] === '/')) i++;
    if (i >= to) break;
    const nameStart = i;
    while (i < to && !SPACE.test(text[i]!) && text[i] !== '=' && text[i] !== '>' && text[i] !== '/') i++;
    const attr = text.slice(nameStart, i).toLowerCase();
    while (i < to && SPACE.test(text[i]!)) i++;
    let value = '';
    if (text[i] === '=') {
      i++;
      while (i < to && SPACE.test(text[i]!)) i++;
      const q = text[i];
      if (q === '"' || q === "'") {
        const end = text.indexOf(q, i + 1);
        const stop = end === -1 || end > to ? to : end;
        value = text.slice(i + 1, stop);
        i = stop + 1;
      } else {
        const valueStart = i;
        while (i < to && !SPACE.test(text[i]!)) i++;
        value = text.slice(valueStart, i);
      }
    }
    if (attr.startsWith('on')) return `event attribute ${attr} is not allowed`;
    if ((attr === 'href' || attr === 'src') && value.trim().toLowerCase().startsWith('javascript:')) return 'javascript: URLs are not allowed';
  }
  return undefined;
}

/** The end of the element name starting at `from` (`[A-Za-z][\w:.-]*`); `from` when there is none. */
function tagName(text: string, from: number): number {
  if (!/[A-Za-z]/.test(text[from] ?? '')) return from;
  let i = from + 1;
  while (i < text.length && /[\w:.-]/.test(text[i]!)) i++;
  return i;
}

/** The end of the tag that starts at `from` (the index of its `>`), quoted values skipped. */
function tagEnd(text: string, from: number): number {
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

/** Non-whitespace text between tags (`&nbsp;` and `&#160;` count as space). */
function hasContent(chunk: string): boolean {
  return chunk.replace(/&nbsp;|&#160;/g, ' ').trim() !== '';
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
      content ||= hasContent(text.slice(i));
      break;
    }
    if (!content && lt > i) content = hasContent(text.slice(i, lt));
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      i = end === -1 ? text.length : end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt) || text.startsWith('<?', lt) || /^<!DOCTYPE/i.test(text.slice(lt, lt + 9))) {
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
    const name = text.slice(nameStart, nameEnd).toLowerCase().replace(/^.*:/, '');
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
