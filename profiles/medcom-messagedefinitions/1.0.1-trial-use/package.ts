import { definePackage } from '../../../src/dsl/index.js';
import { messageDefinitionsPublisher } from '../1.0.0-trial-use/package.js';

/**
 * MedCom MessageDefinitions 1.0.1-trial-use (2025-09-17), a step from 1.0.0-trial-use:
 * - the MessageDefinitions' urls lose the glued-on version (`…MessageDefinition1.1` →
 *   `…MessageDefinition`, version in `version`), their ids become `…MessageDefinitionV1.1`, and
 *   allowed responses are written `…MessageDefinition|2.0`;
 * - each standard's definition profile fixes that url (`url` pattern);
 * - hl7.terminology.r4 6.4.0 → 6.5.0 (stands in as before: nothing of THO is inherited).
 * HCO 1.1.1-trial-use and later depend on it.
 */
export const pkg = definePackage({
  id: 'medcom.fhir.dk.messagedefinitions',
  version: '1.0.1-trial-use',
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
  coverageNote: 'Every StructureDefinition and the three MessageDefinition instances of MedCom MessageDefinitions 1.0.1-trial-use.',
  snapshotRules: 'publisher-2025-09',
  pinInheritedCanonicals: true,
  ...messageDefinitionsPublisher('2025-09-17T09:41:35+00:00'),
});
