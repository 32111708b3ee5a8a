/**
 * Root causes and follow-ons (issue 15, item 1): every issue of a file report has an id (`i1`, `i2`, … in
 * report order) and, when it only follows from another issue, `causedBy` (the id of its root), decided by the
 * engine: reference target profiles and conformsTo() invariants that fail because of an error reported at the
 * target; a required slice left empty by an item with a wrong discriminator value (`slicing/discriminator-mismatch`);
 * bdl-* invariants restating a missing element; invariants failing because of a type error at what they name.
 * On the official MedCom examples (../shared/anchors/medcom, skipped visibly when absent), our corpus and small fixtures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIg } from '../../src/api/build.js';
import { renderReport } from '../../src/api/report.js';
import { newValidator, validationDefinitions } from '../../src/api/validate.js';
import type { Definitions } from '../../src/defs/registry.js';
import { definePackage, defineInvariant, defineProfile, packageContents, R4, slicing } from '../../src/dsl/index.js';
import { renumberIssues, type FileReport, type Issue } from '../../src/validator/issue.js';
import { readXml } from '../../src/validator/load/xml.js';
import type { Validator } from '../../src/validator/validator.js';
import { anchorsOrSkip } from '../helpers/shared.js';

const HCO = 'http://medcomfhir.dk/ig/homecareobservation/StructureDefinition/medcom-homecareobservation-message|1.1.0-trial-use';
const NOTES = 'http://medcomfhir.dk/ig/notes/StructureDefinition/medcom-notes-bundle';
const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const anchors = anchorsOrSkip('validator: root causes on the official HCO and Notes examples');

type Bundle = { entry: { resource: Record<string, unknown> }[] } & Record<string, unknown>;

const isError = (i: Issue): boolean => i.severity === 'error' || i.severity === 'fatal';
const roots = (r: FileReport): Issue[] => r.issues.filter((i) => isError(i) && i.causedBy === undefined);
const followOns = (r: FileReport, root: Issue): Issue[] => r.issues.filter((i) => i.causedBy === root.id);
const at = (i: Issue): [string, string] => [i.ruleId, i.location.fhirpath];

/** Ids are i1, i2, … in report order; every causedBy names a root issue of the same file (not itself). */
function expectWellLinked(r: FileReport): void {
  expect(r.issues.map((i) => i.id)).toEqual(r.issues.map((_, n) => `i${n + 1}`));
  const byId = new Map(r.issues.map((i) => [i.id, i]));
  for (const i of r.issues) {
    if (i.causedBy === undefined) continue;
    expect(i.causedBy).not.toBe(i.id);
    const cause = byId.get(i.causedBy);
    expect(cause, `${i.id} causedBy ${i.causedBy}`).toBeDefined();
    expect(cause!.causedBy, `${i.causedBy} is itself a follow-on`).toBeUndefined();
  }
}

const patientIndex = (b: Bundle): number => b.entry.findIndex((e) => e.resource['resourceType'] === 'Patient');
function withoutCpr(text: string): { bundle: Bundle; patient: number } {
  const bundle = JSON.parse(text) as Bundle;
  const patient = patientIndex(bundle);
  delete bundle.entry[patient]!.resource['identifier'];
  return { bundle, patient };
}

let defs: Promise<Definitions> | undefined;
const ours = (): Promise<Definitions> => (defs ??= validationDefinitions());
const validatorFor = async (profile: string): Promise<Validator> =>
  newValidator(await ours(), { readXml, scopeProfile: profile, rules: 'official' });
const check = (v: Validator, value: unknown, profile: string): FileReport =>
  v.validateText('fixture.json', JSON.stringify(value, null, 2), { profiles: [profile] });

