/**
 * The lite FHIRPath evaluator answers exactly like fhirpath.js (with the validator's user
 * functions) or not at all: every decided case is compared with fhirpath.js, every case it must
 * leave to fhirpath.js is shown to give up, and expressions outside its subset do not parse.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { validationDefinitions } from '../../src/api/validate.js';
import { CannotDecide, LiteEvaluator, type LiteHost } from '../../src/fhirpath/lite/evaluate.js';
import { parseLite, Unsupported } from '../../src/fhirpath/lite/parse.js';
import { compileRegex } from '../../src/fhirpath/regex.js';
import { FhirPathRunner, type EvalVars, type FhirPathHost } from '../../src/fhirpath/runner.js';
import { FhirModel } from '../../src/validator/model.js';

const practitioner = {
  resourceType: 'Practitioner',
  id: 'p1',
  name: [{ family: 'Hansen' }],
  telecom: [{ system: 'phone', value: '12345678' }],
};
const role = {
  resourceType: 'PractitionerRole',
  id: 'r1',
  practitioner: { reference: 'Practitioner/p1' },
  code: [{ coding: [{ code: 'doctor' }] }],
};
const observation = {
  resourceType: 'Observation',
  id: 'o1',
  status: 'final',
  code: {
    coding: [
      { system: 'urn:oid:1.2.208.176.2.1', code: 'NPU03011', display: 'Hb' },
      { system: 'http://loinc.org', code: '718-7' },
    ],
  },
  valueQuantity: { value: 8.1, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
  component: [
    { code: { coding: [{ system: 'http://loinc.org', code: '718-7' }] }, valueString: 'x' },
    { code: { coding: [{ system: 'http://loinc.org', code: '1-1' }] } },
  ],
};
const bundle = {
  resourceType: 'Bundle',
  type: 'message',
  entry: [
    { fullUrl: 'Practitioner/p1', resource: practitioner },
    { fullUrl: 'PractitionerRole/r1', resource: role },
    { fullUrl: 'Observation/o1', resource: observation },
    { fullUrl: 'Provenance/v1', resource: { resourceType: 'Provenance', activity: { coding: [{ code: 'new-message' }] } } },
  ],
};
const patient = {
  resourceType: 'Patient',
  active: false,
  birthDate: '1970-05-01',
  maritalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus', code: 'M' }] },
  extension: [
    { url: 'http://example.org/a', valueString: 'a' },
    { url: 'http://example.org/b', valueBoolean: true },
  ],
  name: [{ family: 'Jensen', given: ['Anne', 'Marie'] }],
  contact: [{ name: { family: 'X' } }, { telecom: [{ system: 'phone', value: '1' }] }],
};

/** Host answers shared by both engines: resolve() inside `bundle`, fixed memberOf/conformsTo. */
const hostFns: FhirPathHost = {
  resolve: (ref) => bundle.entry.find((e) => e.fullUrl === ref)?.resource,
  memberOf: (vs, _system, code) => (vs.endsWith('/unknown') ? 'unknown' : code === 'new-message' || code === 'M' ? 'in' : 'not-in'),
  conformsTo: (resource, profile) => (profile.endsWith('/unknown') ? undefined : resource['resourceType'] === profile.split('/').pop()),
};

