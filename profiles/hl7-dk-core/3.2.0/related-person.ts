import type { StructureHandle, ValueSetHandle } from '../../../src/dsl/handles.js';
import { defineProfile, extensible, R4, Reference } from '../../../src/dsl/index.js';
import { DkCoreCprIdentifier, DkCoreDeCprIdentifier, DkCoreXeCprIdentifier } from './identifiers.js';
import { pkg } from './package.js';
import { officialName, personIdentifiersOf } from './person.js';
import { RelatedPersonRelationshipTypes } from './terminology.js';
import { DkCorePatient } from './patient.js';

export interface RelatedPersonRefs {
  readonly Cpr: StructureHandle;
  readonly XeCpr: StructureHandle;
  readonly DeCpr: StructureHandle;
  readonly Patient: StructureHandle;
  readonly RelationshipTypes: ValueSetHandle;
}

export const DkCoreRelatedPersonSpec = (h: RelatedPersonRefs) =>
  ({
    id: 'dk-core-related-person',
    name: 'DkCoreRelatedPerson',
    title: 'Danish Core Related Person Profile',
    description: 'HL7 Denmark core profile for a related person',
    elements: {
      identifier: { ...personIdentifiersOf(h) },
      patient: { only: [Reference(h.Patient)] },
      relationship: { binding: extensible(h.RelationshipTypes) },
      name: officialName,
    },
  }) as const;

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
