import type { StructureHandle } from '../../../src/dsl/handles.js';
import { defineProfile, R4, Reference } from '../../../src/dsl/index.js';
import { DkCoreOrganization } from './organization.js';
import { pkg } from './package.js';

/** New in 3.4.0. */
export const DkCoreLocationSpec = (h: { readonly Organization: StructureHandle }) =>
  ({
    id: 'dk-core-location',
    name: 'DkCoreLocation',
    title: 'Danish Core Location Profile',
    description: 'HL7 Denmark core profile for locations',
    elements: {
      managingOrganization: { only: [Reference(h.Organization)] },
      // a location is part of another DK Core location (the profile itself, hence the canonical)
      partOf: { only: [Reference('http://hl7.dk/fhir/core/StructureDefinition/dk-core-location')] },
    },
  }) as const;

export const DkCoreLocation = defineProfile(pkg, R4.Location, DkCoreLocationSpec({ Organization: DkCoreOrganization }));
