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

const TAG = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g;
const ATTR = /([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;

export interface HtmlCheck {
  ok: boolean;
  reason?: string;
}

export function htmlChecks(xhtml: string): HtmlCheck {
  const text = xhtml.trim();
  if (!/^<div[\s>]/.test(text)) return { ok: false, reason: 'the narrative must be a <div>' };
  if (!/^<div[^>]*\sxmlns\s*=\s*["']http:\/\/www\.w3\.org\/1999\/xhtml["']/.test(text)) {
    return { ok: false, reason: 'the <div> must declare the XHTML namespace' };
  }
  for (const m of text.matchAll(TAG)) {
    const name = m[2]!.toLowerCase().replace(/^.*:/, '');
    if (!ALLOWED.has(name)) return { ok: false, reason: `element <${name}> is not allowed in a narrative` };
    for (const a of (m[3] ?? '').matchAll(ATTR)) {
      const attr = a[1]!.toLowerCase();
      const value = (a[2] ?? '').replace(/^["']|["']$/g, '').trim().toLowerCase();
      if (attr.startsWith('on')) return { ok: false, reason: `event attribute ${attr} is not allowed` };
      if ((attr === 'href' || attr === 'src') && value.startsWith('javascript:')) return { ok: false, reason: 'javascript: URLs are not allowed' };
    }
  }
  if (/<!\[CDATA\[|<\?|<!DOCTYPE/i.test(text)) return { ok: false, reason: 'CDATA, processing instructions and DOCTYPE are not allowed' };
  const content = text.replace(/<[^>]*>/g, '').replace(/&nbsp;|&#160;/g, ' ').trim();
  const hasImage = /<img[\s>]/i.test(text);
  if (content === '' && !hasImage) return { ok: false, reason: 'the narrative has no content' };
  return { ok: true };
}