/** [base, expression, focus, %resource] decided by the lite evaluator. */
const DECIDED: [string, string, unknown, unknown?][] = [
  ['Observation', 'value.exists()', observation],
  ['Observation', 'value.empty()', observation],
  ['Observation', 'dataAbsentReason.empty() or value.empty()', observation],
  [
    'Observation',
    'value.ofType(Quantity).value.exists() implies value.ofType(Quantity).unit.exists() or value.ofType(Quantity).code.exists()',
    observation,
  ],
  ['Observation', 'value.ofType(Quantity).exists()', { ...observation, valueQuantity: undefined, valueString: 'x' }],
  ['Observation', 'value.ofType(CodeableConcept).exists()', observation],
  [
    'Observation',
    'value.empty() or component.code.where(coding.intersect(%resource.code.coding).exists()).empty()',
    observation,
    observation,
  ],
  ['Observation', 'component.code.where(coding.intersect(%resource.code.coding).exists()).count()', observation, observation],
  ['Observation', 'component.value.exists()', observation],
  ['Observation', 'component[1].value.exists()', observation],
  ['Observation', 'component.first().code.coding.code', observation],
  ['Observation', "code.coding.where(system = 'http://loinc.org').code", observation],
  ['Observation', 'code.coding.where(code).count()', observation],
  ['Observation', 'code.coding.all(system.exists())', observation],
  ['Observation', 'code.coding.all(display.exists())', observation],
  ['Observation', "code.coding.exists(display = 'Hb')", observation],
  ['Observation', "status = 'final'", observation],
  ['Observation', "status != 'final'", observation],
  ['Observation', 'subject.exists() = false', observation],
  ['Organization', '(identifier.count() + name.count()) > 0', { resourceType: 'Organization', name: 'X' }],
  ['Organization', '(identifier.count() + name.count()) > 0', { resourceType: 'Organization' }],
  ['Organization', 'identifier.count() - 1 >= 0', { resourceType: 'Organization' }],
  ['Organization', 'identifier.count() <= 1 and name.count() < 2', { resourceType: 'Organization', identifier: [{ value: '1' }] }],
  [
    'Organization',
    "identifier.where(system='urn:oid:1.2.208.176.1.1' or system='https://kombit.dk/sts/organisation').exists()",
    { resourceType: 'Organization', identifier: [{ system: 'urn:oid:1.2.208.176.1.1', value: '1' }] },
  ],
  [
    'Organization.contact',
    "name.exists() or extension('http://hl7.org/fhir/StructureDefinition/data-absent-reason').exists()",
    { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'unknown' }] },
  ],
  ['Organization.contact', 'name.exists() or telecom.exists()', {}],
  [
    'Patient',
    "maritalStatus.coding.where(code = 'P' and system = 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus').empty() or maritalStatus.coding.where(code = 'A').empty()",
    patient,
  ],
  ['Patient', 'active', patient],
  ['Patient', 'active.not()', patient],
  ['Patient', 'active = false', patient],
  ['Patient', 'name.given.count()', patient],
  ['Patient', 'name.given', patient],
  ['Patient', 'name.given.first().toString()', patient],
  ['Patient', 'name.family.not()', patient],
  ['Patient', 'gender.not()', patient],
  ['Patient', 'contact.where(name.exists()).count()', patient],
  ['Patient', 'contact.select(telecom.system)', patient],
  ['Patient', 'contact.all(name.exists() or telecom.exists())', patient],
  ['Patient', 'contact.all(name.exists())', patient],
  ['Patient', 'deceased.exists() xor multipleBirth.exists()', patient],
  ['Patient', 'active xor true', patient],
  ['Patient', 'gender.exists() xor true', patient],
  ['Patient', "extension('http://example.org/b').value", patient],
  ['Patient', "extension('http://example.org/a').value.ofType(string).exists()", patient],
  ['Patient', "extension('http://example.org/none').exists()", patient],
  ['Patient', 'birthDate.toString()', patient],
  ['Patient', "gender.exists() implies gender = 'x'", patient],
  ['Patient', 'active implies gender.exists()', patient],
  ['Patient', 'active.exists() implies active', patient],
  ['Patient', 'gender.exists() and active', patient],
  ['Patient', 'gender.exists() or active', patient],
  ['Patient', 'gender.exists() or active.not()', patient],
  ['Patient', 'gender.exists() and active.not()', patient],
  ['Patient', "maritalStatus.memberOf('http://x/vs')", patient],
  ['Patient', "maritalStatus.memberOf('http://x/unknown')", patient],
  ['Patient', "maritalStatus.coding.code.memberOf('http://x/vs')", patient],
  ['Patient', "name.select($this = 'Jensen')", patient],
  ['Patient', "name.family.select($this = 'Jensen')", patient],
  ['Patient', "'abc'.matches('^a')", patient],
  ['string', "matches('^[0-9]{13}$')", '5790000000005'],
  ['string', "matches('^[0-9]{13}$')", '579000000000'],
  [
    'string',
    "$this.matches('(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[45][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$')",
    'A1B2C3D4-0000-4000-8000-000000000000',
  ],
  ['string', "matches('^x')", 'y'],
  ['canonical', "matches('^.*[|]1[.].*$')", 'http://medcomfhir.dk/x|1.0'],
  [
    'dateTime',
    "$this.toString().matches('^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$')",
    '2024-02-29T10:11:12.123+01:00',
  ],
  ['dateTime', '$this.toString()', '2024-02'],
  ['dateTime', '$this.toString()', '2024-02-29T10:11:12Z'],
  ['dateTime', '$this.toString()', 'not a date'],
  ['instant', '$this.toString()', '2024-02-29T10:11:12.5+02:00'],
  ['date', 'toString()', '2024'],
  ['Reference', 'reference.resolve().practitioner.resolve().name.exists()', { reference: 'PractitionerRole/r1' }],
  [
    'Reference',
    "reference.resolve().practitioner.resolve().telecom.where(system = 'phone').exists()",
    { reference: 'PractitionerRole/r1' },
  ],
  ['Reference', 'reference.resolve().code.coding.code.exists()', { reference: 'PractitionerRole/r1' }],
  ['Reference', 'reference.resolve().exists()', { reference: 'Patient/missing' }],
  ['Bundle', 'entry.resource.ofType(Provenance).exists()', bundle],
  ['Bundle', 'entry.resource.ofType(Observation).count()', bundle],
  ['Bundle', "entry.resource.ofType(Provenance).all(activity.memberOf('http://x/vs'))", bundle],
  ['Bundle', "entry[0].resource.conformsTo('http://x/Practitioner')", bundle],
  ['Bundle', "entry[1].resource.conformsTo('http://x/Practitioner')", bundle],
  ['Bundle', "entry[1].resource.conformsTo('http://x/unknown')", bundle],
  ['Bundle', 'entry[9].resource.exists()', bundle],
  ['Bundle', "type = 'message' implies entry.first().resource.exists()", bundle],
  ['Bundle', '%resource.entry.count() = 4', bundle, bundle],
  ['Bundle', '%rootResource.type', bundle, bundle],
  [
    'Condition',
    "clinicalStatus.exists() or category.select($this='problem-list-item').empty()",
    { resourceType: 'Condition', category: [{ coding: [{ code: 'problem-list-item' }] }] },
  ],
  [
    'PractitionerRole',
    'code.exists() implies (code.coding.where(system.exists() and code.exists()).exists() xor code.text.exists())',
    role,
  ],
  [
    'TestScript.test.action.assert',
    "(response.empty() and responseCode.empty() and direction = 'request') or direction.empty() or direction = 'response'",
    { direction: 'request' },
  ],
  ['Extension', 'value.ofType(Quantity).exists()', { url: 'x', valueAge: { value: 3, unit: 'a' } }],
  ['Extension', 'value.ofType(Coding).exists()', { url: 'x', valueAge: { value: 3, unit: 'a' } }],
];

