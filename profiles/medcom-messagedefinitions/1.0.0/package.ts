import { definePackage } from '../../../src/dsl/index.js';
import { messageDefinitionsPublisher } from '../1.0.0-trial-use/package.js';

/**
 * MedCom MessageDefinitions 1.0.0 (2025-09-24), the release of 1.0.1-trial-use: the same
 * profiles and definitions, version and date only.
 */
export const pkg = definePackage({
  id: 'medcom.fhir.dk.messagedefinitions',
  version: '1.0.0',
  canonical: 'http://medcomfhir.dk/ig/messagedefinitions',
  name: 'dkmedcommessagedefinitions',
  title: 'MedCom MessageDefinitions',
  description: 'Collection of all MedCom MessageDefinitions',
  status: 'draft',
  dependencies: {
    'hl7.terminology.r4': '6.5.0',
    'hl7.fhir.uv.extensions.r4': '5.2.0',
    'hl7.fhir.dk.core': '3.4.0',
    'medcom.fhir.dk.core': '2.4.0',
    'medcom.fhir.dk.terminology': '1.8.1',
  },
  coverage: 'complete',
  coverageNote: 'Every StructureDefinition and the three MessageDefinition instances of MedCom MessageDefinitions 1.0.0.',
  snapshotRules: 'publisher-2025-09',
  pinInheritedCanonicals: true,
  ...messageDefinitionsPublisher('2025-09-24T11:31:35+00:00'),
});
