/**
 * Issue 12, point 2: input that made the readers superlinear, and floods of findings.
 * - 20,000 attributes on one XML element (findAttr rescanned the start tag per finding: 8-13 s;
 *   200,000 took about 20 minutes) and the JSON counterpart, 20,000 unknown properties on one object;
 * - findings past the caps (100 of one rule on one element, 1,000 in a file) counted into one
 *   `input/more-issues` finding with the right count;
 * - positions still right: attributes located by one index per start tag, long attribute values
 *   emptied for the well-formedness check and errors mapped back, duplicate properties' paths.
 * Timing bounds here are generous "ends within" bounds; the figures are in `npm run bench:input`.
 */
import { describe, expect, it } from 'vitest';
import { manyAttributesXml, manyPropertiesJson } from '../../scripts/bench/input-gen.js';
import { readJson } from '../../src/validator/load/json.js';
import { InputError } from '../../src/validator/load/source.js';
import { readXml } from '../../src/validator/load/xml.js';
import type { FileReport, Issue } from '../../src/validator/issue.js';
import { Validator } from '../../src/validator/validator.js';
import { igDefinitions, sharedValidator } from '../helpers/validate.js';

const FHIR = 'http://hl7.org/fhir';
const MORE = 'input/more-issues';

async function run(file: string, text: string, v?: Validator): Promise<{ report: FileReport; ms: number }> {
  const validator = v ?? (await sharedValidator());
  const t0 = performance.now();
  const report = validator.validateText(file, text);
  return { report, ms: performance.now() - t0 };
}

const byRule = (r: FileReport, rule: string): Issue[] => r.issues.filter((i) => i.ruleId === rule);
/** What a finding says, apart from the file and the position (the same for XML and JSON). */
const gist = (i: Issue): unknown => [i.ruleId, i.severity, i.location.fhirpath, i.params];

async function capped(perElement: number, perFile: number): Promise<Validator> {
  return new Validator({ definitions: await igDefinitions(), readXml, issueCaps: { perElement, perFile } });
}

describe('many attributes on one element, many properties on one object', () => {
  it('XML: 20,000 attributes validate within seconds; 100 findings listed, the other 19,900 in one input/more-issues', async () => {
    const { report, ms } = await run('many.xml', manyAttributesXml(20_000));
    expect(ms).toBeLessThan(15_000);
    const unknown = byRule(report, 'structure/unknown-element');
    expect(unknown).toHaveLength(100);
    expect(unknown.map((i) => i.location.fhirpath)).toEqual(Array.from({ length: 100 }, (_, k) => `Patient.\`@a${k}\``));
    const more = byRule(report, MORE);
    expect(more).toHaveLength(1);
    expect(more[0]!.severity).toBe('error');
    expect(more[0]!.params).toEqual({ rule: 'structure/unknown-element', count: 19_900, shown: 100, scope: 'element' });
    expect(more[0]!.location).toMatchObject({ fhirpath: 'Patient', line: 1, column: 1 });
    expect(report.omitted).toBe(19_900);
    expect(report.valid).toBe(false);
  }, 60_000);

  it('JSON: 20,000 unknown properties on one object, the same findings as the XML', async () => {
    const json = await run('many.json', manyPropertiesJson(20_000));
    expect(json.ms).toBeLessThan(15_000);
    const xml = await run('many.xml', manyAttributesXml(20_000));
    expect(byRule(json.report, MORE).map((i) => i.params)).toEqual([
      { rule: 'structure/unknown-element', count: 19_900, shown: 100, scope: 'element' },
    ]);
    expect(json.report.omitted).toBe(19_900);
    expect(json.report.issues.map(gist)).toEqual(xml.report.issues.map(gist));
  }, 60_000);

  it('locates each listed attribute at its name, and FHIR attributes among thousands of others', async () => {
    // FHIR-ish attributes (id, an extension url, a value) placed after thousands of unknown ones
    const noise = Array.from({ length: 5_000 }, (_, k) => ` b${k}="x"`).join('');
    const text =
      `<Patient xmlns="${FHIR}"${noise}><id value="p1"/><extension${noise} url="http://example.org/ext"><valueString${noise} value="v"/></extension>` +
      `<active${noise} value="yes"/></Patient>`;
    const { report, ms } = await run('fhirish.xml', text);
    expect(ms).toBeLessThan(15_000);
    for (const i of byRule(report, 'structure/unknown-element')) {
      const name = String(i.params['name']).slice(1);
      const tag = i.location.fhirpath.slice(0, i.location.fhirpath.lastIndexOf('.'));
      expect(i.location.line).toBe(1);
      // the attribute's own column, in the start tag of its element
      const elementTag =
        tag === 'Patient'
          ? '<Patient'
          : tag.endsWith('extension[0]')
            ? '<extension'
            : tag.endsWith('valueString')
              ? '<valueString'
              : '<active';
      const start = text.indexOf(elementTag);
      expect(i.location.column, `${i.location.fhirpath}`).toBe(text.indexOf(` ${name}="`, start) + 2);
    }
    // four elements carry 5,000 unknown attributes each: 100 listed for each, the rest counted
    const more = byRule(report, MORE);
    expect(more.map((i) => i.params['count']).sort()).toEqual([4_900, 4_900, 4_900, 4_900]);
    // the FHIR attribute past the noise is still read and checked: active="yes" is not a boolean
    // (a primitive's value is placed at its element)
    const active = report.issues.find((i) => i.location.fhirpath === 'Patient.active' && i.ruleId !== 'structure/unknown-element');
    expect(active?.location.column).toBe(text.indexOf('<active') + 1);
  }, 60_000);
});