describe('our corpus: one root error per defect', () => {
  let hco: Validator;
  let notes: Validator;
  beforeAll(async () => {
    hco = await validatorFor(HCO);
    notes = await validatorFor(NOTES);
  }, 120_000);
  const example = (file: string): string => readFileSync(join(EXAMPLES, file), 'utf8');

  it('the patient without its CPR identifier (HCO): one root, cardinality/min at the Patient; every target-profile follows from it', () => {
    const { bundle, patient } = withoutCpr(example('hco/valid/new-message-quantity.json'));
    const r = check(hco, bundle, HCO);
    expectWellLinked(r);
    const [root, ...more] = roots(r);
    expect(more.map(at)).toEqual([]);
    expect(at(root!)).toEqual(['cardinality/min', `Bundle.entry[${patient}].resource.identifier`]);
    const linked = followOns(r, root!);
    expect(linked.filter((i) => i.ruleId === 'references/target-profile').length).toBeGreaterThan(3);
    expect(r.issues.filter(isError).filter((i) => i !== root && i.causedBy !== root!.id)).toEqual([]);
  });

  it('the patient without its CPR identifier (Notes): the cpr slice is the root; the element min and the target profiles follow', () => {
    const { bundle, patient } = withoutCpr(example('notes/valid/encounter-note-practitioner.json'));
    const r = check(notes, bundle, NOTES);
    expectWellLinked(r);
    expect(roots(r).map(at)).toEqual([['slicing/slice-min', `Bundle.entry[${patient}].resource.identifier`]]);
    const root = roots(r)[0]!;
    expect(root.params).toMatchObject({ slice: 'cpr', min: 1, found: 0, discriminator: 'system', required: 'urn:oid:1.2.208.176.1.2' });
    expect(
      followOns(r, root)
        .map((i) => i.ruleId)
        .sort(),
    ).toEqual(['cardinality/min', 'references/target-profile', 'references/target-profile', 'references/target-profile']);
  });

  it('a destination with the wrong use code: slicing/discriminator-mismatch is the root, naming the slice and the codes', () => {
    const r = check(hco, JSON.parse(example('hco/invalid/slicing-discriminator-mismatch-messageheader-destination.json')), HCO);
    expectWellLinked(r);
    const [root, ...more] = roots(r);
    expect(more.map(at)).toEqual([]);
    expect(at(root!)).toEqual(['slicing/discriminator-mismatch', 'Bundle.entry[0].resource.destination[0]']);
    const use = 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-destinationUse';
    expect(root!.params).toEqual({
      slice: 'primary',
      discriminator: '$this.extension.value',
      found: `${use}|secondary`,
      required: `${use}|primary`,
    });
    const linked = followOns(r, root!);
    // the slice's min, the closed slicing's complaint, and the message invariants whose conformsTo() fails for it
    expect(linked.map(at)).toEqual(
      expect.arrayContaining([
        ['slicing/slice-min', 'Bundle.entry[0].resource.destination'],
        ['slicing/no-match-closed', 'Bundle.entry[0].resource.destination[0]'],
        ['invariants/failed', 'Bundle'],
      ]),
    );
    const noMatch = r.issues.find((i) => i.ruleId === 'slicing/no-match-closed')!;
    expect(noMatch.params).toMatchObject({ discriminator: '$this.extension.value', found: `${use}|secondary` });
    const sliceMin = r.issues.find((i) => i.ruleId === 'slicing/slice-min')!;
    expect(sliceMin.params).toMatchObject({ slice: 'primary', discriminator: '$this.extension.value', required: `${use}|primary` });
    expect(r.issues.filter((i) => i.ruleId === 'invariants/failed').every((i) => i.causedBy === root!.id)).toBe(true);
  });

  it('a producer GLN with a wrong check digit: the invariant is the one root; references, the profile slice and conformsTo() follow', () => {
    const r = check(hco, JSON.parse(example('hco/invalid/invariants-gln-modulus-producer.json')), HCO);
    expectWellLinked(r);
    const [root, ...more] = roots(r);
    expect(more.map(at)).toEqual([]);
    expect([...at(root!), root!.constraintKey]).toEqual([
      'invariants/failed',
      'Bundle.entry[6].resource.identifier[0].value',
      'gln-modulus-10',
    ]);
    const linked = followOns(r, root!).map((i) => i.ruleId);
    expect(new Set(linked)).toEqual(
      new Set([
        'references/target-profile',
        'slicing/discriminator-mismatch',
        'slicing/no-match-closed',
        'slicing/slice-min',
        'invariants/failed',
      ]),
    );
    const mismatch = r.issues.find((i) => i.ruleId === 'slicing/discriminator-mismatch')!;
    expect(mismatch.location.fhirpath).toBe('Bundle.entry[2].resource.performer[0]');
    expect(mismatch.params).toMatchObject({ slice: 'ProducerOrganization', discriminator: 'resolve()' });
  });

  it('a Notes document without Bundle.identifier or Bundle.timestamp: bdl-9 and bdl-10 follow from the missing element', () => {
    for (const [element, key] of [
      ['identifier', 'bdl-9'],
      ['timestamp', 'bdl-10'],
    ] as const) {
      const bundle = JSON.parse(example('notes/valid/encounter-note-practitioner.json')) as Bundle;
      delete bundle[element];
      const r = check(notes, bundle, NOTES);
      expectWellLinked(r);
      expect(roots(r).map(at)).toEqual([['cardinality/min', `Bundle.${element}`]]);
      const invariant = r.issues.find((i) => i.constraintKey === key)!;
      expect(invariant.causedBy).toBe(roots(r)[0]!.id);
    }
  });

  it('a cause the run suppresses: its follow-on becomes a root', async () => {
    const v = newValidator(await ours(), {
      readXml,
      scopeProfile: NOTES,
      rules: 'official',
      suppress: ['cardinality/min@Bundle.identifier'],
    });
    const bundle = JSON.parse(example('notes/valid/encounter-note-practitioner.json')) as Bundle;
    delete bundle['identifier'];
    const r = check(v, bundle, NOTES);
    expectWellLinked(r);
    expect(r.suppressed).toBe(1);
    expect(roots(r).map((i) => [...at(i), i.constraintKey])).toEqual([['invariants/failed', 'Bundle', 'bdl-9']]);
  });

  it('valid examples: every issue has an id, and none is a follow-on of nothing', () => {
    const r = check(notes, JSON.parse(example('notes/valid/encounter-note-practitioner.json')), NOTES);
    expect(r.issues.length).toBeGreaterThan(0);
    expectWellLinked(r);
  });

  it('the json report carries id and causedBy as they are', async () => {
    const { bundle } = withoutCpr(example('hco/valid/new-message-quantity.json'));
    const r = check(hco, bundle, HCO);
    const json = JSON.parse(
      await renderReport(
        {
          tool: { name: 'medcom-ig', version: 'test' },
          locale: 'en',
          files: [r],
          summary: { files: 1, valid: 0, errors: 0, warnings: 0, information: 0 },
        },
        'json',
      ),
    ) as { files: { issues: { id: string; causedBy?: string }[] }[] };
    expect(json.files[0]!.issues.map((i) => [i.id, i.causedBy])).toEqual(r.issues.map((i) => [i.id, i.causedBy]));
    expect(json.files[0]!.issues.some((i) => i.causedBy !== undefined)).toBe(true);
  });
});

