import { definePackage } from '../../../src/dsl/index.js';

/**
 * MedCom Terminology 2.0.0-draft (the terminology of HomeCareObservation 1.1.0): 1.8.1's code systems and
 * value sets republished, plus the national analysis repertoire as CodeSystems (NPU, MedCom MCS codes).
 */
export const pkg = definePackage({
  id: 'medcom.fhir.dk.terminology',
  version: '2.0.0-draft',
  canonical: 'http://medcomfhir.dk/ig/terminology',
  name: 'DKMedComTerminology',
  title: 'DK MedCom Terminology',
  description: "This IG includes CodeSystems, ValueSets and ConceptMaps defined by MedCom and used in MedCom's FHIR standards.",
  dependencies: { 'hl7.terminology.r4': '6.4.0', 'hl7.fhir.uv.extensions.r4': '5.2.0' },
  coverage: 'partial',
  coverageNote:
    'Every CodeSystem and ValueSet is re-authored; the ConceptMap medcom-messaging-mapFhirToSorEdi (an example in the published package) is not.',
  defaults: {
    // the most frequent resource date; resources dated otherwise say so with `extra: { date }`
    date: '2023-10-31',
    publisher: 'MedCom',
    contact: [{ name: 'MedCom', telecom: [{ system: 'url', value: 'http://www.medcom.dk' }] }],
    jurisdiction: [{ coding: [{ system: 'urn:iso:std:iso:3166', code: 'DK', display: 'Denmark' }] }],
  },
  manifest: {
    author: 'MedCom',
    maintainers: [{ name: 'MedCom', url: 'http://www.medcom.dk' }],
    license: 'CC0-1.0',
    date: '20250707122140',
    jurisdiction: 'urn:iso:std:iso:3166#DK',
  },
});
