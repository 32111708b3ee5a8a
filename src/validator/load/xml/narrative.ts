import { checkReferences } from './decode.js';
import { XHTML_NS } from './namespaces.js';
import type { XmlText } from './positions.js';

/**
 * The XHTML narrative (`<div xmlns="http://www.w3.org/1999/xhtml">`): FHIR JSON keeps it as its XML
 * text, so it is taken from the source as written (`start` to `end`), line ends normalised, its
 * references checked, and the XHTML namespace declared on the div itself as FHIR JSON writes it.
 */
export function narrativeText(src: XmlText, start: number, end: number, qname: string, uri: string, prefixed: boolean): string {
  let raw = src.text.slice(start, end);
  if (raw.includes('\r')) raw = raw.replace(/\r\n?/g, '\n');
  // references must be defined even though the text is kept as it is
  checkReferences(src, raw, start, 'in the narrative ');
  if (uri !== XHTML_NS) return raw; // wrong namespace: kept as written, the validator reports it
  const startTag = /^<[^\s/>]+/.exec(raw)![0];
  if (prefixed) {
    // written with a prefix (<h:div xmlns:h="…">): give it the default-namespace form FHIR JSON uses
    const prefix = qname.slice(0, qname.indexOf(':'));
    raw = raw.replace(new RegExp(`<(/?)${escapeRe(prefix)}:`, 'g'), '<$1');
    raw = raw.replace(new RegExp(`\\sxmlns:${escapeRe(prefix)}\\s*=\\s*("[^"]*"|'[^']*')`), '');
    if (!/^<div[^>]*\sxmlns\s*=/.test(raw)) raw = `<div xmlns="${XHTML_NS}"${raw.slice(4)}`;
    return raw;
  }
  // the namespace is inherited from an ancestor: declare it on the div, as FHIR JSON does
  const tagEnd = tagEndOf(raw);
  if (!/\sxmlns\s*=/.test(raw.slice(0, tagEnd))) raw = `${startTag} xmlns="${XHTML_NS}"${raw.slice(startTag.length)}`;
  return raw;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** End of the start tag beginning at 0 in `s` (index of its '>'), skipping quoted values. */
function tagEndOf(s: string): number {
  let quote = '';
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return k;
  }
  return s.length;
}