const PROFILES = {
  conditionlist: 'http://medcomfhir.dk/ig/conditionlist/StructureDefinition/medcom-conditionlist-bundle',
  hco: HCO,
  notes: NOTES,
} as const;

describe('corpus bundles that cascade: one root error, at the defect, and every other error follows from it', () => {
  const CASES: { file: string; standard: keyof typeof PROFILES; root: [string, string] }[] = [
    // a misspelt resourceType: the references to it (target-type) and the closed author slicing follow
    {
      file: 'conditionlist/invalid/structure-resource-type-practitioner.json',
      standard: 'conditionlist',
      root: ['structure/resource-type', 'Bundle.entry[3].resource'],
    },
    // the 11-digit CPR: the cpr invariant and the target profiles follow from the type's max length
    {
      file: 'conditionlist/invalid/types-max-length-patient-cpr.json',
      standard: 'conditionlist',
      root: ['types/max-length', 'Bundle.entry[1].resource.identifier[0].value'],
    },
    // a code outside the activity value set: the message invariant asking memberOf() follows
    {
      file: 'hco/invalid/bindings-required-provenance-activity.json',
      standard: 'hco',
      root: ['bindings/required', 'Bundle.entry[7].resource.activity'],
    },
    // the MessageHeader not first: the message invariants reading entry[0] follow
    {
      file: 'hco/invalid/bundle-first-entry-messageheader-not-first.json',
      standard: 'hco',
      root: ['bundle/first-entry', 'Bundle.entry[0].resource'],
    },
    // the Patient as a performer: the reference's target type follows from the closed slicing's complaint
    {
      file: 'notes/invalid/slicing-no-match-closed-observation-performer.json',
      standard: 'notes',
      root: ['slicing/no-match-closed', 'Bundle.entry[1].resource.performer[1]'],
    },
  ];
  const validators = new Map<string, Validator>();
  beforeAll(async () => {
    for (const [standard, profile] of Object.entries(PROFILES)) validators.set(standard, await validatorFor(profile));
  }, 120_000);

  it.each(CASES.map((c) => [c.file, c] as const))('%s', (_file, c) => {
    const r = check(validators.get(c.standard)!, JSON.parse(readFileSync(join(EXAMPLES, c.file), 'utf8')), PROFILES[c.standard]);
    expectWellLinked(r);
    expect(roots(r).map(at)).toEqual([c.root]);
    const root = roots(r)[0]!;
    expect(r.issues.filter(isError).every((i) => i === root || i.causedBy === root.id)).toBe(true);
    expect(r.issues.filter(isError).length).toBeGreaterThan(1);
  });
});

