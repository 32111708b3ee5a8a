/**
 * Extensions as the HL7 validator checks them (src/validator/rules/structure/extension*.ts), beside the
 * catalogue's one passing and one failing fixture per rule: every kind of context of use (element paths
 * and types, extensions, FHIRPath, contextInvariant), what is left undecided, modifier use, sub-extensions,
 * Resource.id, and the unknown-extension policy (example urls, cross-version urls).
 */
import { describe, expect, it } from 'vitest';
import { validationDefinitions } from '../../../src/api/validate.js';
import { PackageSource } from '../../../src/defs/package-source.js';
import type { FhirResource } from '../../../src/defs/resource.js';
import type { Validator } from '../../../src/validator/validator.js';
import { crossVersionUrl, isExampleUrl } from '../../../src/validator/rules/structure/extension.js';
import { issuesOf, validate, validatorFor } from '../../helpers/validate.js';

const BASE = 'http://example.org/fhir/StructureDefinition/';
const HL7 = 'http://hl7.org/fhir/StructureDefinition/';

/** A boolean extension (differential only: its snapshot is generated on load) with the given context of use. */
function extension(id: string, context: { type: string; expression: string }[], extra: Record<string, unknown> = {}): FhirResource {
  const url = `${BASE}${id}`;
  return {
    resourceType: 'StructureDefinition',
    id,
    url,
    name: id.replace(/-/g, ''),
    status: 'draft',
    fhirVersion: '4.0.1',
    kind: 'complex-type',
    abstract: false,
    context,
    type: 'Extension',
    baseDefinition: `${HL7}Extension`,
    derivation: 'constraint',
    differential: {
      element: [
        { id: 'Extension.extension', path: 'Extension.extension', max: '0' },
        { id: 'Extension.url', path: 'Extension.url', fixedUri: url },
        { id: 'Extension.value[x]', path: 'Extension.value[x]', min: 1, type: [{ code: 'boolean' }] },
      ],
    },
    ...extra,
  };
}

const el = (expression: string): { type: string; expression: string } => ({ type: 'element', expression });

let validator: Promise<Validator> | undefined;
function extensionsValidator(): Promise<Validator> {
  validator ??= (async () => {
    const defs = await validationDefinitions();
    const source = new PackageSource({ name: 'example.extensions', version: '0.1.0' });
    source.add(
      extension('ctx-multi', [
        el('Patient'),
        el('Patient.name'),
        { type: 'extension', expression: `${HL7}patient-interpreterRequired` },
        { type: 'fhirpath', expression: "Patient.address.where(use = 'home')" },
      ]),
    );
    source.add(extension('ctx-bases', [el('DomainResource'), el('DomainResource.text'), el('BackboneElement')]));
    source.add(extension('ctx-invariant', [el('Patient')], { contextInvariant: ['Patient.active.not()'] }));
    source.add(extension('ctx-r5-type', [el('CanonicalResource')]));
    source.add(extension('ctx-bad-fhirpath', [{ type: 'fhirpath', expression: 'Patient.(((' }]));
    source.add(extension('ctx-element', [el('Element')]));
    source.add(extension('ctx-type-path', [el('HumanName.given')]));
    // a profile that slices an extension in where its definition does not allow it
    source.add({
      resourceType: 'StructureDefinition',
      id: 'org-with-multi',
      url: `${BASE}org-with-multi`,
      name: 'OrgWithMulti',
      status: 'draft',
      fhirVersion: '4.0.1',
      kind: 'resource',
      abstract: false,
      type: 'Organization',
      baseDefinition: `${HL7}Organization`,
      derivation: 'constraint',
      differential: {
        element: [
          {
            id: 'Organization.extension',
            path: 'Organization.extension',
            slicing: { discriminator: [{ type: 'value', path: 'url' }], rules: 'open' },
          },
          {
            id: 'Organization.extension:multi',
            path: 'Organization.extension',
            sliceName: 'multi',
            type: [{ code: 'Extension', profile: [`${BASE}ctx-multi`] }],
          },
        ],
      },
    });
    defs.addPackage(source);
    return validatorFor(defs);
  })();
  return validator;
}

/** Where `structure/extension-context` is reported for the resource. */
async function contextFindings(resource: unknown): Promise<string[]> {
  const r = await validate(resource, [], await extensionsValidator());
  return issuesOf(r, 'structure/extension-context').map((i) => i.location.fhirpath);
}
const on = (id: string): Record<string, unknown> => ({ url: `${BASE}${id}`, valueBoolean: true });