describe('namespace declarations', () => {
  it('10,000 prefixes declared on the root and 10,000 elements with an xmlns end within seconds, prefixes still resolved', async () => {
    // each element with an xmlns copied all its ancestors' prefixes: 0.85 MB took 54 s
    const n = 10_000;
    const prefixes = Array.from({ length: n }, (_, k) => ` xmlns:p${k}="urn:x:${k}"`).join('');
    const names = Array.from({ length: n }, () => `<name xmlns="${FHIR}"><family value="f"/></name>`).join('');
    const text = `<Patient xmlns="${FHIR}"${prefixes}><id value="p1"/>${names}<p9999:foo xmlns:q="urn:q" value="1"/></Patient>`;
    const { report, ms } = await run('ns.xml', text);
    expect(ms).toBeLessThan(15_000);
    // the last element's prefix, declared on the root, resolves (else the file would be unreadable):
    // it is read as an element in a foreign namespace
    expect(byRule(report, 'input/unreadable')).toEqual([]);
    expect(byRule(report, 'structure/xml-form').map((i) => i.location.fhirpath)).toEqual(['Patient.p9999:foo']);
    const doc = (await sharedValidator()).parse('ns.xml', text);
    expect(((doc.value as Record<string, unknown>)['name'] as unknown[]).length).toBe(n);
  }, 60_000);
});

describe('the caps on findings', () => {
  it('per file: past the cap one input/more-issues at the first finding left out, with the count', async () => {
    // 30 entries, each with one unknown property: no element has more than one finding
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: Array.from({ length: 30 }, (_, k) => ({
        fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(k).padStart(12, '0')}`,
        resource: { resourceType: 'Basic', id: `b${k}`, code: { text: 'x' }, colour: 'blue' },
      })),
    };
    const v = await capped(10, 25);
    const { report } = await run('bundle.json', JSON.stringify(bundle, null, 1), v);
    expect(byRule(report, 'structure/unknown-element')).toHaveLength(25);
    // (dom-6, a warning on each entry without narrative, is capped in the same way, apart)
    const more = byRule(report, MORE).filter((i) => i.params['rule'] === 'structure/unknown-element');
    expect(more).toHaveLength(1);
    expect(more[0]!.params).toEqual({ rule: 'structure/unknown-element', count: 5, shown: 25, scope: 'file' });
    expect(more[0]!.location.fhirpath).toBe('Bundle.entry[25].resource.colour');
    expect(more[0]!.location.line).toBeGreaterThan(1);
    expect(byRule(report, MORE).find((i) => i.params['rule'] === 'invariants/failed')).toMatchObject({
      severity: 'warning',
      params: { count: 5, scope: 'file' },
    });
    expect(report.omitted).toBe(10);
  });

  it('per element and per file together: every finding is listed or counted once', async () => {
    // 3 objects with 12 unknown properties each, caps 10 per element and 25 per file
    const obj = (k: number): Record<string, unknown> => Object.fromEntries(Array.from({ length: 12 }, (_, j) => [`x${k}_${j}`, 1]));
    const text = JSON.stringify({ resourceType: 'Patient', id: 'p', name: [obj(0), obj(1), obj(2)] });
    const { report } = await run('p.json', text, await capped(10, 25));
    const listed = byRule(report, 'structure/unknown-element').length;
    const counted = byRule(report, MORE).reduce((n, i) => n + Number(i.params['count']), 0);
    expect(listed + counted).toBe(36);
    expect(report.omitted).toBe(counted);
    // listed findings and element overflows together stay within the file's cap (+ the file's own overflow)
    expect(
      byRule(report, 'structure/unknown-element').length + byRule(report, MORE).filter((i) => i.params['scope'] === 'element').length,
    ).toBeLessThanOrEqual(25);
  });

  it('suppressed findings are not counted into the caps', async () => {
    const v = new Validator({
      definitions: await igDefinitions(),
      readXml,
      issueCaps: { perElement: 10, perFile: 100 },
      suppress: ['structure/unknown-element@Patient.`@a1*'],
    });
    const { report } = await run('many.xml', manyAttributesXml(30), v);
    // a1, a10-a19 suppressed (11); 19 left, 10 listed, 9 counted
    expect(report.suppressed).toBe(11);
    expect(byRule(report, 'structure/unknown-element')).toHaveLength(10);
    expect(byRule(report, MORE)[0]!.params['count']).toBe(9);
  });

  it('warnings past the cap stay warnings: a capped report is valid when its findings are', async () => {
    const v = await capped(2, 1000);
    // unknown extensions are warnings (their definitions are not available)
    const ext = Array.from({ length: 5 }, (_, k) => ({ url: `http://example.org/unknown-${k}`, valueString: 'x' }));
    const { report } = await run(
      'p.json',
      JSON.stringify({
        resourceType: 'Patient',
        id: 'p',
        text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">p</div>' },
        extension: ext,
      }),
      v,
    );
    const more = byRule(report, MORE);
    expect(more.map((i) => [i.severity, i.params['rule'], i.params['count']])).toEqual([['warning', 'structure/unknown-extension', 3]]);
    expect(report.valid).toBe(true);
  });
});

