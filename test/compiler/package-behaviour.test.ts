import { describe, expect, it } from 'vitest';
import { buildIg } from '../../src/api/build.js';
import { BaseR4Source } from '../../src/defs/base-r4.js';
import { Definitions } from '../../src/defs/registry.js';
import {
  assuming,
  defineInvariant,
  definePackage,
  defineProfile,
  defineValueSet,
  externalValueSet,
  packageContents,
  preferred,
  R4,
  Reference,
  required,
} from '../../src/dsl/index.js';
import { compile, testPackage } from '../helpers/compile.js';

type SD = fhir4.StructureDefinition;
const base = new BaseR4Source();
const meta = { name: 'T', title: 'T', coverage: 'complete' } as const;
const BASE = 'http://example.org/base';

/**
 * ex.base in two versions: ex.mid builds on 1.0.0, ex.top declares 2.0.0 and ex.mid, so ex.base is
 * in ex.top's closure twice — the situation of HCO 1.1.0 with dk-core 3.2.0/3.4.0.
 */
function chain(pinInheritedCanonicals: boolean) {
  const base1 = definePackage({ id: 'ex.base', version: '1.0.0', canonical: BASE, dependencies: {}, ...meta });
  const Status1 = defineValueSet(base1, {
    id: 'status',
    name: 'Status',
    include: [{ system: 'http://hl7.org/fhir/observation-status', concepts: ['final'] }],
  });
  const Pat1 = defineProfile(base1, R4.Patient, { id: 'pat', name: 'Pat' });
  const A = defineProfile(base1, R4.Observation, {
    id: 'a',
    name: 'A',
    elements: { status: { binding: required(Status1) }, subject: { only: [Reference(Pat1)] } },
  });
  const base2 = definePackage({ id: 'ex.base', version: '2.0.0', canonical: BASE, dependencies: {}, ...meta });
  // the value set's own version differs from the package's: the pin takes the resource's (as HCO 1.2.1 shows)
  const Status2 = defineValueSet(base2, {
    id: 'status',
    name: 'Status',
    version: '2.0.1',
    include: [{ system: 'http://hl7.org/fhir/observation-status', concepts: ['final'] }],
  });
  const Pat2 = defineProfile(base2, R4.Patient, { id: 'pat', name: 'Pat' });
  const New2 = defineValueSet(base2, { id: 'only-in-2', name: 'OnlyIn2', include: [{ system: 'http://loinc.org' }] });
  const mid = definePackage({
    id: 'ex.mid',
    version: '1.0.0',
    canonical: 'http://example.org/mid',
    dependencies: { 'ex.base': '1.0.0' },
    ...meta,
  });
  const B = defineProfile(mid, A, { id: 'b', name: 'B', elements: { code: { ms: true } } });
  const top = definePackage({
    id: 'ex.top',
    version: '1.0.0',
    canonical: 'http://example.org/top',
    dependencies: { 'ex.base': '2.0.0', 'ex.mid': '1.0.0' },
    ...meta,
    pinInheritedCanonicals,
  });
  const C = defineProfile(top, B, {
    id: 'c',
    name: 'C',
    elements: { 'code.coding.code': { binding: preferred(externalValueSet(`${BASE}/ValueSet/only-in-2`)) }, issued: { card: '1..' } },
  });
  return [
    packageContents(base1, [Status1, Pat1, A]),
    packageContents(base2, [Status2, Pat2, New2]),
    packageContents(mid, [B]),
    packageContents(top, [C]),
  ];
}

async function compiledC(pin: boolean): Promise<SD> {
  const result = await buildIg({ packages: chain(pin), definitions: new Definitions(base) });
  expect(result.diagnostics.items.filter((d) => d.severity === 'error')).toEqual([]);
  return result.packages.find((p) => p.ir.id === 'ex.top')!.resources[0] as unknown as SD;
}

const el = (sd: SD, id: string): fhir4.ElementDefinition => sd.snapshot!.element.find((e) => e.id === id)!;

describe('pinInheritedCanonicals (IG Publisher pin-multiples)', () => {
  it('pins what a profile inherits from a package that is twice in the closure, to the declared version', async () => {
    const c = await compiledC(true);
    expect(el(c, 'Observation.status').binding?.valueSet).toBe(`${BASE}/ValueSet/status|2.0.1`);
    expect(el(c, 'Observation.subject').type?.[0]?.targetProfile).toEqual([`${BASE}/StructureDefinition/pat|2.0.0`]);
    // what the package authors itself stays as written; base R4 canonicals are not touched
    expect(el(c, 'Observation.code.coding.code').binding?.valueSet).toBe(`${BASE}/ValueSet/only-in-2`);
    expect(el(c, 'Observation.category').binding?.valueSet).toBe('http://hl7.org/fhir/ValueSet/observation-category');
    // the pins are inherited, not stated: the differential does not list them
    expect(c.differential!.element.map((e) => e.id)).not.toContain('Observation.status');
  });

  it('leaves canonicals alone without the option', async () => {
    const c = await compiledC(false);
    expect(el(c, 'Observation.status').binding?.valueSet).toBe(`${BASE}/ValueSet/status`);
    expect(el(c, 'Observation.subject').type?.[0]?.targetProfile).toEqual([`${BASE}/StructureDefinition/pat`]);
  });
});

