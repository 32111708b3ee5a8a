import { defineProfile, R4 } from '../../../src/dsl/index.js';
import { DkCorePractitionerSpec } from '../3.2.0/practitioner.js';
import { AuthorizationIdentifier } from './identifiers.js';
import { pkg } from './package.js';
import { DkCoreProfessionGroupValueSet } from './terminology.js';

const base = DkCorePractitionerSpec({ AuthorizationIdentifier, ProfessionGroups: DkCoreProfessionGroupValueSet });

/** A practitioner may hold several official health authorizations; the slicing description's typo is fixed. */
export const DkCorePractitioner = defineProfile(pkg, R4.Practitioner, {
  ...base,
  elements: {
    qualification: {
      ...base.elements.qualification,
      slicing: {
        ...base.elements.qualification.slicing,
        description:
          'Slice based on the identifier.system value which allows for official qualifications to\nDeclaring the slices, and their cardinalities, to allow a KL-code and a SNOMED CT code',
      },
      slices: {
        officialHealthAuthorization: { ...base.elements.qualification.slices.officialHealthAuthorization, card: '0..*' },
      },
    },
  },
});
