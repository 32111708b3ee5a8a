import { InputError } from '../source.js';
import type { XmlText } from './positions.js';
import { referenceText } from '../../../util/xml-safe.js';

/**
 * Decoding XML text: the encoding (UTF-8 only), references (the five predefined entities and
 * numeric character references, nothing else: there is no DTD, so no entity can expand into more
 * text or read a file), attribute-value normalisation.
 */

const REFERENCE = /&([^;&\s<]*)(;?)/g;

/** Refuse text that is not UTF-8 (UTF-16 byte order marks or NUL bytes, a non-UTF-8 declaration with undecodable bytes). */
export function checkEncoding(file: string, text: string): void {
  const head = text.slice(0, 4);
  if (head.startsWith('\uFFFD\uFFFD') || head.startsWith('ÿþ') || head.startsWith('þÿ')) {
    throw new InputError(file, 'the file looks like UTF-16 (it starts with a UTF-16 byte order mark); FHIR XML must be UTF-8');
  }
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/^(?:\uFEFF)?(?:<\u0000|\u0000<)/.test(text)) {
    throw new InputError(file, 'the file looks like UTF-16 (NUL bytes between characters); FHIR XML must be UTF-8');
  }
  const decl = /^\uFEFF?<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/.exec(text);
  if (decl && !/^utf-?8$/i.test(decl[1]!) && text.includes('\uFFFD')) {
    throw new InputError(file, `the file declares encoding '${decl[1]}' and is not valid UTF-8; FHIR XML must be UTF-8`);
  }
}

/** Character data or an attribute value (`attr`) with its references decoded; errors point at `at`. */
export function decode(src: XmlText, raw: string, at: number, attr: boolean): string {
  if (attr) {
    if (raw.includes('<')) src.fail(`not well-formed XML: '<' in an attribute value (write &lt;)`, at);
    // attribute-value normalisation (XML 1.0 §3.3.3); line ends are already \n
    if (/[\t\n\r]/.test(raw)) raw = raw.replace(/[\t\n\r]/g, ' ');
  }
  if (!raw.includes('&')) return raw;
  return raw.replace(REFERENCE, (_m, name: string, semi: string) => {
    if (!semi) return src.fail(`not well-formed XML: '&' that does not start an entity or character reference (write &amp;)`, at);
    return entity(src, name, at);
  });
}

/** Check every reference in `raw` (text kept as written, e.g. the narrative) is one that is allowed. */
export function checkReferences(src: XmlText, raw: string, at: number, where: string): void {
  if (!raw.includes('&')) return;
  const re = new RegExp(REFERENCE.source, 'g');
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    if (!m[2]) src.fail(`not well-formed XML: '&' ${where}that does not start an entity or character reference (write &amp;)`, at);
    entity(src, m[1]!, at);
  }
}

/** The text of the reference `&name;`: a predefined entity or a character reference, else the read fails. */
function entity(src: XmlText, name: string, at: number): string {
  const text = referenceText(name);
  if (typeof text === 'string') return text;
  switch (text.refused) {
    case 'bad-number':
      return src.fail(`not well-formed XML: bad character reference &${name};`, at);
    case 'not-a-character':
      return src.fail(`not well-formed XML: character reference &${name}; is not an allowed XML character`, at);
    case 'undefined':
      return src.fail(
        `undefined entity &${name}; (FHIR XML has no DTD: only &lt; &gt; &amp; &quot; &apos; and numeric character references are allowed)`,
        at,
      );
  }
}
