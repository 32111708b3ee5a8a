import { definePackage } from '../../../src/dsl/index.js';

/** MedCom Document 1.0.1: the pre-2.0 document layer MedCom ConditionList 1.0.1 builds on. */
export const pkg = definePackage({
  id: 'medcom.fhir.dk.document',
  version: '1.0.1',
  canonical: 'http://medcomfhir.dk/ig/document',
  name: 'MedComDocument',
  title: 'DK MedCom Document',
  description: 'The DK MedCom Document IG',
  dependencies: {
    'hl7.terminology.r4': '6.3.0',
    'hl7.fhir.uv.extensions.r4': '5.2.0',
    'medcom.fhir.dk.xdsmetadata': '1.0.1',
    'medcom.fhir.dk.core': '2.4.0',
    'hl7.fhir.dk.core': '3.2.0',
  },
  coverage: 'partial',
  coverageNote: 'Every StructureDefinition of MedCom Document 1.0.1; the three example instances are not re-authored.',
  snapshotRules: 'publisher-2025',
  defaults: {
    date: '2025-05-12T13:08:08+00:00',
    publisher: 'MedCom',
    contact: [{ name: 'MedCom', telecom: [{ system: 'url', value: 'http://www.medcom.dk' }] }],
  },
  manifest: { author: 'MedCom', license: 'CC0-1.0', date: '20250512130808' },
});
