import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { differentialIds, generateSnapshot, idToRulePath } from '../../src/compiler/from-differential.js';
import type { ED, SD } from '../../src/compiler/element-list.js';
import { BaseR4Source } from '../../src/defs/base-r4.js';
import { loadPackages } from '../../src/defs/load-package.js';
import { PackageSource } from '../../src/defs/package-source.js';
import { Definitions } from '../../src/defs/registry.js';
import type { FhirResource } from '../../src/defs/resource.js';
import { generatingSnapshots } from '../../src/standards/validation.js';

const fixtures = join(import.meta.dirname, '..', 'defs', 'fixtures', 'differential-only');
const base = new BaseR4Source();
const P = 'http://example.org/fhir/StructureDefinition/';

async function definitions(notices: string[]): Promise<Definitions> {
  const defs = new Definitions(base);
  for (const p of await loadPackages(fixtures, { definitionsOnly: true })) defs.addPackage(p);
  generatingSnapshots(defs, (m) => notices.push(m));
  return defs;
}

function element(sd: SD | undefined, id: string): ED | undefined {
  return (sd?.snapshot?.element as ED[] | undefined)?.find((e) => e.id === id);
}

describe('element ids of a differential', () => {
  it('are taken as given, or built from paths with the slice most recently opened', () => {
    const diff = [
      { path: 'Patient.identifier', slicing: { rules: 'open' } },
      { path: 'Patient.identifier', sliceName: 'a' },
      { path: 'Patient.identifier.system' },
      { path: 'Patient.identifier', sliceName: 'b' },
      { path: 'Patient.identifier.value' },
      { path: 'Patient.identifier' },
      { path: 'Patient.identifier.use' },
      { id: 'Patient.name:given', path: 'Patient.name' },
    ] as ED[];
    expect(differentialIds(diff)).toEqual([
      'Patient.identifier',
      'Patient.identifier:a',
      'Patient.identifier:a.system',
      'Patient.identifier:b',
      'Patient.identifier:b.value',
      'Patient.identifier',
      'Patient.identifier.use',
      'Patient.name:given',
    ]);
  });

  it('become the compiler paths, choice type slices by their type name', () => {
    expect(idToRulePath('Patient')).toBe('.');
    expect(idToRulePath('Patient.identifier:cpr.system')).toBe('identifier[cpr].system');
    expect(idToRulePath('Observation.value[x]:valueQuantity.system')).toBe('valueQuantity.system');
    expect(idToRulePath('Extension.extension:a.value[x]')).toBe('extension[a].value[x]');
  });
});

