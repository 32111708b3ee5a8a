import type { StructureHandle } from '../../../src/dsl/handles.js';
import { defineProfile, R4, Reference } from '../../../src/dsl/index.js';
import { DkCoreLocation } from './location.js';
import { DkCoreOrganization } from './organization.js';
import { pkg } from './package.js';
import { DkCorePractitioner } from './practitioner.js';

/** New in 3.4.0. */
export const DkCorePractitionerRoleSpec = (h: {
  readonly Practitioner: StructureHandle;
  readonly Organization: StructureHandle;
  readonly Location: StructureHandle;
}) =>
  ({
    id: 'dk-core-practitioner-role',
    name: 'DkCorePractitionerRole',
    title: 'Danish Core PractitionerRole Profile',
    description: 'HL7 Denmark core profile for health professional roles',
    elements: {
      practitioner: { only: [Reference(h.Practitioner)] },
      organization: { only: [Reference(h.Organization)] },
      location: { only: [Reference(h.Location)] },
    },
  }) as const;

export const DkCorePractitionerRole = defineProfile(
  pkg,
  R4.PractitionerRole,
  DkCorePractitionerRoleSpec({
    Practitioner: DkCorePractitioner,
    Organization: DkCoreOrganization,
    Location: DkCoreLocation,
  }),
);
