/** The one copy of small helpers several layers share (src/util/json.ts, text.ts, junit.ts, src/fhir/types.ts). */
import { describe, expect, it } from 'vitest';
import { fhirTypeCode } from '../../src/fhir/types.js';
import { stableStringify } from '../../src/util/json.js';
import { renderJunitXml } from '../../src/util/junit.js';
import { capitalize, valueText } from '../../src/util/text.js';

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
    expect(
      fhirTypeCode({
        code: 'http://hl7.org/fhirpath/System.String',
        extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type', valueUrl: 'uri' }],
      }),
    ).toBe('uri');
    expect(fhirTypeCode({ code: 'http://hl7.org/fhirpath/System.String' })).toBe('string');
  });
});

describe('renderJunitXml (the one JUnit writer)', () => {
  it('counts failures, errors and skipped from the cases, escapes every text, stays well-formed', async () => {
    const { XMLParser, XMLValidator } = await import('fast-xml-parser');
    const xml = renderJunitXml('run <1>', [
      {
        name: 's1',
        cases: [
          { classname: 'c', name: 'passes', systemOut: 'fine\u001b[31m' },
          {
            classname: 'c',
            name: 'fails',
            failures: [
              { type: 'a/b', message: 'one' },
              { type: 'a/c', message: 'two', detail: 'x\ny' },
            ],
          },
        ],
      },
      {
        name: 's2',
        cases: [
          { classname: 'c', name: 'erred', errors: [{ type: 'assert', message: 'no "fixture"' }] },
          { classname: 'c', name: 'skipped', skipped: 'manual' },
        ],
      },
    ]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
      testsuites: {
        name: string;
        tests: string;
        failures: string;
        errors: string;
        skipped: string;
        testsuite: { failures: string; skipped: string }[];
      };
    };
    expect(parsed.testsuites).toMatchObject({ name: 'run <1>', tests: '4', failures: '1', errors: '1', skipped: '1' });
    expect(parsed.testsuites.testsuite.map((s) => [s.failures, s.skipped])).toEqual([
      ['1', '0'],
      ['0', '1'],
    ]);
    expect(xml).toContain('<failure type="a/b" message="one"/>');
    expect(xml).toContain('<failure type="a/c" message="two">x\ny</failure>');
    expect(xml).toContain('\\u001b[31m');
  });
});

describe('valueText', () => {
  it('gives strings as they are, numbers and booleans as JavaScript writes them, anything else as JSON', () => {
    expect(valueText('Bundle')).toBe('Bundle');
    expect(valueText(1.5)).toBe('1.5');
    expect(valueText(false)).toBe('false');
    expect(valueText(null)).toBe('null');
    expect(valueText(undefined)).toBe('undefined');
    expect(valueText({ a: [1] })).toBe('{"a":[1]}');
    expect(valueText(() => 1)).toBe('function');
  });
});
