import { defineProfile, extensible, R4 } from '../../../src/dsl/index.js';
import { DkCoreBasicObservationSpec } from '../3.2.0/observation.js';
import { DkCoreObservationSpec340 } from '../3.4.0/observation.js';
import { DkCoreLocation } from './location.js';
import { DkCoreOrganization } from './organization.js';
import { pkg } from './package.js';
import { DkCorePatient } from './patient.js';
import { DkCorePractitionerRole } from './practitioner-role.js';
import { DkCorePractitioner } from './practitioner.js';
import { DkCoreRelatedPerson } from './related-person.js';
import {
  DkNpuFragment,
  IEEEBasicObservation,
  LoincBasicObservation,
  NPUBasicObservation,
  SCTBasicObservation,
  TechniquesSCTCodes,
  UCUMBasicUnits,
} from './terminology.js';

/** As 3.4.0; the NPU slices follow the NPU code system to http://npu-terminology.org. */
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

const basic = DkCoreBasicObservationSpec({
  Loinc: LoincBasicObservation,
  SCT: SCTBasicObservation,
  NPU: NPUBasicObservation,
  IEEE: IEEEBasicObservation,
  Units: UCUMBasicUnits,
});

/** The UCUM unit binding moves from the quantity's system to its code. */
export const DkCoreBasicObservation = defineProfile(pkg, DkCoreObservation, {
  ...basic,
  elements: {
    ...basic.elements,
    valueQuantity: { only: ['Quantity'], elements: { code: { binding: extensible(UCUMBasicUnits) } } },
    'component.valueQuantity': { only: ['Quantity'], elements: { code: { binding: extensible(UCUMBasicUnits) } } },
  },
});
