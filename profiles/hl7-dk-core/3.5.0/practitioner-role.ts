import { defineProfile, R4 } from '../../../src/dsl/index.js';
import { DkCorePractitionerRoleSpec } from '../3.4.0/practitioner-role.js';
import { DkCoreLocation } from './location.js';
import { DkCoreOrganization } from './organization.js';
import { pkg } from './package.js';
import { DkCorePractitioner } from './practitioner.js';

// Unchanged since 3.4.0.
export const DkCorePractitionerRole = defineProfile(
  pkg,
  R4.PractitionerRole,
  DkCorePractitionerRoleSpec({
    Practitioner: DkCorePractitioner,
    Organization: DkCoreOrganization,
    Location: DkCoreLocation,
  }),
);
