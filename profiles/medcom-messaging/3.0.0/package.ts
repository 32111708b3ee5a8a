import { definePackage } from '../../../src/dsl/index.js';

/** MedCom Messaging 3.0.0: the message layer (Bundle, MessageHeader, Provenance, organizations) under HCO 1.1.0. */
export const pkg = definePackage({
  id: 'medcom.fhir.dk.messaging',
  version: '3.0.0',
  canonical: 'http://medcomfhir.dk/ig/messaging',
  name: 'DKMedComMessaging',
  title: 'DK MedCom Messaging',
  description: 'This IG includes messaging profiles defined by MedCom. These profiles are used in messagebased communication',
  dependencies: {
    'hl7.terminology.r4': '6.3.0',
    'hl7.fhir.uv.extensions.r4': '5.2.0',
    'hl7.fhir.dk.core': '3.2.0',
    'medcom.fhir.dk.core': '2.4.0',
  },
  coverage: 'partial',
  coverageNote: 'Every StructureDefinition of MedCom Messaging 3.0.0; the 14 example instances are not re-authored.',
  snapshotRules: 'publisher-2025',
  defaults: {
    date: '2025-05-14T11:02:14+00:00',
    publisher: 'MedCom',
    contact: [{ name: 'MedCom', telecom: [{ system: 'url', value: 'http://www.medcom.dk' }] }],
    jurisdiction: [{ coding: [{ system: 'urn:iso:std:iso:3166', code: 'DK', display: 'Denmark' }] }],
  },
  manifest: {
    author: 'MedCom',
    license: 'CC0-1.0',
    date: '20250514110214',
    jurisdiction: 'urn:iso:std:iso:3166#DK',
    maintainers: [{ name: 'MedCom', url: 'http://www.medcom.dk' }],
  },
});
