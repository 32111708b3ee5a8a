import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  defineExtension,
  defineInvariant,
  definePackage,
  defineProfile,
  externalValueSet,
  packageContents,
  R4,
  Reference,
  slicing,
} from '../../src/dsl/index.js';
import { compile, ids, lineOf, testPackage } from '../helpers/compile.js';

const THIS_FILE = fileURLToPath(import.meta.url);
const pkg = testPackage();

describe('compiling a profile', () => {
  it('narrows cardinality and derives the differential from the snapshot', async () => {
    const P = defineProfile(pkg, R4.Condition, {
      id: 'card',
      name: 'Card',
      elements: { recordedDate: { card: '1..1', ms: true }, note: { card: '..1' } },
    });
    const c = await compile(pkg, [P]);
    expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(c.el('card', 'Condition.recordedDate')).toMatchObject({ min: 1, max: '1', mustSupport: true });
    expect(c.el('card', 'Condition.note')).toMatchObject({ min: 0, max: '1' });
    const diff = c.sd('card').differential!.element.map((e) => e.id);
    expect(diff).toEqual(['Condition.recordedDate', 'Condition.note']);
    expect(c.sd('card').baseDefinition).toBe('http://hl7.org/fhir/StructureDefinition/Condition');
    expect(ids(c.sd('card'))).toHaveLength(37);
  });

  it('unfolds data type children when a rule reaches into them', async () => {
    const P = defineProfile(pkg, R4.Condition, {
      id: 'unfold',
      name: 'Unfold',
      elements: { 'code.coding.system': { card: '1..' } },
    });
    const c = await compile(pkg, [P]);
    const list = ids(c.sd('unfold'));
    const at = list.indexOf('Condition.code');
    expect(list.slice(at, at + 12)).toEqual([
      'Condition.code',
      'Condition.code.id',
      'Condition.code.extension',
      'Condition.code.coding',
      'Condition.code.coding.id',
      'Condition.code.coding.extension',
      'Condition.code.coding.system',
      'Condition.code.coding.version',
      'Condition.code.coding.code',
      'Condition.code.coding.display',
      'Condition.code.coding.userSelected',
      'Condition.code.text',
    ]);
    // an unfolded data-type extension keeps the data type's slicing on url
    expect(c.el('unfold', 'Condition.code.coding.extension').slicing?.discriminator).toEqual([{ type: 'value', path: 'url' }]);
    expect(c.sd('unfold').differential!.element.map((e) => e.id)).toEqual(['Condition.code.coding.system']);
  });

  it('creates slices after the sliced element, starting at min 0 from the parent element', async () => {
    const P = defineProfile(pkg, R4.Patient, {
      id: 'slices',
      name: 'Slices',
      elements: {
        identifier: {
          card: '1..',
          ms: true,
          slicing: slicing.value('system'),
          slices: {
            a: { card: '1..1', elements: { system: { fixed: 'urn:a' } } },
            b: { card: '0..1' },
          },
        },
      },
    });
    const c = await compile(pkg, [P]);
    const list = ids(c.sd('slices'));
    const at = list.indexOf('Patient.identifier');
    expect(list.slice(at, at + 3)).toEqual(['Patient.identifier', 'Patient.identifier:a', 'Patient.identifier:a.id']);
    expect(list).toContain('Patient.identifier:b');
    expect(list.indexOf('Patient.identifier:b')).toBeGreaterThan(list.indexOf('Patient.identifier:a.assigner'));
    expect(c.el('slices', 'Patient.identifier:a')).toMatchObject({ sliceName: 'a', min: 1, max: '1' });
    // the slice starts from the parent's element, not from this profile's (no mustSupport inherited)
    expect(c.el('slices', 'Patient.identifier:b').mustSupport).toBeUndefined();
    expect(c.el('slices', 'Patient.identifier:a.system')).toMatchObject({ fixedUri: 'urn:a' });
  });

  it('closes type slicing and narrows the choice when the only type slice is required', async () => {
    const E = defineExtension(pkg, {
      id: 'ext-q',
      name: 'ExtQ',
      context: ['Observation'],
      elements: {
        'value[x]': { card: '1..', slicing: { discriminator: [{ type: 'type', path: '$this' }], ordered: false, rules: 'open' } },
        valueQuantity: { card: '1..1' },
      },
    });
    const P = defineProfile(pkg, R4.Condition, {
      id: 'onset',
      name: 'Onset',
      elements: { onsetDateTime: { card: '0..1', ms: true } },
    });
    const c = await compile(pkg, [E, P]);
    expect(c.el('ext-q', 'Extension.value[x]')).toMatchObject({ min: 1, slicing: { rules: 'closed' } });
    expect(c.el('ext-q', 'Extension.value[x]').type?.map((t) => t.code)).toEqual(['Quantity']);
    expect(c.el('ext-q', 'Extension.url')).toMatchObject({ fixedUri: 'http://example.org/fhir/StructureDefinition/ext-q' });
    expect(c.el('onset', 'Condition.onset[x]').slicing).toMatchObject({ rules: 'open', discriminator: [{ type: 'type', path: '$this' }] });
    expect(c.el('onset', 'Condition.onset[x]').type).toHaveLength(5);
    expect(c.el('onset', 'Condition.onset[x]:onsetDateTime')).toMatchObject({
      min: 0,
      max: '1',
      mustSupport: true,
      type: [{ code: 'dateTime' }],
    });
  });

  it('starts a profiled data type from the profile root only under the 2024 publisher rules', async () => {
    const rootRule = defineInvariant({
      key: 'test-cp-1',
      severity: 'error',
      human: 'a value',
      expression: 'value.exists()',
      focus: 'ContactPoint',
      examples: { pass: [{ value: '1' }], fail: [{ system: 'phone' }] },
    });
    for (const [rules, expectRoot] of [
      ['publisher-2024', true],
      ['publisher-2025', false],
    ] as const) {
      const p = testPackage(rules);
      const CP = defineProfile(p, R4.ContactPoint, { id: 'cp', name: 'CP', obeys: [rootRule] });
      const Pat = defineProfile(p, R4.Patient, { id: 'pat', name: 'Pat', elements: { telecom: { only: [CP] } } });
      const c = await compile(p, [CP, Pat]);
      const keys = c
        .el('pat', 'Patient.telecom')
        .constraint!.map((x) => x.key)
        .sort();
      expect(keys, rules).toEqual(expectRoot ? ['cpt-2', 'ele-1', 'test-cp-1'] : ['ele-1']);
    }
  });

  it('pins base canonicals to |4.0.1 under the late-2025 publisher rules, not what the profile states', async () => {
    for (const [rules, pinned] of [
      ['publisher-2025', false],
      ['publisher-2025-12', true],
    ] as const) {
      const p = testPackage(rules);
      const Obs = defineProfile(p, R4.Observation, {
        id: 'obs',
        name: 'Obs',
        elements: {
          subject: { only: [Reference(R4.Patient)] },
          'code.coding.system': { card: '1..' },
          'referenceRange.low': { card: '1..' },
        },
      });
      const Child = defineProfile(p, Obs, { id: 'child', name: 'Child', elements: { status: { ms: true } } });
      const c = await compile(p, [Obs, Child]);
      const v = pinned ? '|4.0.1' : '';
      for (const id of ['obs', 'child']) {
        // taken over from the base resource: binding, target profiles, type profiles
        expect(c.el(id, 'Observation.language').binding?.valueSet, rules).toBe(`http://hl7.org/fhir/ValueSet/languages${v}`);
        expect(c.el(id, 'Observation.encounter').type![0]!.targetProfile, rules).toEqual([
          `http://hl7.org/fhir/StructureDefinition/Encounter${v}`,
        ]);
        expect(c.el(id, 'Observation.referenceRange.low').type![0]!.profile, rules).toEqual([
          `http://hl7.org/fhir/StructureDefinition/SimpleQuantity${v}`,
        ]);
        // unfolded from a base data type
        expect(c.el(id, 'Observation.code.coding.extension').type, rules).toEqual([{ code: 'Extension' }]);
        // what the profile states stays unversioned, also in a profile deriving from it
        expect(c.el(id, 'Observation.subject').type![0]!.targetProfile, rules).toEqual(['http://hl7.org/fhir/StructureDefinition/Patient']);
      }
      // only canonicals under http://hl7.org/fhir/ are pinned, not terminology.hl7.org ones
      const Enc = defineProfile(p, R4.Encounter, { id: 'enc', name: 'Enc' });
      const e = await compile(p, [Enc]);
      expect(e.el('enc', 'Encounter.class').binding?.valueSet, rules).toBe('http://terminology.hl7.org/ValueSet/v3-ActEncounterCode');
      expect(e.el('enc', 'Encounter.priority').binding?.valueSet, rules).toBe(`http://terminology.hl7.org/ValueSet/v3-ActPriority`);
      expect(e.el('enc', 'Encounter.type').binding?.valueSet, rules).toBe(`http://hl7.org/fhir/ValueSet/encounter-type${v}`);
      // pins are part of the parent as the snapshot starts, so they are not differences
      expect(c.sd('obs').differential!.element.map((e) => e.id)).toEqual([
        'Observation.code.coding.system',
        'Observation.subject',
        'Observation.referenceRange.low',
      ]);
    }
  });

  it("copies a new slice from this profile's element (children included) only under the 2026 publisher rules", async () => {
    for (const [rules, fromProfile] of [
      ['publisher-2025', false],
      ['publisher-2026', true],
    ] as const) {
      const p = testPackage(rules);
      const E = defineProfile(p, R4.Encounter, {
        id: 'enc',
        name: 'Enc',
        elements: {
          episodeOfCare: {
            slicing: slicing.value('identifier.system'),
            elements: { identifier: { ms: true }, 'identifier.system': { card: '1..' } },
            slices: { a: { card: '0..1', elements: { 'identifier.value': { card: '1..' } } } },
          },
        },
      });
      const c = await compile(p, [E]);
      expect(
        c.diagnostics.filter((d) => d.severity === 'error'),
        rules,
      ).toEqual([]);
      expect(c.el('enc', 'Encounter.episodeOfCare:a.identifier').mustSupport, rules).toBe(fromProfile ? true : undefined);
      expect(c.el('enc', 'Encounter.episodeOfCare:a.identifier.system').min, rules).toBe(fromProfile ? 1 : 0);
      expect(c.el('enc', 'Encounter.episodeOfCare:a.identifier.value').min, rules).toBe(1);
    }
  });

  it('evaluates invariant examples with a Java (?i) inline flag as a case-insensitive regex', async () => {
    const inv = defineInvariant({
      key: 'test-uuid',
      severity: 'error',
      human: 'a UUID',
      focus: 'Identifier.value',
      expression: "$this.matches('(?i)^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[45][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$')",
      examples: { pass: ['urn:uuid:2F4C1E9A-3B7D-4C8E-9A1B-5D6E7F809A1B'], fail: ['urn:uuid:not-a-uuid'] },
    });
    const P = defineProfile(pkg, R4.Identifier, { id: 'uuid-id', name: 'UuidId', elements: { value: { obeys: [inv] } } });
    const c = await compile(pkg, [P]);
    expect(c.diagnostics.filter((d) => d.id.startsWith('compile/invariant'))).toEqual([]);
  });

  it('resolves an implicit (cross-version) package without a declared dependency, and does not ship it', async () => {
    const x = definePackage({
      id: 'example.xver',
      version: '0.1.0',
      canonical: 'http://example.org/xver',
      name: 'X',
      title: 'X',
      dependencies: {},
      coverage: 'partial',
    });
    const Ext = defineExtension(x, { id: 'extension-Patient.thing', name: 'Thing', context: ['Patient'], value: ['string'] });
    const p = definePackage({
      id: 'example.implicit',
      version: '0.1.0',
      canonical: 'http://example.org/fhir',
      name: 'I',
      title: 'I',
      dependencies: {},
      coverage: 'complete',
      implicitPackages: [packageContents(x, [Ext])],
    });
    const P = defineProfile(p, R4.Patient, {
      id: 'pi',
      name: 'PI',
      elements: { extension: { extensions: { thing: { extension: Ext, card: '0..1' } } } },
    });
    const c = await compile(p, [P]);
    expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(c.el('pi', 'Patient.extension:thing').type).toEqual([
      { code: 'Extension', profile: ['http://example.org/xver/StructureDefinition/extension-Patient.thing'] },
    ]);
    expect(c.result.packages.map((k) => k.ir.id)).toEqual(['example.implicit']);
    expect(c.result.packages[0]!.manifest.dependencies).toEqual({ 'hl7.fhir.r4.core': '4.0.1' });
  });

  it('states the root in the differential of a profile that changes no element', async () => {
    const P = defineProfile(pkg, R4.Patient, { id: 'same', name: 'Same', extra: { experimental: true } });
    const c = await compile(pkg, [P]);
    expect(c.sd('same').differential!.element).toEqual([{ id: 'Patient', path: 'Patient' }]);
  });

  it('narrows reference targets to profiles of the parent targets', async () => {
    const Pat = defineProfile(pkg, R4.Patient, { id: 'p2', name: 'P2' });
    const C = defineProfile(pkg, R4.Condition, { id: 'c2', name: 'C2', elements: { subject: { only: [Reference(Pat).bundled()] } } });
    const c = await compile(pkg, [Pat, C]);
    expect(c.el('c2', 'Condition.subject').type).toEqual([
      { code: 'Reference', targetProfile: ['http://example.org/fhir/StructureDefinition/p2'], aggregation: ['bundled'] },
    ]);
  });
});