describe('extension context of use', () => {
  it('element contexts: a resource, an element path; anywhere else is reported', async () => {
    expect(await contextFindings({ resourceType: 'Patient', extension: [on('ctx-multi')] })).toEqual([]);
    expect(await contextFindings({ resourceType: 'Patient', name: [{ extension: [on('ctx-multi')], text: 'x' }] })).toEqual([]);
    expect(await contextFindings({ resourceType: 'Patient', _active: { extension: [on('ctx-multi')] }, active: true })).toEqual([
      'Patient.active.extension[0]',
    ]);
    expect(await contextFindings({ resourceType: 'Organization', extension: [on('ctx-multi')], name: 'x' })).toEqual([
      'Organization.extension[0]',
    ]);
  });

  it('an extension context: on that extension’s value, not on another extension’s', async () => {
    const inside = (url: string): Record<string, unknown> => ({
      resourceType: 'Patient',
      extension: [{ url, valueBoolean: true, _valueBoolean: { extension: [on('ctx-multi')] } }],
    });
    expect(await contextFindings(inside(`${HL7}patient-interpreterRequired`))).toEqual([]);
    expect(await contextFindings(inside(`${HL7}patient-cadavericDonor`))).toEqual(['Patient.extension[0].valueBoolean.extension[0]']);
  });

  it('a FHIRPath context: the elements it selects', async () => {
    const address = (use: string): Record<string, unknown> => ({
      resourceType: 'Patient',
      address: [{ use, extension: [on('ctx-multi')] }],
    });
    expect(await contextFindings(address('home'))).toEqual([]);
    expect(await contextFindings(address('work'))).toEqual(['Patient.address[0].extension[0]']);
  });

  it('a type and its bases name the place: DomainResource for a Patient, DomainResource.text, BackboneElement', async () => {
    expect(await contextFindings({ resourceType: 'Patient', extension: [on('ctx-bases')] })).toEqual([]);
    const div = '<div xmlns="http://www.w3.org/1999/xhtml">x</div>';
    expect(await contextFindings({ resourceType: 'Patient', text: { status: 'generated', div, extension: [on('ctx-bases')] } })).toEqual(
      [],
    );
    expect(await contextFindings({ resourceType: 'Patient', contact: [{ extension: [on('ctx-bases')], name: { text: 'x' } }] })).toEqual(
      [],
    );
    expect(await contextFindings({ resourceType: 'Patient', name: [{ extension: [on('ctx-bases')], text: 'x' }] })).toEqual([
      'Patient.name[0].extension[0]',
    ]);
  });

  it('a path in a data type names that element wherever the type is used', async () => {
    const given = { resourceType: 'Patient', name: [{ given: ['Karen'], _given: [{ extension: [on('ctx-type-path')] }] }] };
    expect(await contextFindings(given)).toEqual([]);
    expect(
      await contextFindings({ resourceType: 'Patient', name: [{ family: 'H', _family: { extension: [on('ctx-type-path')] } }] }),
    ).toEqual(['Patient.name[0].family.extension[0]']);
  });

  it('Element admits every place, a resource root too', async () => {
    expect(await contextFindings({ resourceType: 'Organization', extension: [on('ctx-element')], name: 'x' })).toEqual([]);
    expect(await contextFindings({ resourceType: 'Patient', _gender: { extension: [on('ctx-element')] } })).toEqual([]);
  });

  it('a contextInvariant that is false where the extension is used', async () => {
    expect(await contextFindings({ resourceType: 'Patient', extension: [on('ctx-invariant')], active: false })).toEqual([]);
    expect(await contextFindings({ resourceType: 'Patient', extension: [on('ctx-invariant')], active: true })).toEqual([
      'Patient.extension[0]',
    ]);
  });

  it('an extension that matches a profile’s slice is held to its context of use too', async () => {
    const org = { resourceType: 'Organization', meta: { profile: [`${BASE}org-with-multi`] }, extension: [on('ctx-multi')], name: 'x' };
    expect(await contextFindings(org)).toEqual(['Organization.extension[0]']);
  });

  it('decides nothing where it cannot: a type R4 does not define, a FHIRPath that does not evaluate', async () => {
    expect(await contextFindings({ resourceType: 'Patient', extension: [on('ctx-r5-type')] })).toEqual([]);
    expect(await contextFindings({ resourceType: 'Patient', extension: [on('ctx-bad-fhirpath')] })).toEqual([]);
  });

  it('structuredefinition-fhir-type is admitted on ElementDefinition.type, where every R4 snapshot has it', async () => {
    const r = await validate({
      resourceType: 'StructureDefinition',
      url: `${BASE}sd`,
      name: 'Sd',
      status: 'draft',
      kind: 'resource',
      abstract: false,
      type: 'Patient',
      baseDefinition: `${HL7}Patient`,
      derivation: 'constraint',
      differential: {
        element: [
          {
            path: 'Patient.id',
            type: [
              {
                code: 'http://hl7.org/fhirpath/System.String',
                extension: [{ url: `${HL7}structuredefinition-fhir-type`, valueUrl: 'string' }],
              },
            ],
          },
        ],
      },
    });
    expect(issuesOf(r, 'structure/extension-context')).toEqual([]);
  });
});

