import { defineProfile, R4 } from '../../../src/dsl/index.js';
import { DkCoreRelatedPersonSpec } from '../3.2.0/related-person.js';
import { DkCoreCprIdentifier, DkCoreDeCprIdentifier, DkCoreXeCprIdentifier } from './identifiers.js';
import { pkg } from './package.js';
import { DkCorePatient } from './patient.js';
import { RelatedPersonRelationshipTypes } from './terminology.js';

// Unchanged since 3.2.0.
export const DkCoreRelatedPerson = defineProfile(
  pkg,
  R4.RelatedPerson,
  DkCoreRelatedPersonSpec({
    Cpr: DkCoreCprIdentifier,
    XeCpr: DkCoreXeCprIdentifier,
    DeCpr: DkCoreDeCprIdentifier,
    Patient: DkCorePatient,
    RelationshipTypes: RelatedPersonRelationshipTypes,
  }),
);