describe('compiler diagnostics point at the profile source', () => {
  it('reports an unknown path at the key', async () => {
    const P = defineProfile(pkg, R4.Condition, {
      id: 'bad-path',
      name: 'BadPath',
      elements: { ['recordedDat' as 'recordedDate']: { card: '1..' } }, // marker:unknown-path
    });
    const c = await compile(pkg, [P]);
    const d = c.diagnostics.find((x) => x.id === 'compile/unknown-path');
    expect(d).toBeDefined();
    expect(d!.source?.file).toBe(THIS_FILE);
    expect(d!.source?.line).toBe(await lineOf(THIS_FILE, 'marker:unknown-path'));
    expect(c.result.written).toEqual([]);
  });

  it('reports a slice the parent lacks', async () => {
    const P = defineProfile(pkg, R4.Condition, {
      id: 'bad-slice',
      name: 'BadSlice',
      elements: { ['code.coding[ICPC2]' as 'code.coding']: { card: '1..' } },
    });
    const c = await compile(pkg, [P]);
    expect(c.diagnostics.map((x) => x.id)).toContain('compile/unknown-slice');
  });

  it('rejects widening cardinality', async () => {
    const P = defineProfile(pkg, R4.Condition, {
      id: 'widen',
      name: 'Widen',
      elements: { subject: { card: '0..1' } }, // marker:widen
    });
    const c = await compile(pkg, [P]);
    const d = c.diagnostics.find((x) => x.id === 'compile/widening-cardinality');
    expect(d?.source?.line).toBe(await lineOf(THIS_FILE, 'marker:widen'));
  });

  it('rejects a type the parent does not allow', async () => {
    const P = defineProfile(pkg, R4.Condition, { id: 'type', name: 'Type', elements: { 'onset[x]': { only: ['Quantity'] } } });
    const c = await compile(pkg, [P]);
    expect(c.diagnostics.map((x) => x.id)).toContain('compile/type-not-in-parent');
  });

  it('rejects a reference target that does not derive from a parent target', async () => {
    const P = defineProfile(pkg, R4.Condition, {
      id: 'target',
      name: 'Target',
      elements: { subject: { only: [Reference(R4.Practitioner)] } },
    });
    const c = await compile(pkg, [P]);
    expect(c.diagnostics.map((x) => x.id)).toContain('compile/type-not-in-parent');
  });

  it('rejects weakening a required binding', async () => {
    const P = defineProfile(pkg, R4.Condition, {
      id: 'bind',
      name: 'Bind',
      elements: { clinicalStatus: { binding: { strength: 'preferred', valueSet: externalValueSet('http://example.org/vs') } } },
    });
    const c = await compile(pkg, [P]);
    expect(c.diagnostics.map((x) => x.id)).toContain('compile/binding-weakened');
  });

  it('rejects a fixed value that contradicts the parent', async () => {
    const A = defineProfile(pkg, R4.Identifier, { id: 'fa', name: 'FA', elements: { system: { fixed: 'urn:a' } } });
    const B = defineProfile(pkg, A, { id: 'fb', name: 'FB', elements: { system: { fixed: 'urn:b' } } });
    const c = await compile(pkg, [A, B]);
    expect(c.diagnostics.map((x) => x.id)).toContain('compile/fixed-conflict');
  });

  it('requires slicing before slices (except on extensions)', async () => {
    const P = defineProfile(pkg, R4.Patient, {
      id: 'noslicing',
      name: 'NoSlicing',
      elements: { identifier: { slices: { a: { card: '0..1' } } } },
    });
    const c = await compile(pkg, [P]);
    expect(c.diagnostics.map((x) => x.id)).toContain('compile/slicing-missing');
  });
});

