import { definePackage } from '../../../src/dsl/index.js';

/** MedCom Core 4.0.0: the layer under Document 2.0.2 and Notes 1.0.0, built on DK Core 3.5.0. */
export const pkg = definePackage({
  id: 'medcom.fhir.dk.core',
  version: '4.0.0',
  canonical: 'http://medcomfhir.dk/ig/core',
  name: 'MedComCore',
  title: 'DK MedCom Core',
  description: "This IG includes core profiles defined by MedCom. These profiles are used in MedCom's FHIR standards",
  dependencies: {
    'hl7.terminology.r4': '7.0.1',
    'hl7.fhir.uv.extensions.r4': '5.2.0',
    'hl7.fhir.dk.core': '3.5.0',
    'medcom.fhir.dk.terminology': '2.0.2',
  },
  coverage: 'partial',
  coverageNote:
    'Every StructureDefinition of MedCom Core 4.0.0; the example instances and the obligation extensions (SHALL:in-narrative) are not re-authored.',
  snapshotRules: 'publisher-2026',
  // pin-canonicals: pin-multiples — the extensions pack is in the closure twice (5.2.0 declared here, 5.3.0-ballot-tc1 via DK Core 3.5.0)
  snapshotPins: { 'http://hl7.org/fhir/StructureDefinition/address-official': '5.3.0-ballot-tc1' },
  defaults: {
    date: '2026-01-13T14:02:50+00:00',
    publisher: 'MedCom',
    contact: [{ name: 'MedCom', telecom: [{ system: 'url', value: 'http://www.medcom.dk' }] }],
    jurisdiction: [{ coding: [{ system: 'urn:iso:std:iso:3166', code: 'DK', display: 'Denmark' }] }],
  },
  manifest: { author: 'MedCom', license: 'CC0-1.0', date: '20260113140250', jurisdiction: 'urn:iso:std:iso:3166#DK' },
});