describe('positions and paths stay right on the linear paths', () => {
  it('a long attribute value is kept whole, and a well-formedness error after it is placed where it is', async () => {
    const data = 'QUJD'.repeat(500_000); // 2 MB
    const ok = `<Binary xmlns="${FHIR}"><id value="b1"/><contentType value="application/pdf"/><data value="${data}"/></Binary>`;
    const { report } = await run('b.xml', ok);
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const doc = (await sharedValidator()).parse('b.xml', ok);
    expect((doc.value as Record<string, unknown>)['data']).toBe(data);

    // a mismatched end tag after the long value, on the same line: the error points at it
    const bad = `<Binary xmlns="${FHIR}"><id value="b1"/><data value="${data}"/><contentType value="x"></Binary>`;
    let e: unknown;
    try {
      (await sharedValidator()).parse('bad.xml', bad);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).position?.column).toBe(bad.indexOf('</Binary>') + 1);
    // an attribute without value after two long values
    const bad2 = `<Binary xmlns="${FHIR}" a="${data}" b="${data}" c><id value="b1"/></Binary>`;
    let e2: unknown;
    try {
      (await sharedValidator()).parse('bad2.xml', bad2);
    } catch (x) {
      e2 = x;
    }
    expect((e2 as InputError).reason).toMatch(/boolean attribute 'c'/);
    expect((e2 as InputError).position?.column).toBe(bad2.indexOf(' c>') + 2);
    // a '<' inside a long value is still refused
    let e3: unknown;
    try {
      (await sharedValidator()).parse('lt.xml', `<Binary xmlns="${FHIR}"><data value="${data}<${data}"/></Binary>`);
    } catch (x) {
      e3 = x;
    }
    expect((e3 as InputError).reason).toMatch(/'<' in an attribute value/);
  }, 60_000);

  it('JSON: 20,000 duplicate properties end within seconds, each reported at its own path (capped)', async () => {
    const items = Array.from(
      { length: 20_000 },
      (_, k) => `{"url":"http://example.org/a${k}","url":"http://example.org/b${k}","valueString":"x"}`,
    );
    const text = `{"resourceType":"Patient","id":"p","extension":[${items.join(',')}]}`;
    const t0 = performance.now();
    const doc = readJson('dup.json', text);
    expect(performance.now() - t0).toBeLessThan(15_000);
    expect(doc.duplicates).toHaveLength(20_000);
    expect(doc.duplicates[19_999]!.path).toEqual(['extension', 19_999]);
    const { report } = await run('dup.json', text);
    const dup = byRule(report, 'structure/duplicate-property');
    expect(
      dup.length +
        byRule(report, MORE)
          .filter((i) => i.params['rule'] === 'structure/duplicate-property')
          .reduce((n, i) => n + Number(i.params['count']), 0),
    ).toBe(20_000);
    expect(dup[0]!.location.fhirpath).toBe('Patient.extension[0].url');
  }, 60_000);

  it('JSON: positions indexed over the value agree with positions recorded while reading, duplicates included', () => {
    const text =
      '{"resourceType":"Patient","a":{"x":[1,2,{"y":3}]},"a":[{"z":1},{"z":2}],"b":{"c":{"d":1},"c":"s"},"e\\u0041":[[1],[2,[3]]]}';
    const eager = readJson('d.json', text, { positions: 'eager' });
    const indexing = readJson('d.json', text, { scanLookups: 0 });
    const paths: (string | number)[][] = [[], ['a'], ['a', 0], ['a', 1, 'z'], ['b'], ['b', 'c'], ['eA'], ['eA', 1, 1, 0], ['a', 'x']];
    for (const p of paths) expect(indexing.locate(p), p.join('.')).toEqual(eager.locate(p));
  });
});

describe('the run summary counts what the caps left out', () => {
  it('sums omitted over the files, and leaves it out when nothing was', async () => {
    const { summarize } = await import('../../src/api/validate.js');
    const file = (omitted?: number) => ({ file: 'x.json', valid: true, profiles: [], issues: [], ...(omitted ? { omitted } : {}) });
    expect(summarize([file(5), file(), file(3)], 'en', 'all').summary.omitted).toBe(8);
    expect(summarize([file(), file()], 'en', 'all').summary).not.toHaveProperty('omitted');
  });
});
