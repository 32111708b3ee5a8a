import { definePackage } from '../../../src/dsl/index.js';

/** MedCom Core 2.4.0: the layer under ConditionList 1.0.1, Document 1.0.1, HCO 1.1.0 and Messaging 3.0.0. */
export const pkg = definePackage({
  id: 'medcom.fhir.dk.core',
  version: '2.4.0',
  canonical: 'http://medcomfhir.dk/ig/core',
  name: 'MedComCore',
  title: 'DK MedCom Core',
  description: 'Danish MedCom Core IG',
  dependencies: {
    'hl7.terminology.r4': '5.5.0',
    'hl7.fhir.uv.extensions.r4': '5.1.0',
    'hl7.fhir.dk.core': '3.2.0',
    'medcom.fhir.dk.terminology': '1.7.0',
  },
  coverage: 'partial',
  coverageNote: 'Every StructureDefinition of MedCom Core 2.4.0; the example instances are not re-authored.',
  snapshotRules: 'publisher-2024',
  defaults: {
    date: '2024-06-27T14:13:17+02:00',
    publisher: 'MedCom',
    contact: [{ name: 'MedCom', telecom: [{ system: 'url', value: 'http://www.medcom.dk' }] }],
    jurisdiction: [{ coding: [{ system: 'urn:iso:std:iso:3166', code: 'DK', display: 'Denmark' }] }],
  },
  manifest: { author: 'MedCom', license: 'CC0-1.0', date: '20240627141227', jurisdiction: 'urn:iso:std:iso:3166#DK' },
});
