/**
 * One line rule for both readers (src/validator/load/source.ts computeLineStarts): `\n`, `\r\n`
 * and a lone `\r` each end a line, so JSON and XML give the same line and column for the same
 * layout, whatever the line ends.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BaseR4Source } from '../../../src/defs/base-r4.js';
import { Definitions } from '../../../src/defs/registry.js';
import { readJson } from '../../../src/validator/load/json.js';
import { computeLineStarts, InputError, type PathStep, type SourceDoc } from '../../../src/validator/load/source.js';
import { readXml } from '../../../src/validator/load/xml.js';
import { FhirModel } from '../../../src/validator/model.js';

let model: FhirModel;
beforeAll(() => {
  model = new FhirModel(new Definitions(new BaseR4Source()).all());
});

// the same Patient laid out the same way: each located element starts on the same line and column
const JSON_LINES = ['{"resourceType": "Patient",', '  "active": true,', '  "name": [{', '    "family": "Hansen"', '  }]}'];
const XML_LINES = [
  '<Patient xmlns="http://hl7.org/fhir">',
  '  <active value="true"/>',
  '  <name>',
  '    <family value="Hansen"/>',
  '  </name></Patient>',
];
const PATHS: PathStep[][] = [['active'], ['name', 0, 'family']];
const EOLS = { LF: '\n', CRLF: '\r\n', CR: '\r' } as const;

function positions(doc: SourceDoc): { line: number; column: number }[] {
  return PATHS.map((p) => {
    const at = doc.locate(p)!;
    return { line: at.line, column: at.column };
  });
}

describe('line index: one CR rule', () => {
  it('\\n, \\r\\n and a lone \\r each end a line', () => {
    expect(computeLineStarts('a\nb\r\nc\rd')).toEqual([0, 2, 5, 7]);
    expect(computeLineStarts('')).toEqual([0]);
    expect(computeLineStarts('\r\r\n\n')).toEqual([0, 1, 3, 4]);
  });

  it.each(Object.entries(EOLS))('JSON and XML give the same line and column with %s line ends', (_name, eol) => {
    const json = positions(readJson('p.json', JSON_LINES.join(eol)));
    const xml = positions(readXml('p.xml', XML_LINES.join(eol), model));
    expect(json).toEqual([
      { line: 2, column: 3 },
      { line: 4, column: 5 },
    ]);
    expect(xml).toEqual(json);
  });

  it.each(Object.entries(EOLS))('a JSON syntax error is placed by the same rule with %s line ends', (_name, eol) => {
    const error = (f: () => unknown): InputError => {
      try {
        f();
      } catch (e) {
        if (e instanceof InputError) return e;
        throw e;
      }
      throw new Error('expected an InputError');
    };
    const json = error(() => readJson('p.json', ['{"resourceType": "Patient",', '  "active": true,', '  oops'].join(eol)));
    expect(json.position).toMatchObject({ line: 3, column: 3 });
  });
});
