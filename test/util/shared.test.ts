/** The one copy of small helpers several layers share (src/util/json.ts, src/util/text.ts, src/fhir/types.ts). */
import { describe, expect, it } from 'vitest';
import { fhirTypeCode } from '../../src/fhir/types.js';
import { stableStringify } from '../../src/util/json.js';
import { capitalize } from '../../src/util/text.js';

describe('stableStringify', () => {
  it('sorts object keys at every level and keeps array order', () => {
    expect(stableStringify({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(stableStringify({ b: 1, a: 2 })).toBe(stableStringify({ a: 2, b: 1 }));
    expect(stableStringify([2, 1])).not.toBe(stableStringify([1, 2]));
  });

  it('leaves out keys whose value is undefined, as JSON.stringify does: the result parses', () => {
    expect(stableStringify({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
    expect(stableStringify({ a: undefined })).toBe(stableStringify({}));
    const v = { z: 'é\u0000"', n: 1.5, t: true, o: { k: undefined } };
    expect(JSON.parse(stableStringify(v))).toEqual(JSON.parse(JSON.stringify(v)));
  });
});

describe('capitalize', () => {
  it('upper-cases the first character only', () => {
    expect(capitalize('quantity')).toBe('Quantity');
    expect(capitalize('dateTime')).toBe('DateTime');
    expect(capitalize('')).toBe('');
  });
});

describe('fhirTypeCode', () => {
  it('a System type carries the FHIR type in its extension, else the lower-cased System name', () => {
    expect(fhirTypeCode({ code: 'Quantity' })).toBe('Quantity');
    expect(fhirTypeCode({ code: 'http://hl7.org/fhirpath/System.String', extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type', valueUrl: 'uri' }] })).toBe('uri');
    expect(fhirTypeCode({ code: 'http://hl7.org/fhirpath/System.String' })).toBe('string');
  });
});
