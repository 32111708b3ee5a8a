import { definePackage } from '../../../src/dsl/index.js';
import xverR5R4 from '../../hl7-fhir-uv-xver-r5-r4/0.0.1-snapshot-2/index.js';

/**
 * HL7 Denmark's DK Core 3.5.0 (published 2025-12-19): 3.4.0 plus Encounter, a minimal
 * DocumentReference on IHE MHD, and their extensions; NPU and GLN move to their http systems.
 */
export const pkg = definePackage({
  id: 'hl7.fhir.dk.core',
  version: '3.5.0',
  canonical: 'http://hl7.dk/fhir/core',
  name: 'DKCore',
  title: 'HL7 FHIR Implementation Guide: DK Core',
  description: 'A FHIR Implementation Guide for the Danish common needs across healthcare sectors',
  dependencies: {
    'hl7.terminology.r4': '7.0.1',
    'hl7.fhir.uv.extensions.r4': '5.3.0-ballot-tc1',
    'hl7.fhir.uv.phd': '1.1.0',
    'hl7.fhir.uv.ipa': '1.1.0',
    'ihe.iti.mhd': '4.2.3',
  },
  coverage: 'partial',
  coverageNote: 'Every StructureDefinition, ValueSet and CodeSystem of DK Core 3.5.0; the examples and NamingSystems are not re-authored.',
  // base canonicals in the snapshots carry `|4.0.1` (a late-2025 IG Publisher)
  snapshotRules: 'publisher-2025-12',
  defaults: {
    date: '2025-12-19T17:20:16+01:00',
    publisher: 'HL7 Denmark',
    contact: [
      {
        name: 'HL7 Denmark',
        telecom: [
          { system: 'url', value: 'http://www.hl7.dk' },
          { system: 'email', value: 'dk-affiliate@hl7.dk' },
        ],
      },
    ],
    jurisdiction: [{ coding: [{ system: 'urn:iso:std:iso:3166', code: 'DK', display: 'Denmark' }] }],
  },
  manifest: {
    author: 'HL7 Denmark',
    license: 'CC0-1.0',
    date: '20251219172016',
    maintainers: [{ name: 'HL7 Denmark', email: 'dk-affiliate@hl7.dk', url: 'http://www.hl7.dk' }],
    jurisdiction: 'urn:iso:std:iso:3166#DK',
  },
  // the minimal DocumentReference's R5 `DocumentReference.version` extension, which the publisher synthesizes
  implicitPackages: [xverR5R4],
});