/** [base, expression, focus] the lite evaluator must leave to fhirpath.js. */
const GIVES_UP: [string, string, unknown][] = [
  ['Patient', 'birthDate.exists()', { resourceType: 'Patient', _birthDate: { extension: [] } }],
  ['Patient', 'name.given.count()', { resourceType: 'Patient', name: [{ given: ['a', null] }] }],
  ['Patient', 'foo.exists()', { resourceType: 'Patient', foo: 1 }],
  ['Observation', 'value.exists()', { resourceType: 'Observation', valueString: 'a', valueBoolean: true }],
  ['Patient', "birthDate = '1970-05-01'", patient],
  ['Patient', "name.given = 'Anne'", patient],
  ['Patient', 'name = name', patient],
  ['Patient', 'name.given.toString()', patient],
  ['Patient', 'name.given.not()', patient],
  ['Patient', 'name.given.exists() and name.given', patient],
  ['Observation', 'valueQuantity.value > 1', observation],
  ['Bundle', 'entry.resource.ofType(Resource).count()', bundle],
  ['Patient', 'extension.value.ofType(uri).exists()', patient],
  ['Patient', 'extension.value.ofType(String).exists()', patient],
  ['Reference', 'reference.resolve().ofType(PractitionerRole).exists()', { reference: 'PractitionerRole/r1' }],
  ['Patient', "'a'.length.exists()", patient],
];

