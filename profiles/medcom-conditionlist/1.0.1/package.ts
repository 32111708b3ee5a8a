import { definePackage } from '../../../src/dsl/index.js';

/** MedCom Condition List 1.0.1 (Diagnoseoversigt): the GP's condition list as a FHIR document. */
export const pkg = definePackage({
  id: 'medcom.fhir.dk.conditionlist',
  version: '1.0.1',
  canonical: 'http://medcomfhir.dk/ig/conditionlist',
  name: 'MedComConditionList',
  title: 'DK MedCom Condition List',
  description: 'The MedCom ConditionList Implementation Guide includes profiles developed exchange a patients diagnoses in a FHIR-document',
  dependencies: {
    'hl7.terminology.r4': '6.3.0',
    'hl7.fhir.uv.extensions.r4': '5.2.0',
    'medcom.fhir.dk.terminology': '1.8.1',
    'medcom.fhir.dk.core': '2.4.0',
    'medcom.fhir.dk.document': '1.0.1',
    'medcom.fhir.dk.xdsmetadata': '1.0.1',
    'hl7.fhir.dk.core': '3.2.0',
  },
  coverage: 'partial',
  coverageNote:
    'Every StructureDefinition of MedCom Condition List 1.0.1; the published example instances are not copied (our own examples live in examples/).',
  snapshotRules: 'publisher-2025',
  defaults: {
    date: '2025-05-13T06:30:33+00:00',
    publisher: 'MedCom',
    contact: [{ name: 'MedCom', telecom: [{ system: 'url', value: 'http://www.medcom.dk' }] }],
  },
  manifest: { author: 'MedCom', license: 'CC0-1.0', date: '20250513063033' },
});
