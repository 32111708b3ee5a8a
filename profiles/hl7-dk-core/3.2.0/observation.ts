import type { StructureHandle, ValueSetHandle } from '../../../src/dsl/handles.js';
import { defineInvariant, defineProfile, example, extensible, R4, Reference, slicing } from '../../../src/dsl/index.js';
import { DkCoreOrganization } from './organization.js';
import { pkg } from './package.js';
import {
  IEEEBasicObservation,
  LoincBasicObservation,
  NPUBasicObservation,
  SCTBasicObservation,
  TechniquesSCTCodes,
  UCUMBasicUnits,
} from './terminology.js';
import { DkCorePatient } from './patient.js';
import { DkCorePractitioner } from './practitioner.js';
import { DkCoreRelatedPerson } from './related-person.js';

export const dkCoreObservationMandatoryUnits = defineInvariant({
  key: 'dk-core-observation-mandatory-units',
  severity: 'error',
  human: 'If value is specified then unit and/or code must be specified',
  expression: 'value.ofType(Quantity).value.exists() implies value.ofType(Quantity).unit.exists() or value.ofType(Quantity).code.exists()',
  focus: 'Observation',
  examples: {
    pass: [
      { resourceType: 'Observation', valueQuantity: { value: 72, unit: 'kg' } },
      { resourceType: 'Observation', valueQuantity: { value: 72, system: 'http://unitsofmeasure.org', code: 'kg' } },
      { resourceType: 'Observation', valueString: 'normal' },
    ],
    fail: [{ resourceType: 'Observation', valueQuantity: { value: 72 } }],
  },
});

/** The code slices DK Core puts on Observation.code.coding and Observation.component.code.coding. */
const codeSlices = (skSShort: string, npuSystem: string) =>
  ({
    LOINC: {
      card: '0..1',
      short: 'LOINC code for the observation',
      elements: { system: { card: '1..', fixed: 'http://loinc.org' }, code: { card: '1..' } },
    },
    SNOMEDCT: {
      card: '0..1',
      short: 'SNOMED CT code for the observation',
      elements: { system: { card: '1..', fixed: 'http://snomed.info/sct' }, code: { card: '1..' } },
    },
    NPU: {
      card: '0..1',
      short: 'NPU code for the observation. NPU codes are administred by the Danish Health Data Authority.',
      elements: { system: { card: '1..', fixed: npuSystem }, code: { card: '1..' } },
    },
    IEEE: {
      card: '0..1',
      short: 'IEEE code for the observation',
      elements: { system: { card: '1..', fixed: 'urn:iso:std:iso:11073:10101' }, code: { card: '1..' } },
    },
    MedCom: {
      card: '0..1',
      short: 'MedCom code for the observation. MedCom codes are administred by the MedCom.',
      elements: {
        system: { card: '1..', fixed: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-observation-codes' },
        code: { card: '1..' },
      },
    },
    SKS: { card: '0..1', short: skSShort, elements: { system: { card: '1..', fixed: 'urn:oid:1.2.208.176.2.4' }, code: { card: '1..' } } },
  }) as const;

export interface ObservationRefs {
  readonly Patient: StructureHandle;
  readonly Location: StructureHandle;
  readonly Practitioner: StructureHandle;
  readonly PractitionerRole: StructureHandle;
  readonly Organization: StructureHandle;
  readonly RelatedPerson: StructureHandle;
  readonly Techniques: ValueSetHandle;
  /** The system of the NPU code slices. */
  readonly NpuSystem: string;
}

export const DkCoreObservationSpec = (h: ObservationRefs) =>
  ({
    id: 'dk-core-observation',
    name: 'DkCoreObservation',
    title: 'Danish Core Observation Profiles',
    description: 'HL7 Denmark core profile for observations',
    obeys: [dkCoreObservationMandatoryUnits],
    elements: {
      'code.coding': { slicing: slicing.value('system'), slices: codeSlices('SKS code for the observation', h.NpuSystem) },
      subject: { card: '1..', only: [Reference(h.Patient, R4.Group, h.Location, R4.Device)] },
      performer: { only: [Reference(h.Practitioner, h.Organization, h.Patient, h.PractitionerRole, R4.CareTeam, h.RelatedPerson)] },
      'value[x]': { slicing: { discriminator: [{ type: 'type', path: '$this' }], ordered: false, rules: 'open' } },
      valueQuantity: { card: '0..1', only: ['Quantity'], elements: { system: { pattern: 'http://unitsofmeasure.org' } } },
      'method.coding': {
        slicing: slicing.value('system'),
        slices: {
          SCTCode: {
            card: '0..1',
            binding: example(h.Techniques),
            elements: { system: { card: '1..', pattern: 'http://snomed.info/sct' } },
          },
        },
      },
      device: {
        short:
          'The device used for the measurement. It is recommended that when information about the device is sent, it is contained in the same Bundle as the Observation the device measured.',
      },
      'component.code.coding': { slicing: slicing.value('system'), slices: codeSlices('SKS code for the observation.', h.NpuSystem) },
      'component.value[x]': { slicing: { discriminator: [{ type: 'type', path: '$this' }], ordered: false, rules: 'open' } },
      'component.valueQuantity': { card: '0..1', only: ['Quantity'], elements: { system: { pattern: 'http://unitsofmeasure.org' } } },
    },
  }) as const;

export const DkCoreObservation = defineProfile(
  pkg,
  R4.Observation,
  DkCoreObservationSpec({
    Patient: DkCorePatient,
    Location: R4.Location,
    Practitioner: DkCorePractitioner,
    PractitionerRole: R4.PractitionerRole,
    Organization: DkCoreOrganization,
    RelatedPerson: DkCoreRelatedPerson,
    Techniques: TechniquesSCTCodes,
    NpuSystem: 'urn:oid:1.2.208.176.2.1',
  }),
);

export interface BasicObservationRefs {
  readonly Loinc: ValueSetHandle;
  readonly SCT: ValueSetHandle;
  readonly NPU: ValueSetHandle;
  readonly IEEE: ValueSetHandle;
  readonly Units: ValueSetHandle;
}

export const DkCoreBasicObservationSpec = (h: BasicObservationRefs) =>
  ({
    id: 'dk-core-basic-observation',
    name: 'DkCoreBasicObservation',
    title: 'Danish Core Basic Observation Profile',
    description: 'HL7 Denmark core profile for basic observations, which is a profiling of DkCoreObservation.',
    elements: {
      category: {
        card: '1..1',
        pattern: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] },
      },
      'code.coding': { card: '1..' },
      'code.coding[LOINC]': { card: '1..', binding: extensible(h.Loinc) },
      'code.coding[SNOMEDCT]': { binding: extensible(h.SCT) },
      'code.coding[NPU]': { binding: extensible(h.NPU) },
      'code.coding[IEEE]': { binding: extensible(h.IEEE) },
      valueQuantity: { only: ['Quantity'], elements: { system: { binding: extensible(h.Units) } } },
      'component.valueQuantity': { only: ['Quantity'], elements: { system: { binding: extensible(h.Units) } } },
    },
  }) as const;

export const DkCoreBasicObservation = defineProfile(
  pkg,
  DkCoreObservation,
  DkCoreBasicObservationSpec({
    Loinc: LoincBasicObservation,
    SCT: SCTBasicObservation,
    NPU: NPUBasicObservation,
    IEEE: IEEEBasicObservation,
    Units: UCUMBasicUnits,
  }),
);
