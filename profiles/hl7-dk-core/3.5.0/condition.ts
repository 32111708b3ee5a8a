import { defineProfile, R4 } from '../../../src/dsl/index.js';
import { DkCoreConditionSpec } from '../3.2.0/condition.js';
import { ConditionLastAssertedDate, NotFollowedAnymore } from './extensions.js';
import { pkg } from './package.js';
import { DkCorePatient } from './patient.js';
import { DkCorePractitionerRole } from './practitioner-role.js';
import { DkCorePractitioner } from './practitioner.js';
import { DkCoreRelatedPerson } from './related-person.js';

// Unchanged since 3.4.0.
export const DkCoreCondition = defineProfile(
  pkg,
  R4.Condition,
  DkCoreConditionSpec({
    ConditionLastAssertedDate,
    NotFollowedAnymore,
    Patient: DkCorePatient,
    Practitioner: DkCorePractitioner,
    PractitionerRole: DkCorePractitionerRole,
    RelatedPerson: DkCoreRelatedPerson,
  }),
);