describe('invariant examples are evaluated by the build', () => {
  it('accepts an invariant whose examples behave', async () => {
    const inv = defineInvariant({
      key: 'test-1',
      severity: 'error',
      human: 'h',
      expression: "matches('^[0-9]+$')",
      focus: 'Identifier.value',
      examples: { pass: ['123'], fail: ['12a'] },
    });
    const P = defineProfile(pkg, R4.Identifier, { id: 'inv-ok', name: 'InvOk', elements: { value: { obeys: [inv] } } });
    const c = await compile(pkg, [P]);
    expect(c.diagnostics).toEqual([]);
    expect(c.el('inv-ok', 'Identifier.value').constraint?.find((x) => x.key === 'test-1')).toMatchObject({
      source: 'http://example.org/fhir/StructureDefinition/inv-ok',
      severity: 'error',
    });
  });

  it('fails the build when a fail example passes (the never-failing invariant)', async () => {
    // the historic ConditionList bug: parses as (coding.code = 'active') or 'inactive', which is always true
    // marker:never-fails (the diagnostic points at the defineInvariant call, the line below)
    const inv = defineInvariant({
      key: 'test-2',
      severity: 'error',
      human: 'h',
      expression: "coding.code = 'active' or 'inactive'",
      focus: 'CodeableConcept',
      examples: { pass: [{ coding: [{ code: 'active' }] }], fail: [{ coding: [{ code: 'resolved' }] }] },
    });
    const P = defineProfile(pkg, R4.Condition, { id: 'inv-bad', name: 'InvBad', elements: { clinicalStatus: { obeys: [inv] } } });
    const c = await compile(pkg, [P]);
    const d = c.diagnostics.find((x) => x.id === 'compile/invariant-example');
    expect(d?.severity).toBe('error');
    expect(d?.source?.file).toBe(THIS_FILE);
    expect(d?.source?.line).toBe((await lineOf(THIS_FILE, 'marker:never-fails')) + 1);
    expect(c.result.written).toEqual([]);
  });

  it('fails the build when a pass example fails, or the expression does not parse', async () => {
    const a = defineInvariant({
      key: 't-3',
      severity: 'error',
      human: 'h',
      expression: 'value.exists()',
      focus: 'Identifier',
      examples: { pass: [{}], fail: [{}] },
    });
    const b = defineInvariant({
      key: 't-4',
      severity: 'error',
      human: 'h',
      expression: 'value.exists(',
      focus: 'Identifier',
      examples: { pass: [{}], fail: [{}] },
    });
    const P = defineProfile(pkg, R4.Identifier, { id: 'inv-3', name: 'Inv3', obeys: [a, b] });
    const c = await compile(pkg, [P]);
    expect(c.diagnostics.map((x) => x.id).sort()).toEqual(['compile/invariant-example', 'compile/invariant-parse']);
  });

  it('keeps a declared quirk visible and checks it is still reproduced', async () => {
    const quirk = defineInvariant({
      key: 't-5',
      severity: 'error',
      human: 'h',
      expression: "value.matches('^a$')",
      focus: 'Identifier.value',
      examples: { pass: ['a'], fail: [] },
      quirk: { neverFails: 'navigates to value on a string', shouldFail: ['b'] },
    });
    const wrongQuirk = defineInvariant({
      key: 't-6',
      severity: 'error',
      human: 'h',
      expression: "matches('^a$')",
      focus: 'Identifier.value',
      examples: { pass: ['a'], fail: [] },
      quirk: { neverFails: 'claims to never fail but does', shouldFail: ['b'] },
    });
    const P = defineProfile(pkg, R4.Identifier, { id: 'inv-q', name: 'InvQ', elements: { value: { obeys: [quirk, wrongQuirk] } } });
    const c = await compile(pkg, [P]);
    expect(c.diagnostics.filter((d) => d.id === 'compile/invariant-quirk')).toHaveLength(2);
    const errors = c.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('t-6');
  });
});