describe('lite FHIRPath evaluator', () => {
  let lite: LiteEvaluator;
  const js = new FhirPathRunner(hostFns);
  beforeAll(async () => {
    const model = new FhirModel((await validationDefinitions()).all());
    const host: LiteHost = { ...hostFns, regex: compileRegex };
    lite = new LiteEvaluator(model, host);
  });
  const vars = (resource: unknown): EvalVars => ({ resource: resource ?? {}, rootResource: resource ?? {} });

  it.each(DECIDED)('%s: %s — decides like fhirpath.js', (base, expression, focus, resource) => {
    const clean = JSON.parse(JSON.stringify(focus)) as unknown;
    const res = resource === undefined ? clean : resource;
    const expected = js.evaluate(clean, base, expression, vars(res));
    const got = lite.evaluate(parseLite(expression), clean, base, vars(res));
    expect(got).toEqual(expected);
  });

  it('covers passing and failing verdicts', () => {
    const verdicts = new Set(
      DECIDED.map(([base, expression, focus, resource]) => {
        const clean = JSON.parse(JSON.stringify(focus)) as unknown;
        const r = lite.evaluate(parseLite(expression), clean, base, vars(resource ?? clean));
        return JSON.stringify(r);
      }),
    );
    for (const v of ['[true]', '[false]', '[]']) expect(verdicts.has(v), v).toBe(true);
  });

  it.each(GIVES_UP)('%s: %s — leaves it to fhirpath.js', (base, expression, focus) => {
    expect(() => lite.evaluate(parseLite(expression), focus, base, vars(focus))).toThrow(CannotDecide);
  });

  it.each([
    'descendants().exists()',
    'a | b',
    'value > 1.5',
    'birthDate > @2020',
    'Patient.name',
    '%context.exists()',
    "code in ('a' | 'b')",
    'value is Quantity',
    'value as Quantity',
    "name.given.join(',')",
    '$index',
    '-1 < 0',
    'a.where(b',
    "'unterminated",
    'x // comment',
    'iif(a, b, c)',
    'a.ofType(FHIR.Quantity)',
    'count(1)',
  ])('does not parse %s (outside the subset)', (expression) => {
    expect(() => parseLite(expression)).toThrow(Unsupported);
  });

  it('parses the subset with FHIRPath precedence', () => {
    // implies binds loosest, then or/xor, then and, then equality, comparison, additive
    expect(parseLite('a implies b or c and d = 1 + 2 > 0')).toEqual({
      k: 'op',
      op: 'implies',
      left: { k: 'member', from: undefined, name: 'a' },
      right: {
        k: 'op',
        op: 'or',
        left: { k: 'member', from: undefined, name: 'b' },
        right: {
          k: 'op',
          op: 'and',
          left: { k: 'member', from: undefined, name: 'c' },
          right: {
            k: 'op',
            op: '=',
            left: { k: 'member', from: undefined, name: 'd' },
            right: {
              k: 'op',
              op: '>',
              left: { k: 'op', op: '+', left: { k: 'lit', value: 1 }, right: { k: 'lit', value: 2 } },
              right: { k: 'lit', value: 0 },
            },
          },
        },
      },
    });
    expect(parseLite("`div`.exists() and 'it\\'s'.matches('\\u0041')")).toMatchObject({ k: 'op', op: 'and' });
  });
});

describe('FhirPathRunner with the lite evaluator', () => {
  it('answers lite expressions without fhirpath.js, the rest with it, and cross-checks on request', async () => {
    const model = new FhirModel((await validationDefinitions()).all());
    const runner = new FhirPathRunner(hostFns, { model, crossCheck: true });
    const v = { resource: patient, rootResource: patient };
    expect(runner.evaluate(patient, 'Patient', 'name.given.count() > 1', v)).toEqual([true]);
    expect(runner.stats).toEqual({ lite: 1, fhirpathJs: 0 });
    expect(runner.evaluate(patient, 'Patient', "name.given.join('-')", v)).toEqual(['Anne-Marie']);
    // a date compared with a string literal: fhirpath.js says false (different types)
    expect(runner.evaluate(patient, 'Patient', "birthDate = '1970-05-01'", v)).toEqual([false]);
    expect(runner.stats).toEqual({ lite: 1, fhirpathJs: 2 });
  });
});
