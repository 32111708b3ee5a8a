import { definePackage } from '../../../src/dsl/index.js';
import type { PackageSpec } from '../../../src/dsl/package.js';

/** MedCom MessageDefinitions 1.0.0-trial-use: the MessageDefinition profiles and instances HCO 1.1.0 points to. */
export const pkg = definePackage({
  id: 'medcom.fhir.dk.messagedefinitions',
  version: '1.0.0-trial-use',
  canonical: 'http://medcomfhir.dk/ig/messagedefinitions',
  name: 'dkmedcommessagedefinitions',
  title: 'MedCom MessageDefinitions',
  description:
    'The MessageDefinitions IG contains the collection of all MedCom MessageDefinitions inherited from MedComMessagingMessageDefinitionFHIR related to specific MedCom FHIR messaging standards',
  status: 'draft',
  dependencies: {
    'hl7.terminology.r4': '6.4.0',
    'hl7.fhir.uv.extensions.r4': '5.2.0',
    'hl7.fhir.dk.core': '3.4.0',
    'medcom.fhir.dk.core': '2.4.0',
    'medcom.fhir.dk.terminology': '1.8.1',
  },
  coverage: 'complete',
  coverageNote: 'Every StructureDefinition and the three MessageDefinition instances of MedCom MessageDefinitions 1.0.0-trial-use.',
  snapshotRules: 'publisher-2025',
  pinInheritedCanonicals: true,
  ...messageDefinitionsPublisher('2025-06-30T11:01:22+00:00'),
});

/**
 * MedCom's publisher fields as every MessageDefinitions version carries them (two contacts, jurisdiction, manifest);
 * `date` as published (ISO 8601); the manifest's date is its digits.
 */
export function messageDefinitionsPublisher(date: string): Pick<PackageSpec<string, string>, 'defaults' | 'manifest'> {
  return {
    defaults: {
      date,
      publisher: 'MedCom',
      contact: [
        { name: 'MedCom', telecom: [{ system: 'url', value: 'http://www.medcom.dk' }] },
        { name: 'MedCom FHIR Team', telecom: [{ system: 'email', value: 'fhir@medcom.dk', use: 'work' }] },
      ],
      jurisdiction: [{ coding: [{ system: 'urn:iso:std:iso:3166', code: 'DK', display: 'Denmark' }] }],
    },
    manifest: {
      author: 'MedCom',
      license: 'CC0-1.0',
      date: stamp(date),
      jurisdiction: 'urn:iso:std:iso:3166#DK',
      maintainers: [
        { name: 'MedCom', url: 'http://www.medcom.dk' },
        { name: 'MedCom FHIR Team', email: 'fhir@medcom.dk' },
      ],
    },
  };
}

/** `2025-07-08T10:44:48+00:00` → `20250708104448` (a function declaration: the package above calls it while the module loads). */
function stamp(iso: string): string {
  return iso.replace(/\D/g, '').slice(0, 14);
}