describe.skipIf(!anchors)('the official examples without the patient’s CPR identifier: one root error', () => {
  let v: Validator;
  let notes: Validator;
  beforeAll(async () => {
    v = await validatorFor(HCO);
    notes = await validatorFor(NOTES);
  }, 120_000);
  const official = (standard: string): string[] =>
    ['hco', 'notes'].includes(standard) && anchors
      ? readdirBundles(join(anchors, standard, 'examples')).map((f) => join(anchors, standard, 'examples', f))
      : [];

  it.each(official('hco'))('HCO %s', (file) => {
    const { bundle, patient } = withoutCpr(readFileSync(file, 'utf8'));
    const r = check(v, bundle, HCO);
    expectWellLinked(r);
    expect(roots(r).map(at)).toEqual([['cardinality/min', `Bundle.entry[${patient}].resource.identifier`]]);
    // the 15 follow-ons of the issue's example are all linked to it
    const targetProfiles = r.issues.filter((i) => i.ruleId === 'references/target-profile');
    expect(targetProfiles.length).toBeGreaterThan(0);
    expect(targetProfiles.every((i) => i.causedBy === roots(r)[0]!.id)).toBe(true);
  });

  it.each(official('notes'))('Notes %s', (file) => {
    const { bundle, patient } = withoutCpr(readFileSync(file, 'utf8'));
    const r = check(notes, bundle, NOTES);
    expectWellLinked(r);
    // Notes' Patient profile slices identifier: the empty cpr slice is the root, the element's min follows
    expect(roots(r).map(at)).toEqual([['slicing/slice-min', `Bundle.entry[${patient}].resource.identifier`]]);
    expect(r.issues.filter((i) => i.ruleId === 'references/target-profile').every((i) => i.causedBy === roots(r)[0]!.id)).toBe(true);
  });
});

function readdirBundles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.startsWith('Bundle-') && f.endsWith('.json'));
}

// a type error whose only effect is a later invariant failure: the invariant follows from it
const pkg = definePackage({
  id: 'example.roots',
  version: '0.1.0',
  canonical: 'http://example.org/roots',
  name: 'Roots',
  title: 'Roots',
  dependencies: {},
  coverage: 'complete',
});
const genderCode = defineInvariant({
  key: 'roots-gender',
  severity: 'error',
  human: 'gender is one of the four codes',
  expression: "gender.exists() implies (gender = 'female' or gender = 'male' or gender = 'other' or gender = 'unknown')",
  focus: 'Patient',
  examples: { pass: [{ resourceType: 'Patient', gender: 'female' }], fail: [{ resourceType: 'Patient', gender: 'F' }] },
});
const Gendered = defineProfile(pkg, R4.Patient, { id: 'gendered', name: 'Gendered', obeys: [genderCode] });
const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
// an open slicing with a required slice: a category of the same code system with another code is the near miss
const Vital = defineProfile(pkg, R4.Observation, {
  id: 'vital',
  name: 'Vital',
  elements: {
    category: {
      slicing: slicing.pattern('$this'),
      slices: { vital: { card: '1..1', pattern: { coding: [{ system: CATEGORY, code: 'vital-signs' }] } } },
    },
  },
});

