import { defineProfile, extensible, R4, Reference, slicing } from '../../../src/dsl/index.js';
import { DkCoreCprIdentifier, DkCoreDeCprIdentifier, DkCoreXeCprIdentifier } from './identifiers.js';
import { pkg } from './package.js';
import { RelatedPersonRelationshipTypes } from './terminology.js';
import { DkCorePatient } from './patient.js';

export const DkCoreRelatedPerson = defineProfile(pkg, R4.RelatedPerson, {
  id: 'dk-core-related-person',
  name: 'DkCoreRelatedPerson',
  title: 'Danish Core Related Person Profile',
  description: 'HL7 Denmark core profile for a related person',
  elements: {
    identifier: {
      slicing: slicing.value('system'),
      slices: {
        cpr: { card: '0..1', short: '[DA] cpr-nummer, som det fremgår af CPR registeret', only: [DkCoreCprIdentifier] },
        'x-ecpr': { card: '0..1', short: '[DA] X-eCPR, tildelt fra den nationale eCPR service', only: [DkCoreXeCprIdentifier] },
        'd-ecpr': { card: '0..1', short: '[DA] D-eCPR, decentral eCPR', only: [DkCoreDeCprIdentifier] },
      },
    },
    patient: { only: [Reference(DkCorePatient)] },
    relationship: { binding: extensible(RelatedPersonRelationshipTypes) },
    name: {
      slicing: slicing.value('use'),
      slices: {
        official: {
          card: '0..1',
          short: '[DA] Officielt navn, som det fremgår af CPR registeret',
          elements: { use: { card: '1..', fixed: 'official' }, family: { card: '1..' } },
        },
      },
    },
  },
});
