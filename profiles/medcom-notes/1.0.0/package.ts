import { definePackage } from '../../../src/dsl/index.js';

/** MedCom Notes 1.0.0 ("Shared Notes", Deling af journalnotater): one GP journal note per FHIR document. */
export const pkg = definePackage({
  id: 'medcom.fhir.dk.notes',
  version: '1.0.0',
  canonical: 'http://medcomfhir.dk/ig/notes',
  name: 'MedComNotes',
  title: 'DK MedCom Notes',
  description: 'The DK MedCom Notes IG',
  dependencies: {
    'hl7.terminology.r4': '7.1.0',
    'hl7.fhir.uv.extensions.r4': '5.2.0',
    'ihe.iti.mhd': '4.2.3',
    'hl7.fhir.dk.core': '3.5.0',
    'medcom.fhir.dk.core': '4.0.0',
    'medcom.fhir.dk.terminology': '2.0.2',
    'medcom.fhir.dk.xdsmetadata': '1.0.1',
    'medcom.fhir.dk.document': '2.0.2',
    'hl7.fhir.uv.xver-r5.r4': '0.1.0',
  },
  coverage: 'partial',
  coverageNote:
    'Every StructureDefinition of MedCom Notes 1.0.0; the example instances, the ProducerActor ActorDefinition and the obligation extensions (SHALL:in-narrative) are not re-authored.',
  snapshotRules: 'publisher-2026',
  // pin-canonicals: pin-multiples — the extensions pack is in the closure twice (5.2.0 declared here, 5.3.0-ballot-tc1 via DK Core 3.5.0)
  snapshotPins: { 'http://hl7.org/fhir/StructureDefinition/address-official': '5.3.0-ballot-tc1' },
  defaults: {
    date: '2026-05-13T11:50:29+00:00',
    publisher: 'MedCom',
    contact: [{ name: 'MedCom', telecom: [{ system: 'url', value: 'http://www.medcom.dk' }] }],
    jurisdiction: [{ coding: [{ system: 'urn:iso:std:iso:3166', code: 'DK', display: 'Denmark' }] }],
  },
  manifest: { author: 'MedCom', license: 'CC0-1.0', date: '20260513115029', jurisdiction: 'urn:iso:std:iso:3166#DK' },
});
