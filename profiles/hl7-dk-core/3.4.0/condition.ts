import { defineProfile, R4 } from '../../../src/dsl/index.js';
import { DkCoreConditionSpec } from '../3.2.0/condition.js';
import { ConditionLastAssertedDate, NotFollowedAnymore } from './extensions.js';
import { pkg } from './package.js';
import { DkCorePatient } from './patient.js';
import { DkCorePractitionerRole } from './practitioner-role.js';
import { DkCorePractitioner } from './practitioner.js';
import { DkCoreRelatedPerson } from './related-person.js';

/** Recorder and asserter may now be a DK Core PractitionerRole. */
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
