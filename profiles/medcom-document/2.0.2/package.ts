import { definePackage } from '../../../src/dsl/index.js';

/** MedCom Document 2.0.2: the document layer MedCom Notes 1.0.0 builds on (Core 4.0.0, DK Core 3.5.0). */
export const pkg = definePackage({
  id: 'medcom.fhir.dk.document',
  version: '2.0.2',
  canonical: 'http://medcomfhir.dk/ig/document',
  name: 'MedComDocument',
  title: 'DK MedCom Document',
  description: 'The DK MedCom Document IG',
  dependencies: {
    'hl7.terminology.r4': '7.1.0',
    'hl7.fhir.uv.extensions.r4': '5.2.0',
    'medcom.fhir.dk.xdsmetadata': '1.0.1',
    'medcom.fhir.dk.terminology': '2.0.2',
    'medcom.fhir.dk.core': '4.0.0',
    'hl7.fhir.dk.core': '3.5.0',
    'hl7.fhir.uv.xver-r5.r4': '0.1.0',
    'ihe.iti.mhd': '4.2.3',
  },
  coverage: 'partial',
  coverageNote:
    'The StructureDefinitions of MedCom Document 2.0.2 and its TEMP terminology; the example instances and the obligation extensions (SHALL:in-narrative) are not re-authored.',
  snapshotRules: 'publisher-2026',
  // pin-canonicals: pin-multiples — the extensions pack is in the closure twice (5.2.0 declared here, 5.3.0-ballot-tc1 via DK Core 3.5.0)
  snapshotPins: { 'http://hl7.org/fhir/StructureDefinition/address-official': '5.3.0-ballot-tc1' },
  defaults: {
    date: '2026-04-29T08:04:26+00:00',
    publisher: 'MedCom',
    contact: [
      {
        name: 'MedCom',
        telecom: [
          { system: 'url', value: 'http://www.medcom.dk' },
          { system: 'email', value: 'fhir@medcom.dk' },
        ],
      },
    ],
    jurisdiction: [{ coding: [{ system: 'urn:iso:std:iso:3166', code: 'DK', display: 'Denmark' }] }],
  },
  manifest: { author: 'MedCom', license: 'CC0-1.0', date: '20260429080426', jurisdiction: 'urn:iso:std:iso:3166#DK' },
});
