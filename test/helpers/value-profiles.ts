/**
 * Differential-only profiles (snapshots generated on load, as for a `--package` folder) that constrain
 * values: minValue[x] / maxValue[x] of several types, the minLength extension, and R5's mustHaveValue and
 * valueAlternatives as R4 writes them (cross-version extensions). For the types/ value rules' tests.
 */
import type { FhirResource } from '../../src/defs/resource.js';

export const VALUES_PATIENT = 'http://example.org/fhir/StructureDefinition/values-patient';
export const VALUES_OBSERVATION = 'http://example.org/fhir/StructureDefinition/values-observation';
export const VALUES_TIME = 'http://example.org/fhir/StructureDefinition/values-time';
export const VALUES_RECENT = 'http://example.org/fhir/StructureDefinition/values-recent';
/** Identifiers sliced by type and (for one slice only) system: a slice that leaves the system open takes any. */
export const VALUES_SUBTYPE = 'http://example.org/fhir/StructureDefinition/values-subtype';
/** A Patient whose names must fit a HumanName profile that is not available (with a snapshot: see unknownTypeProfile). */
export const VALUES_UNKNOWN_TYPE = 'http://example.org/fhir/StructureDefinition/values-unknown-type';
/** A Patient whose names must fit one of two HumanName profiles (one with a family name, one with a given name). */
export const VALUES_NAMES = 'http://example.org/fhir/StructureDefinition/values-names';

const R5 = 'http://hl7.org/fhir/5.0/StructureDefinition/extension-ElementDefinition.';
const DATA_ABSENT = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';
const ucum = (value: number, code: string): Record<string, unknown> => ({ value, unit: code, system: 'http://unitsofmeasure.org', code });

const profile = (id: string, type: string, elements: Record<string, unknown>[], kind = 'resource'): FhirResource => ({
  resourceType: 'StructureDefinition',
  id,
  url: `http://example.org/fhir/StructureDefinition/${id}`,
  name: id.replace(/(^|-)(\w)/g, (_, _d: string, c: string) => c.toUpperCase()),
  status: 'active',
  fhirVersion: '4.0.1',
  kind,
  abstract: false,
  type,
  baseDefinition: `http://hl7.org/fhir/StructureDefinition/${type}`,
  derivation: 'constraint',
  differential: { element: elements },
});

export function valueProfiles(): FhirResource[] {
  return [
    profile('values-patient', 'Patient', [
      { id: 'Patient.active', path: 'Patient.active', extension: [{ url: `${R5}mustHaveValue`, valueBoolean: true }] },
      { id: 'Patient.gender', path: 'Patient.gender', extension: [{ url: `${R5}valueAlternatives`, valueCanonical: DATA_ABSENT }] },
      { id: 'Patient.birthDate', path: 'Patient.birthDate', minValueDate: '1900-01-01', maxValueDate: '2100-12-31' },
      {
        id: 'Patient.name.family',
        path: 'Patient.name.family',
        extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/minLength', valueInteger: 2 }],
      },
      {
        id: 'Patient.multipleBirth[x]',
        path: 'Patient.multipleBirth[x]',
        type: [{ code: 'integer' }],
        minValueInteger: 1,
        maxValueInteger: 9,
      },
    ]),
    profile('values-observation', 'Observation', [
      { id: 'Observation.value[x]', path: 'Observation.value[x]', type: [{ code: 'Quantity' }] },
      {
        id: 'Observation.valueQuantity',
        path: 'Observation.valueQuantity',
        minValueQuantity: ucum(0, 'kg'),
        maxValueQuantity: ucum(300, 'kg'),
      },
      {
        id: 'Observation.effective[x]',
        path: 'Observation.effective[x]',
        type: [{ code: 'dateTime' }],
        minValueDateTime: '2020-01-01T00:00:00Z',
      },
    ]),
    profile('values-time', 'Observation', [
      {
        id: 'Observation.value[x]',
        path: 'Observation.value[x]',
        type: [{ code: 'time' }],
        minValueTime: '01:00:00',
        maxValueTime: '03:00:00',
      },
    ]),
    // a date within a hundred years back and ten years ahead of now (Durations bounding a date)
    profile('values-recent', 'Patient', [
      { id: 'Patient.birthDate', path: 'Patient.birthDate', minValueDuration: ucum(100, 'a'), maxValueDuration: ucum(10, 'a') },
    ]),
    profile('values-subtype', 'Patient', [
      {
        id: 'Patient.identifier',
        path: 'Patient.identifier',
        slicing: {
          discriminator: [
            { type: 'pattern', path: 'type' },
            { type: 'value', path: 'system' },
          ],
          rules: 'open',
        },
      },
      { id: 'Patient.identifier:mrA', path: 'Patient.identifier', sliceName: 'mrA', min: 1, max: '1' },
      { id: 'Patient.identifier:mrA.type', path: 'Patient.identifier.type', min: 1, patternCodeableConcept: { text: 'MR' } },
      { id: 'Patient.identifier:mrA.system', path: 'Patient.identifier.system', min: 1, fixedUri: 'urn:a' },
      { id: 'Patient.identifier:other', path: 'Patient.identifier', sliceName: 'other', min: 1, max: '1' },
      { id: 'Patient.identifier:other.type', path: 'Patient.identifier.type', min: 1, patternCodeableConcept: { text: 'XX' } },
    ]),
    profile('name-with-family', 'HumanName', [{ id: 'HumanName.family', path: 'HumanName.family', min: 1 }], 'complex-type'),
    profile('name-with-given', 'HumanName', [{ id: 'HumanName.given', path: 'HumanName.given', min: 1 }], 'complex-type'),
    profile('values-names', 'Patient', [
      {
        id: 'Patient.name',
        path: 'Patient.name',
        type: [
          {
            code: 'HumanName',
            profile: [
              'http://example.org/fhir/StructureDefinition/name-with-family',
              'http://example.org/fhir/StructureDefinition/name-with-given',
            ],
          },
        ],
      },
    ]),
  ];
}

/**
 * The values-unknown-type profile, with a snapshot made from base R4's Patient (`patient`): a snapshot
 * generated from a differential leaves out a type profile that does not resolve, a published snapshot keeps it.
 */
export function unknownTypeProfile(patient: FhirResource): FhirResource {
  type Snapshot = { element: { id: string; type?: { code: string; profile?: string[] }[] }[] };
  const snapshot = structuredClone((patient as unknown as { snapshot: Snapshot }).snapshot);
  for (const el of snapshot.element)
    if (el.id === 'Patient.name') el.type = [{ code: 'HumanName', profile: ['http://example.org/fhir/StructureDefinition/no-such-name'] }];
  return { ...profile('values-unknown-type', 'Patient', []), snapshot };
}
