import { defineProfile, R4 } from '../../../src/dsl/index.js';
import { DkCoreBasicObservationSpec, DkCoreObservationSpec, type ObservationRefs } from '../3.2.0/observation.js';
import { DkCoreLocation } from './location.js';
import { DkCoreOrganization } from './organization.js';
import { pkg } from './package.js';
import { DkCorePatient } from './patient.js';
import { DkCorePractitionerRole } from './practitioner-role.js';
import { DkCorePractitioner } from './practitioner.js';
import { DkCoreRelatedPerson } from './related-person.js';
import {
  DK_SCT_EDITION,
  DkNpuFragment,
  IEEEBasicObservation,
  LoincBasicObservation,
  NPUBasicObservation,
  SCTBasicObservation,
  TechniquesSCTCodes,
  UCUMBasicUnits,
} from './terminology.js';

/** 3.2.0's observation with the SNOMED CT method slice on the Danish edition. */
export const DkCoreObservationSpec340 = (h: ObservationRefs) => {
  const base = DkCoreObservationSpec(h);
  return {
    ...base,
    title: 'Danish Core Observation Profile',
    elements: {
      ...base.elements,
      // the SNOMED CT method slice's system pattern names the Danish edition (as `system|edition`)
      'method.coding': {
        ...base.elements['method.coding'],
        slices: {
          SCTCode: {
            ...base.elements['method.coding'].slices.SCTCode,
            elements: { system: { card: '1..', pattern: `http://snomed.info/sct|${DK_SCT_EDITION}` } },
          },
        },
      },
    },
  } as const;
};

/** Subject may be a DK Core Location, performer a DK Core PractitionerRole. */
export const DkCoreObservation = defineProfile(
  pkg,
  R4.Observation,
  DkCoreObservationSpec340({
    Patient: DkCorePatient,
    Location: DkCoreLocation,
    Practitioner: DkCorePractitioner,
    PractitionerRole: DkCorePractitionerRole,
    Organization: DkCoreOrganization,
    RelatedPerson: DkCoreRelatedPerson,
    Techniques: TechniquesSCTCodes,
    NpuSystem: DkNpuFragment.url,
  }),
);

// Unchanged since 3.2.0.
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