describe('modifier extensions, sub-extensions, Resource.id', () => {
  it('a modifier extension in extension is reported (request-doNotPerform)', async () => {
    const order = (key: string): Record<string, unknown> => ({
      resourceType: 'NutritionOrder',
      status: 'active',
      intent: 'order',
      patient: { reference: 'Patient/p1' },
      dateTime: '2025-06-03',
      [key]: [{ url: `${HL7}request-doNotPerform`, valueBoolean: true }],
    });
    expect(issuesOf(await validate(order('extension')), 'structure/extension-modifier').map((i) => i.params['expected'])).toEqual([
      'modifierExtension',
    ]);
    expect(issuesOf(await validate(order('modifierExtension')), 'structure/extension-modifier')).toEqual([]);
  });

  it('an absolute url inside a complex extension is an extension of its own, not an unknown sub-extension', async () => {
    const r = await validate({
      resourceType: 'Patient',
      extension: [
        {
          url: `${HL7}patient-nationality`,
          extension: [
            { url: 'code', valueCodeableConcept: { text: 'DK' } },
            { url: `${HL7}data-absent-reason`, valueCode: 'unknown' },
          ],
        },
      ],
    });
    expect(issuesOf(r, 'structure/unknown-sub-extension')).toEqual([]);
  });

  it('an extension on a contained resource’s id is reported too; one on an element id is not', async () => {
    const dar = { extension: [{ url: `${HL7}data-absent-reason`, valueCode: 'masked' }] };
    const r = await validate({
      resourceType: 'Patient',
      contained: [{ resourceType: 'Organization', id: 'o1', _id: dar, name: 'x' }],
      managingOrganization: { reference: '#o1' },
      name: [{ id: 'n1', text: 'x' }],
    });
    expect(issuesOf(r, 'structure/resource-id-extension').map((i) => i.location.fhirpath)).toEqual(['Patient.contained[0].id']);
  });

  it('an empty url is an invalid extension, not an unknown one', async () => {
    const r = await validate({ resourceType: 'Patient', extension: [{ url: '', valueString: 'x' }] });
    expect(issuesOf(r, 'structure/extension-invalid').map((i) => i.params['reason'])).toEqual(['url is empty']);
    expect(issuesOf(r, 'structure/unknown-extension')).toEqual([]);
  });
});

describe('unknown extensions: the policy', () => {
  it('an unknown modifier extension is an error, at an example url a warning', async () => {
    const severity = async (url: string): Promise<string[]> =>
      issuesOf(
        await validate({ resourceType: 'Patient', modifierExtension: [{ url, valueBoolean: true }] }),
        'structure/unknown-extension',
      ).map((i) => i.severity);
    expect(await severity('http://acme.dk/fhir/StructureDefinition/modify')).toEqual(['error']);
    expect(await severity('http://example.org/fhir/StructureDefinition/modify')).toEqual(['warning']);
  });

  it('a cross-version extension we do not hold is not checked (a warning), in modifierExtension too', async () => {
    const r = await validate({
      resourceType: 'DeviceRequest',
      status: 'completed',
      intent: 'original-order',
      codeCodeableConcept: { text: 'x' },
      subject: { reference: 'Patient/p1' },
      modifierExtension: [{ url: 'http://hl7.org/fhir/5.0/StructureDefinition/extension-DeviceRequest.doNotPerform', valueBoolean: true }],
    });
    expect(issuesOf(r, 'structure/cross-version-extension').map((i) => [i.severity, i.params['version']])).toEqual([['warning', '5.0']]);
    expect(issuesOf(r, 'structure/unknown-extension')).toEqual([]);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('recognises cross-version and example urls by their form', () => {
    expect(crossVersionUrl('http://hl7.org/fhir/1.0/StructureDefinition/extension-Patient.animal')).toBe('1.0');
    expect(crossVersionUrl('http://hl7.org/fhir/5.0/StructureDefinition/extension-ValueSet.expansion.contains.property')).toBe('5.0');
    expect(crossVersionUrl('http://hl7.org/fhir/StructureDefinition/patient-animal')).toBeUndefined();
    expect(crossVersionUrl('http://hl7.org/fhir/5.0/StructureDefinition/Patient')).toBeUndefined();
    expect(isExampleUrl('http://example.org/x')).toBe(true);
    expect(isExampleUrl('https://fhir.example.com/x')).toBe(true);
    expect(isExampleUrl('http://test.example/x')).toBe(true);
    expect(isExampleUrl('http://example.dk/x')).toBe(false);
    expect(isExampleUrl('http://notexample.org/x')).toBe(false);
    expect(isExampleUrl('urn:uuid:0c3b3f0e-0000-4000-8000-000000000000')).toBe(false);
  });
});
