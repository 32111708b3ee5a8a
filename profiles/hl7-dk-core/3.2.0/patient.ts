import type { StructureHandle, ValueSetHandle } from '../../../src/dsl/handles.js';
import { defineInvariant, defineProfile, extensible, R4, Reference, slicing } from '../../../src/dsl/index.js';
import { MunicipalityCodes, RegionalSubDivisionCodes } from './extensions.js';
import { DkCoreCprIdentifier, DkCoreDeCprIdentifier, DkCoreXeCprIdentifier, SORIdentifier } from './identifiers.js';
import type { InvariantSpec } from '../../../src/dsl/define-invariant.js';
import { pkg } from './package.js';
import { officialName, personIdentifiersOf } from './person.js';
import { DkMaritalStatusValueSet, RelatedPersonRelationshipTypes } from './terminology.js';

const V3_MARITAL = 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus';

/**
 * Published as is. Note: the expression only fails when *both* P and A are present, because the two
 * `empty()` tests are joined with `or` (an `and` was presumably meant).
 */
export const maritalStatusUnknownUsageSpec = {
  key: 'marital-status-unknown-usage',
  severity: 'warning',
  requirements: 'Marital status is legally unknown in Denmark',
  human:
    'Status in maritalStatus is unknown in a danish context. Consider mapping the value to UNK. See https://cpr.dk/borgere/hvad-staar-der-om-mig-i-cpr-registerindsigt/hvad-og-hvem-er-registreret-i-cpr-og-hvem-opdaterer-oplysninger-om-dig-i-cpr/',
  expression: `maritalStatus.coding.where(code = 'P' and system = '${V3_MARITAL}').empty() or maritalStatus.coding.where(code = 'A' and system = '${V3_MARITAL}').empty()`,
  focus: 'Patient',
  examples: {
    pass: [
      { resourceType: 'Patient', maritalStatus: { coding: [{ system: V3_MARITAL, code: 'M' }] } },
      { resourceType: 'Patient', maritalStatus: { coding: [{ system: V3_MARITAL, code: 'P' }] } },
    ],
    fail: [
      {
        resourceType: 'Patient',
        maritalStatus: {
          coding: [
            { system: V3_MARITAL, code: 'P' },
            { system: V3_MARITAL, code: 'A' },
          ],
        },
      },
    ],
  },
} as const satisfies InvariantSpec;
export const maritalStatusUnknownUsage = defineInvariant(maritalStatusUnknownUsageSpec);

export interface PatientRefs {
  readonly Cpr: StructureHandle;
  readonly XeCpr: StructureHandle;
  readonly DeCpr: StructureHandle;
  readonly SORIdentifier: StructureHandle;
  readonly MunicipalityCodes: StructureHandle;
  readonly RegionalSubDivisionCodes: StructureHandle;
  readonly MaritalStatus: ValueSetHandle;
  readonly ContactRelationship: ValueSetHandle;
}

export const DkCorePatientSpec = (h: PatientRefs) =>
  ({
    id: 'dk-core-patient',
    name: 'DkCorePatient',
    title: 'Danish Core Patient Profile',
    description: 'HL7 Denmark core profile for a patient',
    obeys: [maritalStatusUnknownUsage],
    elements: {
      identifier: { card: '1..', ...personIdentifiersOf(h) },
      name: officialName,
      address: {
        definition:
          'An address for the individual. Danish addresses must comply with directions issued by https://dawa.aws.dk/ and underlying authorities',
      },
      'address.extension': {
        extensions: {
          municipalityCode: { extension: h.MunicipalityCodes, card: '0..1', short: '[DA] Kommunekode' },
          regionalSubDivisionCodes: { extension: h.RegionalSubDivisionCodes, card: '0..1', short: '[DA] Regionskode' },
        },
      },
      maritalStatus: { binding: extensible(h.MaritalStatus) },
      'contact.relationship': { binding: extensible(h.ContactRelationship) },
      generalPractitioner: {
        slicing: slicing.value('identifier.system'),
        slices: {
          referencedSORUnit: {
            card: '0..*',
            short: '[DA] Praktiserende læges SOR-id på sundhedsinstistutionsniveau',
            elements: { identifier: { only: [h.SORIdentifier] } },
          },
        },
      },
      'link.other': {
        only: [
          Reference(
            'http://hl7.dk/fhir/core/StructureDefinition/dk-core-patient',
            'http://hl7.dk/fhir/core/StructureDefinition/dk-core-related-person',
          ),
        ],
      },
    },
  }) as const;

export const DkCorePatient = defineProfile(
  pkg,
  R4.Patient,
  DkCorePatientSpec({
    Cpr: DkCoreCprIdentifier,
    XeCpr: DkCoreXeCprIdentifier,
    DeCpr: DkCoreDeCprIdentifier,
    SORIdentifier,
    MunicipalityCodes,
    RegionalSubDivisionCodes,
    MaritalStatus: DkMaritalStatusValueSet,
    ContactRelationship: RelatedPersonRelationshipTypes,
  }),
);