describe('small profiles: a type error under an invariant, a near miss of an open slicing', () => {
  let v: Validator;
  beforeAll(async () => {
    const d = await validationDefinitions();
    await buildIg({ packages: [packageContents(pkg, [Gendered, Vital])], definitions: d });
    v = newValidator(d, { readXml });
  }, 120_000);
  const profile = 'http://example.org/roots/StructureDefinition/gendered';

  it('gender given as a number: types/json-type is the root, the invariant naming gender follows from it', () => {
    const r = check(v, { resourceType: 'Patient', id: 'p', gender: 1 }, profile);
    expectWellLinked(r);
    const typeError = r.issues.find((i) => i.ruleId === 'types/json-type')!;
    expect(at(typeError)).toEqual(['types/json-type', 'Patient.gender']);
    const invariant = r.issues.find((i) => i.constraintKey === 'roots-gender')!;
    expect(invariant.causedBy).toBe(typeError.id);
  });

  it('of two categories matching no slice, the one in the slice’s code system is the near miss; the slice min follows', () => {
    const observation = {
      resourceType: 'Observation',
      id: 'o',
      status: 'final',
      code: { text: 'x' },
      category: [{ coding: [{ system: 'urn:other', code: 'x' }] }, { coding: [{ system: CATEGORY, code: 'laboratory' }] }],
    };
    const r = check(v, observation, 'http://example.org/roots/StructureDefinition/vital');
    expectWellLinked(r);
    const mismatch = r.issues.find((i) => i.ruleId === 'slicing/discriminator-mismatch')!;
    expect(at(mismatch)).toEqual(['slicing/discriminator-mismatch', 'Observation.category[1]']);
    expect(mismatch.params).toEqual({
      slice: 'vital',
      discriminator: '$this',
      found: `${CATEGORY}|laboratory`,
      required: `${CATEGORY}|vital-signs`,
    });
    const sliceMin = r.issues.find((i) => i.ruleId === 'slicing/slice-min')!;
    expect(sliceMin.causedBy).toBe(mismatch.id);
    expect(sliceMin.params).toMatchObject({ slice: 'vital', discriminator: '$this', required: `${CATEGORY}|vital-signs` });
    expect(roots(r).map(at)).toEqual([['slicing/discriminator-mismatch', 'Observation.category[1]']]);
  });

  it('with no category in the slice’s code system among several, no near miss: the slice min is the root', () => {
    const observation = {
      resourceType: 'Observation',
      id: 'o',
      status: 'final',
      code: { text: 'x' },
      category: [{ coding: [{ system: 'urn:other', code: 'x' }] }, { coding: [{ system: 'urn:another', code: 'y' }] }],
    };
    const r = check(v, observation, 'http://example.org/roots/StructureDefinition/vital');
    expectWellLinked(r);
    expect(r.issues.some((i) => i.ruleId === 'slicing/discriminator-mismatch')).toBe(false);
    expect(roots(r).map(at)).toEqual([['slicing/slice-min', 'Observation.category']]);
  });

  it('a wrong code (no type error): the invariant is a root', () => {
    const r = check(v, { resourceType: 'Patient', id: 'p', gender: 'F' }, profile);
    expectWellLinked(r);
    expect(r.issues.find((i) => i.constraintKey === 'roots-gender')!.causedBy).toBeUndefined();
  });
});

describe('renumberIssues', () => {
  it('gives ids again in the new order and keeps each link on its cause', () => {
    const issue = (id: string, causedBy?: string): Issue => ({
      id,
      ...(causedBy ? { causedBy } : {}),
      ruleId: 'cardinality/min',
      severity: 'error',
      layer: 'official',
      issueType: 'required',
      params: {},
      message: '',
      location: { fhirpath: id, file: 'f' },
    });
    const out = renumberIssues([issue('x'), issue('i1'), issue('i2', 'i1')]);
    expect(out.map((i) => [i.id, i.causedBy, i.location.fhirpath])).toEqual([
      ['i1', undefined, 'x'],
      ['i2', undefined, 'i1'],
      ['i3', 'i2', 'i2'],
    ]);
  });
});
