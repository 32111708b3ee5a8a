import { defineProfile, R4 } from '../../../src/dsl/index.js';
import { DkCorePractitionerSpec } from '../3.2.0/practitioner.js';
import { AuthorizationIdentifier } from './identifiers.js';
import { pkg } from './package.js';
import { DkCoreProfessionGroupValueSet } from './terminology.js';

// Unchanged since 3.2.0.
export const DkCorePractitioner = defineProfile(
  pkg,
  R4.Practitioner,
  DkCorePractitionerSpec({
    AuthorizationIdentifier,
    ProfessionGroups: DkCoreProfessionGroupValueSet,
  }),
);
