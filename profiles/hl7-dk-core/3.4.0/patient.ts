import { defineInvariant, defineProfile, R4, Reference } from '../../../src/dsl/index.js';
import { AddressOfficial } from '../../hl7-fhir-uv-extensions/5.1.0/extensions.js';
import type { StructureHandle } from '../../../src/dsl/handles.js';
import { DkCorePatientSpec, maritalStatusUnknownUsageSpec, type PatientRefs } from '../3.2.0/patient.js';
import { MunicipalityCodes, RegionalSubDivisionCodes } from './extensions.js';
import { DkCoreCprIdentifier, DkCoreDeCprIdentifier, DkCoreXeCprIdentifier, SORIdentifier } from './identifiers.js';
import { DkCoreOrganization } from './organization.js';
import { pkg } from './package.js';
import { DkCorePractitionerRole } from './practitioner-role.js';
import { DkCorePractitioner } from './practitioner.js';
import { DkMaritalStatusValueSet, ExtendedPatientContactRelationship } from './terminology.js';

/** Same (still `or`-joined) expression; the human text now explains the constraint. */
export const maritalStatusUnknownUsage = defineInvariant({
  ...maritalStatusUnknownUsageSpec,
  human:
    'The constraint ensures that only permitted forms of marriage can be used in the Danish context, as there will be no authority for other forms. See https://cpr.dk/borgere/hvad-staar-der-om-mig-i-cpr-registerindsigt/hvad-og-hvem-er-registreret-i-cpr-og-hvem-opdaterer-oplysninger-om-dig-i-cpr/',
});

export interface PatientRefs340 extends PatientRefs {
  readonly AddressOfficial: StructureHandle;
  readonly Organization: StructureHandle;
  readonly Practitioner: StructureHandle;
  readonly PractitionerRole: StructureHandle;
}

/** 3.2.0's patient with the official-address extension and DK Core reference targets. */
export const DkCorePatientSpec340 = (h: PatientRefs340) => {
  const base = DkCorePatientSpec(h);
  return {
    ...base,
    obeys: [maritalStatusUnknownUsage],
    elements: {
      ...base.elements,
      'address.extension': {
        extensions: {
          ...base.elements['address.extension'].extensions,
          'address-official': {
            extension: h.AddressOfficial,
            card: '0..1',
            short:
              "Indicate that this address is meant to be the 'official' address for that person. This can be indicated by setting the boolean to 'true' or adding a code for the country, e.g. 'DK'. In Denmark the official is the address registered in the CPR-register, see: https://www.retsinformation.dk/eli/lta/2023/1010.",
          },
        },
      },
      generalPractitioner: { ...base.elements.generalPractitioner, only: [Reference(h.Organization, h.Practitioner, h.PractitionerRole)] },
      managingOrganization: { only: [Reference(h.Organization)] },
    },
  } as const;
};

export const DkCorePatient = defineProfile(
  pkg,
  R4.Patient,
  DkCorePatientSpec340({
    Cpr: DkCoreCprIdentifier,
    XeCpr: DkCoreXeCprIdentifier,
    DeCpr: DkCoreDeCprIdentifier,
    SORIdentifier,
    MunicipalityCodes,
    RegionalSubDivisionCodes,
    MaritalStatus: DkMaritalStatusValueSet,
    // contact relationships: FHIR's patient contact relationships plus DK Core's related person types
    ContactRelationship: ExtendedPatientContactRelationship,
    AddressOfficial,
    Organization: DkCoreOrganization,
    Practitioner: DkCorePractitioner,
    PractitionerRole: DkCorePractitionerRole,
  }),
);
