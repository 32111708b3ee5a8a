import { definePackage } from '../../../src/dsl/index.js';

/** HL7 Denmark's DK Core 3.4.0 (published 2025-02-01): 3.2.0 plus Location, PractitionerRole, ServiceRequest and the IPA profiles. */
export const pkg = definePackage({
  id: 'hl7.fhir.dk.core',
  version: '3.4.0',
  canonical: 'http://hl7.dk/fhir/core',
  name: 'DKCore',
  title: 'HL7 FHIR Implementation Guide: DK Core',
  description: 'A FHIR Implementation Guide for the Danish common needs across healthcare sectors',
  dependencies: {
    'hl7.terminology.r4': '6.2.0',
    'hl7.fhir.uv.extensions.r4': '5.1.0',
    'hl7.fhir.uv.phd': '1.1.0',
    'hl7.fhir.uv.ipa': '1.0.0',
  },
  coverage: 'partial',
  coverageNote: 'Every StructureDefinition, ValueSet and CodeSystem of DK Core 3.4.0; the examples and NamingSystems are not re-authored.',
  snapshotRules: 'publisher-2025',
  defaults: {
    date: '2025-02-01T19:18:26+01:00',
    publisher: 'HL7 Denmark',
    contact: [
      {
        name: 'HL7 Denmark',
        telecom: [
          { system: 'url', value: 'http://www.hl7.dk' },
          { system: 'email', value: 'jenskristianvilladsen@gmail.com' },
        ],
      },
    ],
    jurisdiction: [{ coding: [{ system: 'urn:iso:std:iso:3166', code: 'DK', display: 'Denmark' }] }],
  },
  manifest: {
    author: 'HL7 Denmark',
    license: 'CC0-1.0',
    date: '20250201191800',
    maintainers: [{ name: 'HL7 Denmark', email: 'jenskristianvilladsen@gmail.com', url: 'http://www.hl7.dk' }],
    jurisdiction: 'urn:iso:std:iso:3166#DK',
  },
});
