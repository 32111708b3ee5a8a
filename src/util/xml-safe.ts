/**
 * What every XML reader of ours shares (the FHIR XML reader, src/validator/load/xml/; the GITB SOAP service,
 * src/serve/gitb.ts): fast-xml-parser set up so that it converts nothing and processes no entity — no DTD reaches
 * it (each reader refuses a DOCTYPE first), so no entity can expand into more text or read a file — and the one
 * decoding of references those readers do themselves: the five predefined entities and numeric character
 * references to characters XML 1.0 allows, nothing else.
 */
import type { X2jOptions } from 'fast-xml-parser';

/** Parser options: order kept, attributes as `@name` properties, every value as written, CDATA as `#cdata`, no comments. */
export function safeXmlParserOptions(maxNestedTags: number): X2jOptions {
  return {
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    allowBooleanAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    // no entity processing in the parser: references are decoded by referenceText's callers
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    cdataPropName: '#cdata',
    commentPropName: false,
    removeNSPrefix: false,
    maxNestedTags,
    jPath: false,
    onDangerousProperty: (name: string) => name,
  };
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * The text of the reference `&name;` (`name` without `&` and `;`): a predefined entity or a character reference;
 * otherwise why it is refused — `bad-number` (`&#x;`, `&#12a;`), `not-a-character` (a code point XML 1.0 does not
 * allow, e.g. `&#0;`), `undefined` (any other name: there is no DTD to define one).
 */
export function referenceText(name: string): string | { refused: 'bad-number' | 'not-a-character' | 'undefined' } {
  if (name.startsWith('#')) {
    const hex = name[1] === 'x';
    const digits = name.slice(hex ? 2 : 1);
    if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return { refused: 'bad-number' };
    const cp = parseInt(digits, hex ? 16 : 10);
    return isXmlChar(cp) ? String.fromCodePoint(cp) : { refused: 'not-a-character' };
  }
  return Object.hasOwn(PREDEFINED, name) ? PREDEFINED[name]! : { refused: 'undefined' };
}

/** XML 1.0's Char production: the code points a document may hold. */
export function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}
