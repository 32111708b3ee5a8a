import { defineProfile, R4 } from '../../../src/dsl/index.js';
import { DkCorePersonServiceRequestSpec } from '../3.4.0/service-request.js';
import { DkCoreCondition } from './condition.js';
import { DkCoreObservation } from './observation.js';
import { DkCoreOrganization } from './organization.js';
import { pkg } from './package.js';
import { DkCorePatient } from './patient.js';
import { DkCorePractitionerRole } from './practitioner-role.js';
import { DkCorePractitioner } from './practitioner.js';
import { DkCoreRelatedPerson } from './related-person.js';
import { DkCorePriorityCodes, DkCoreServiceRequestCodes } from './terminology.js';

// Unchanged since 3.4.0.
export const DkCorePersonServiceRequest = defineProfile(
  pkg,
  R4.ServiceRequest,
  DkCorePersonServiceRequestSpec({
    Patient: DkCorePatient,
    Practitioner: DkCorePractitioner,
    PractitionerRole: DkCorePractitionerRole,
    Organization: DkCoreOrganization,
    RelatedPerson: DkCoreRelatedPerson,
    Condition: DkCoreCondition,
    Observation: DkCoreObservation,
    Categories: DkCoreServiceRequestCodes,
    Priorities: DkCorePriorityCodes,
  }),
);