describe('snapshots generated from a differential on first lookup', () => {
  it('apply the differential to the base snapshot (cardinality) and are cached', async () => {
    const notices: string[] = [];
    const defs = await definitions(notices);
    const hit = defs.all().resolve(`${P}patient-born`, 'StructureDefinition');
    const sd = hit?.resource as unknown as SD;
    expect(element(sd, 'Patient.birthDate')?.min).toBe(1);
    expect(element(sd, 'Patient.name')?.min).toBe(0);
    expect(sd.snapshot?.element.length).toBe(
      (base.find('http://hl7.org/fhir/StructureDefinition/Patient')!.resource['snapshot'] as { element: unknown[] }).element.length,
    );
    expect(defs.all().resolve(`${P}patient-born`)).toBe(hit);
    expect(notices).toEqual([]);
  });

  it('over a base that is itself differential-only (slices, fixed values, types, bindings from path-only elements)', async () => {
    const notices: string[] = [];
    const defs = await definitions(notices);
    const sd = defs.all().resolve(`${P}patient-born-named`, 'StructureDefinition')?.resource as unknown as SD;
    expect(element(sd, 'Patient.birthDate')?.min).toBe(1);
    expect(element(sd, 'Patient.name')?.min).toBe(1);
    expect(element(sd, 'Patient.identifier')?.slicing?.discriminator).toEqual([{ type: 'value', path: 'system' }]);
    expect(element(sd, 'Patient.identifier:mrn')).toMatchObject({ sliceName: 'mrn', min: 1, max: '1' });
    expect(element(sd, 'Patient.identifier:mrn.system')).toMatchObject({ min: 1, fixedUri: 'http://example.org/mrn' });
    expect(element(sd, 'Patient.deceased[x]')?.type).toEqual([{ code: 'boolean' }]);
    expect(element(sd, 'Patient.gender')?.binding).toMatchObject({ strength: 'required' });
    expect(notices).toEqual([]);
  });

  it('name the definition and the element a differential cannot be applied to, and apply the rest', async () => {
    const notices: string[] = [];
    const defs = await definitions(notices);
    const sd = defs.all().resolve(`${P}bad-path`, 'StructureDefinition')?.resource as unknown as SD;
    expect(element(sd, 'Patient.gender')?.min).toBe(1);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`${P}bad-path`);
    expect(notices[0]).toContain('nonsense');
  });

  it('stop at a cycle of base definitions with a notice, not a crash', async () => {
    const notices: string[] = [];
    const defs = await definitions(notices);
    const hit = defs.all().resolve(`${P}loop-a`, 'StructureDefinition');
    expect(hit?.resource['snapshot']).toBeUndefined();
    expect(notices.some((n) => n.includes(`${P}loop-a`))).toBe(true);
  });

  it('are not generated without a generator, nor for a specialization', () => {
    const sd = {
      resourceType: 'StructureDefinition',
      url: `${P}x`,
      name: 'X',
      status: 'draft',
      kind: 'logical',
      abstract: false,
      type: 'X',
      baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Element',
      derivation: 'specialization',
      differential: { element: [{ path: 'X' }] },
    } as unknown as SD;
    const r = generateSnapshot(sd, new Definitions(base).all());
    expect(r.snapshot).toBeUndefined();
    expect(r.problems[0]).toContain(`${P}x`);
  });

  it('for a "specialization" of a type into itself (Patient from Patient), and with a differential invariant replacing an inherited one of its key', () => {
    const defs = new Definitions(base);
    const pkg = new PackageSource({ name: 'inline', version: '0.0.1' });
    const sd = (id: string, type: string, baseDefinition: string, derivation: string, element: unknown[]): FhirResource => ({
      resourceType: 'StructureDefinition',
      url: `${P}${id}`,
      id,
      name: id,
      status: 'draft',
      kind: 'complex-type',
      abstract: false,
      type,
      baseDefinition,
      derivation,
      differential: { element },
    });
    const inv = (key: string, expression: string): unknown => ({ key, severity: 'error', human: key, expression });
    pkg.add(sd('self', 'Patient', 'http://hl7.org/fhir/StructureDefinition/Patient', 'specialization', [{ path: 'Patient.name', min: 1 }]));
    pkg.add(
      sd('name1', 'HumanName', 'http://hl7.org/fhir/StructureDefinition/HumanName', 'constraint', [
        { path: 'HumanName.given', constraint: [inv('test1', 'false'), inv('test2', 'false or false')] },
      ]),
    );
    pkg.add(sd('name2', 'HumanName', `${P}name1`, 'constraint', [{ path: 'HumanName.given', constraint: [inv('test2', 'true')] }]));
    defs.addPackage(pkg);
    const notices: string[] = [];
    generatingSnapshots(defs, (m) => notices.push(m));
    const self = defs.all().resolve(`${P}self`)?.resource as unknown as SD;
    expect(element(self, 'Patient.name')?.min).toBe(1);
    expect(self.kind).toBe('resource');
    const name2 = defs.all().resolve(`${P}name2`)?.resource as unknown as SD;
    const given = (element(name2, 'HumanName.given')?.constraint ?? []).filter((c) => c.key.startsWith('test'));
    expect(given.map((c) => [c.key, c.expression])).toEqual([
      ['test1', 'false'],
      ['test2', 'true'],
    ]);
    expect(notices).toEqual([]);
  });
  it('keep a type or target profile that cannot be resolved, as stated, and unfold the element’s children from its base type', () => {
    const sd = {
      resourceType: 'StructureDefinition',
      url: `${P}org-unknown-type-profile`,
      name: 'OrgUnknownTypeProfile',
      status: 'draft',
      kind: 'resource',
      abstract: false,
      type: 'Organization',
      baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Organization',
      derivation: 'constraint',
      differential: {
        element: [
          { id: 'Organization.meta', path: 'Organization.meta', min: 1, type: [{ code: 'Meta', profile: [`${P}no-such-meta`] }] },
          {
            id: 'Organization.identifier',
            path: 'Organization.identifier',
            type: [{ code: 'Identifier', profile: [`${P}no-such-identifier`] }],
          },
          { id: 'Organization.identifier.use', path: 'Organization.identifier.use', max: '0' },
          {
            id: 'Organization.endpoint',
            path: 'Organization.endpoint',
            type: [{ code: 'Reference', targetProfile: [`${P}no-such-endpoint`], aggregation: ['bundled'] }],
          },
        ],
      },
    } as unknown as SD;
    const r = generateSnapshot(sd, new Definitions(base).all());
    expect(r.problems).toEqual([]);
    const snap = { snapshot: { element: r.snapshot } } as unknown as SD;
    expect(element(snap, 'Organization.meta')?.type).toEqual([{ code: 'Meta', profile: [`${P}no-such-meta`] }]);
    expect(element(snap, 'Organization.meta')?.min).toBe(1);
    expect(element(snap, 'Organization.identifier')?.type?.[0]?.profile).toEqual([`${P}no-such-identifier`]);
    expect(element(snap, 'Organization.identifier.use')?.max).toBe('0');
    expect(element(snap, 'Organization.endpoint')?.type).toEqual([
      { code: 'Reference', targetProfile: [`${P}no-such-endpoint`], aggregation: ['bundled'] },
    ]);
  });
  it('take a backbone element typed with a profile’s element (elementdefinition-profile-element) from that element', () => {
    const defs = new Definitions(base);
    const pkg = new PackageSource({ name: 'inline-sections', version: '0.0.1' });
    const composition = (id: string, element: unknown[]): FhirResource => ({
      resourceType: 'StructureDefinition',
      url: `${P}${id}`,
      id,
      name: id,
      status: 'draft',
      kind: 'resource',
      abstract: false,
      type: 'Composition',
      baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Composition',
      derivation: 'constraint',
      differential: { element },
    });
    const code = (c: string): unknown => ({ coding: [{ system: 'http://example.org/cs', code: c }] });
    pkg.add(
      composition('section-library', [
        { path: 'Composition.section', slicing: { discriminator: [{ type: 'pattern', path: 'code' }], rules: 'open' } },
        { path: 'Composition.section', sliceName: 'a' },
        { path: 'Composition.section.code', min: 1, patternCodeableConcept: code('a') },
        { path: 'Composition.section.focus', min: 1 },
      ]),
    );
    const typed = (sliceName: string, element: string): unknown => ({
      path: 'Composition.section',
      sliceName,
      min: 1,
      type: [
        {
          code: 'BackboneElement',
          profile: [`${P}section-library`],
          _profile: [
            { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/elementdefinition-profile-element', valueString: element }] },
          ],
        },
      ],
    });
    pkg.add(
      composition('document', [
        { path: 'Composition.section', slicing: { discriminator: [{ type: 'pattern', path: 'code' }], rules: 'closed' } },
        typed('sa', 'Composition.section:a'),
      ]),
    );
    pkg.add(composition('document-wrong', [typed('sa', 'Composition.section:nonsense')]));
    defs.addPackage(pkg);
    const notices: string[] = [];
    generatingSnapshots(defs, (m) => notices.push(m));
    const doc = defs.all().resolve(`${P}document`)?.resource as unknown as SD;
    expect(element(doc, 'Composition.section:sa')?.min).toBe(1);
    expect(element(doc, 'Composition.section:sa')?.type).toEqual([{ code: 'BackboneElement' }]);
    expect(element(doc, 'Composition.section:sa.code')?.patternCodeableConcept).toEqual(code('a'));
    expect(element(doc, 'Composition.section:sa.focus')?.min).toBe(1);
    expect(notices).toEqual([]);
    defs.all().resolve(`${P}document-wrong`);
    expect(notices.some((n) => n.includes('document-wrong') && n.includes('Composition.section:nonsense'))).toBe(true);
  });
});
