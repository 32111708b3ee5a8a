import { definePackage } from '../../../src/dsl/index.js';

/** HL7 Denmark's DK Core 3.2.0: the parts the MedCom ConditionList 1.0.1 chain (and core 2.4.0) build on. */
export const pkg = definePackage({
  id: 'hl7.fhir.dk.core',
  version: '3.2.0',
  canonical: 'http://hl7.dk/fhir/core',
  name: 'DKCore',
  title: 'HL7 FHIR Implementation Guide: DK Core',
  description: 'A FHIR Implementation Guide for the Danish common needs across healthcare sectors',
  dependencies: { 'hl7.terminology.r4': '5.5.0', 'hl7.fhir.uv.extensions.r4': '5.1.0', 'hl7.fhir.uv.phd': '1.0.0' },
  coverage: 'partial',
  coverageNote: 'Every StructureDefinition, ValueSet and CodeSystem of DK Core 3.2.0; the examples and NamingSystems are not re-authored.',
  snapshotRules: 'publisher-2024',
  defaults: {
    date: '2024-05-06T15:21:43+02:00',
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
  manifest: { author: 'HL7 Denmark', license: 'CC0-1.0', date: '20240506152053' },
});