describe('more compiler diagnostics', () => {
  it('rejects min above max', async () => {
    const P = defineProfile(pkg, R4.Condition, { id: 'minmax', name: 'MinMax', elements: { note: { card: '2..1' } } });
    const c = await compile(pkg, [P]);
    expect(c.diagnostics.map((x) => x.id)).toContain('compile/invalid-cardinality');
  });

  it('reports a parent or extension it cannot resolve', async () => {
    const P = defineProfile(pkg, R4.Condition, {
      id: 'unresolved',
      name: 'Unresolved',
      elements: { extension: { extensions: { x: { extension: 'http://example.org/no-such-extension', card: '0..1' } } } },
    });
    const c = await compile(pkg, [P]);
    expect(c.diagnostics.map((x) => x.id)).toContain('compile/unresolved-canonical');
  });

  it('cannot reach into an element with several types', async () => {
    const P = defineProfile(pkg, R4.Condition, {
      id: 'unfoldable',
      name: 'Unfoldable',
      elements: { ['onset[x].start' as 'onset[x]']: { card: '1..' } },
    });
    const c = await compile(pkg, [P]);
    expect(c.diagnostics.map((x) => x.id)).toContain('compile/unfoldable');
  });

  it('refuses two resources with the same id in a package', async () => {
    const A = defineProfile(pkg, R4.Condition, { id: 'twice', name: 'TwiceA' });
    const B = defineProfile(pkg, R4.Patient, { id: 'twice', name: 'TwiceB' });
    const c = await compile(pkg, [A, B]);
    expect(c.diagnostics.map((x) => x.id)).toContain('compile/duplicate-resource');
  });

  it('refuses to remove mustSupport or relax closed slicing', async () => {
    const A = defineProfile(pkg, R4.Patient, {
      id: 'closed',
      name: 'Closed',
      elements: { name: { ms: true, slicing: slicing.value('use', 'closed'), slices: { official: { card: '0..1' } } } },
    });
    const B = defineProfile(pkg, A, {
      id: 'reopen',
      name: 'Reopen',
      elements: { name: { ms: false, slicing: slicing.value('use', 'open') } },
    });
    const c = await compile(pkg, [A, B]);
    expect(c.diagnostics.filter((x) => x.id === 'compile/invalid-value')).toHaveLength(2);
  });
});

