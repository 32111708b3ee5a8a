import { defineProfile, extensible, R4, Reference } from '../../../src/dsl/index.js';
import { pkg } from './package.js';
import { officialName, personIdentifiers } from './person.js';
import { RelatedPersonRelationshipTypes } from './terminology.js';
import { DkCorePatient } from './patient.js';

export const DkCoreRelatedPerson = defineProfile(pkg, R4.RelatedPerson, {
  id: 'dk-core-related-person',
  name: 'DkCoreRelatedPerson',
  title: 'Danish Core Related Person Profile',
  description: 'HL7 Denmark core profile for a related person',
  elements: {
    identifier: { ...personIdentifiers },
    patient: { only: [Reference(DkCorePatient)] },
    relationship: { binding: extensible(RelatedPersonRelationshipTypes) },
    name: officialName,
  },
});