describe('choices the parent had type-sliced already', () => {
  it("keep only the sliced types when the profile adds a type slice (before September 2025), every type when it only re-constrains the parent's", async () => {
    for (const rules of ['publisher-2024', 'publisher-2025', 'publisher-2025-09', 'publisher-2025-12', 'publisher-2026'] as const) {
      const p = testPackage(rules);
      const Parent = defineProfile(p, R4.Observation, {
        id: 'sliced',
        name: 'Sliced',
        elements: {
          'value[x]': { slicing: { discriminator: [{ type: 'type', path: '$this' }], ordered: false, rules: 'open' } },
          valueQuantity: { only: ['Quantity'] },
        },
      });
      const Adds = defineProfile(p, Parent, {
        id: 'adds',
        name: 'Adds',
        elements: { valueQuantity: { ms: true }, valueString: { card: '0..1', only: ['string'] } },
      });
      const Keeps = defineProfile(p, Parent, { id: 'keeps', name: 'Keeps', elements: { valueQuantity: { ms: true } } });
      const c = await compile(p, [Parent, Adds, Keeps]);
      for (const [id, types] of [
        // from September 2025 (HCO 1.1.1-trial-use) an added type slice no longer narrows the choice
        ['adds', rules === 'publisher-2024' || rules === 'publisher-2025' ? ['Quantity', 'string'] : R4_OBSERVATION_VALUE_TYPES],
        ['keeps', R4_OBSERVATION_VALUE_TYPES],
      ] as const) {
        const value = c.el(id, 'Observation.value[x]');
        expect(value.slicing?.rules, `${rules} ${id}`).toBe('closed');
        expect(
          value.type?.map((t) => t.code),
          `${rules} ${id}`,
        ).toEqual(types);
      }
    }
  });

  it('a type slice starts at min 0 even under a required choice', async () => {
    const p = testPackage();
    const P = defineProfile(p, R4.UsageContext, { id: 'uc', name: 'UC', elements: { valueCodeableConcept: { card: '0..1', ms: true } } });
    const c = await compile(p, [P]);
    expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(c.el('uc', 'UsageContext.value[x]:valueCodeableConcept')).toMatchObject({ min: 0, max: '1' });
    expect(c.el('uc', 'UsageContext.value[x]')).toMatchObject({ min: 1, slicing: { rules: 'open' } });
  });
});

const R4_OBSERVATION_VALUE_TYPES = [
  'Quantity',
  'CodeableConcept',
  'string',
  'boolean',
  'integer',
  'Range',
  'Ratio',
  'SampledData',
  'time',
  'dateTime',
  'Period',
];

describe('invariant examples with assumed conformsTo()/memberOf() answers', () => {
  it('evaluate the expression around the host functions', async () => {
    const p = testPackage();
    const bundle = { resourceType: 'Bundle', type: 'message', entry: [{ resource: { resourceType: 'MessageHeader' } }] };
    const good = defineInvariant({
      key: 'test-conforms',
      severity: 'error',
      human: 'h',
      expression: "entry[0].resource.conformsTo('http://example.org/mh')",
      focus: 'Bundle',
      examples: { pass: [assuming({ conformsTo: true }, bundle)], fail: [assuming({ conformsTo: false }, bundle)] },
    });
    // without an assumed answer the build cannot evaluate conformsTo() and reports the example
    const bad = defineInvariant({
      key: 'test-conforms-unassumed',
      severity: 'error',
      human: 'h',
      expression: "entry[0].resource.conformsTo('http://example.org/mh')",
      focus: 'Bundle',
      examples: { pass: [bundle], fail: [assuming({ conformsTo: false }, bundle)] },
    });
    const P = defineProfile(p, R4.Bundle, { id: 'msg', name: 'Msg', obeys: [good, bad] });
    const c = await compile(p, [P]);
    const messages = c.diagnostics.filter((d) => d.id === 'compile/invariant-example').map((d) => d.message);
    expect(messages).toEqual(['test-conforms-unassumed: pass example #1 raised an error: Not implemented: conformsTo']);
  });
});