describe('the differential reads like SUSHI’s', () => {
  it('states a new extension slice with its type, and every slice on the way to a constrained child', async () => {
    const E = defineExtension(pkg, { id: 'ext-d', name: 'ExtD', context: ['Patient'], value: ['string'] });
    const A = defineProfile(pkg, R4.Patient, {
      id: 'diff-a',
      name: 'DiffA',
      elements: {
        extension: { extensions: { d: { extension: E, card: '0..1' } } },
        identifier: { slicing: slicing.value('system'), slices: { mrn: { card: '0..1' } } },
      },
    });
    const B = defineProfile(pkg, A, { id: 'diff-b', name: 'DiffB', elements: { 'identifier[mrn].system': { card: '1..' } } });
    const c = await compile(pkg, [E, A, B]);
    const da = c.sd('diff-a').differential!.element;
    expect(da.find((e) => e.id === 'Patient.extension:d')).toMatchObject({
      sliceName: 'd',
      min: 0,
      max: '1',
      type: [{ code: 'Extension', profile: ['http://example.org/fhir/StructureDefinition/ext-d'] }],
    });
    const db = c.sd('diff-b').differential!.element;
    expect(db.map((e) => e.id)).toEqual(['Patient.identifier:mrn', 'Patient.identifier:mrn.system']);
    expect(db[0]).toMatchObject({ sliceName: 'mrn' });
    expect(db[1]).toMatchObject({ min: 1 });
  });

  it('states type slices with their type and leaves the closure to the snapshot', async () => {
    const E = defineExtension(pkg, {
      id: 'ext-cp',
      name: 'ExtCp',
      context: ['Patient'],
      elements: {
        'value[x]': { card: '1..', slicing: { discriminator: [{ type: 'type', path: '$this' }], ordered: false, rules: 'open' } },
        valueContactPoint: { card: '1..1' },
      },
    });
    const c = await compile(pkg, [E]);
    const diff = c.sd('ext-cp').differential!.element;
    expect(diff.find((e) => e.id === 'Extension.value[x]')).toMatchObject({ min: 1, slicing: { rules: 'open' } });
    expect(diff.find((e) => e.id === 'Extension.value[x]')?.type).toBeUndefined();
    expect(diff.find((e) => e.id === 'Extension.value[x]:valueContactPoint')).toMatchObject({
      sliceName: 'valueContactPoint',
      min: 1,
      max: '1',
      type: [{ code: 'ContactPoint' }],
    });
    expect(c.el('ext-cp', 'Extension.value[x]').slicing?.rules).toBe('closed');
  });
});
