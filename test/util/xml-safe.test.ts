import { describe, expect, it } from 'vitest';
import { isXmlChar, referenceText, safeXmlParserOptions } from '../../src/util/xml-safe.js';

describe('referenceText: the one decoding of XML references (FHIR XML reader, GITB service)', () => {
  it('gives the five predefined entities and character references to allowed characters', () => {
    expect(['lt', 'gt', 'amp', 'quot', 'apos'].map(referenceText)).toEqual(['<', '>', '&', '"', "'"]);
    expect(referenceText('#65')).toBe('A');
    expect(referenceText('#x1F600')).toBe('😀');
  });

  it('refuses every other name, also one an object has by inheritance', () => {
    for (const name of ['nbsp', 'reg', 'toString', 'constructor', '__proto__'])
      expect(referenceText(name)).toEqual({ refused: 'undefined' });
  });

  it('refuses malformed numbers and code points XML 1.0 does not allow', () => {
    for (const name of ['#', '#x', '#12a', '#xZZ']) expect(referenceText(name)).toEqual({ refused: 'bad-number' });
    for (const name of ['#0', '#x1', '#xFFFE', '#xD800', '#x110000', '#99999999999'])
      expect(referenceText(name)).toEqual({ refused: 'not-a-character' });
    expect([0x9, 0xa, 0xd, 0x20, 0xfffd, 0x10000].every(isXmlChar)).toBe(true);
  });

  it('parser options: no entity processing and the nesting cap asked for', () => {
    const o = safeXmlParserOptions(32);
    expect(o.processEntities).toBe(false);
    expect(o.htmlEntities).toBe(false);
    expect(o.maxNestedTags).toBe(32);
  });
});
