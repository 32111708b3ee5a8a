import { definePackage } from '../../../src/dsl/index.js';

/**
 * MedCom Terminology 2.0.2 (the terminology of the Notes chain and HomeCareObservation 1.2.x): 2.0.0-draft
 * released, each artifact now with its own version, and concepts with a status and an effective date.
 */
export const pkg = definePackage({
  id: 'medcom.fhir.dk.terminology',
  version: '2.0.2',
  canonical: 'http://medcomfhir.dk/ig/terminology',
  name: 'DKMedComTerminology',
  title: 'DK MedCom Terminology',
  description: "This IG includes CodeSystems, ValueSets and ConceptMaps defined by MedCom and used in MedCom's FHIR standards.",
  dependencies: { 'hl7.terminology.r4': '7.0.0', 'hl7.fhir.uv.extensions.r4': '5.2.0' },
  coverage: 'partial',
  coverageNote:
    'Every CodeSystem and ValueSet is re-authored; the ConceptMap medcom-messaging-mapFhirToSorEdi (an example in the published package) is not.',
  defaults: {
    // the date of the artifacts 2.0.2 did not touch; the others say theirs with `extra: { date }`
    date: '2023-10-31',
    publisher: 'MedCom',
    contact: [{ name: 'MedCom', telecom: [{ system: 'url', value: 'http://www.medcom.dk' }] }],
    jurisdiction: [{ coding: [{ system: 'urn:iso:std:iso:3166', code: 'DK', display: 'Denmark' }] }],
  },
  manifest: {
    author: 'MedCom',
    maintainers: [{ name: 'MedCom', url: 'http://www.medcom.dk' }],
    license: 'CC0-1.0',
    date: '20251203075450',
    jurisdiction: 'urn:iso:std:iso:3166#DK',
  },
});
