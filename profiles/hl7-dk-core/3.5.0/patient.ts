import { defineProfile, R4 } from '../../../src/dsl/index.js';
import { AddressOfficial } from '../../hl7-fhir-uv-extensions/5.3.0-ballot-tc1/index.js';
import { DkCorePatientSpec340 } from '../3.4.0/patient.js';
import { MunicipalityCodes, RegionalSubDivisionCodes } from './extensions.js';
import { DkCoreCprIdentifier, DkCoreDeCprIdentifier, DkCoreXeCprIdentifier, SORIdentifier } from './identifiers.js';
import { DkCoreOrganization } from './organization.js';
import { pkg } from './package.js';
import { DkCorePractitionerRole } from './practitioner-role.js';
import { DkCorePractitioner } from './practitioner.js';
import { DkMaritalStatusValueSet, ExtendedPatientContactRelationship } from './terminology.js';

// Unchanged since 3.4.0.
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
    ContactRelationship: ExtendedPatientContactRelationship,
    AddressOfficial,
    Organization: DkCoreOrganization,
    Practitioner: DkCorePractitioner,
    PractitionerRole: DkCorePractitionerRole,
  }),
);
