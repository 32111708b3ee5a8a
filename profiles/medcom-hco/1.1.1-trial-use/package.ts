import { definePackage } from '../../../src/dsl/index.js';
import { hcoPublisher } from '../1.1.0-trial-use/package.js';

/**
 * MedCom HomeCareObservation 1.1.1-trial-use (2025-09-17), a step from 1.1.0-trial-use:
 * - 1.1.1: depends on MessageDefinitions 1.0.1-trial-use (unversioned MessageDefinition urls) instead of 1.0.0-trial-use;
 * - 1.1.1: `MessageHeader.definition` is written `…MessageDefinition|1.1` (was `…MessageDefinition1.1`):
 *   the `medcom-hcobs-definition-url` invariant changes accordingly (message.ts, with its quirk);
 * - 1.1.1: built by a September 2025 IG Publisher: `Observation.value[x]` keeps all eleven types beside
 *   the `valueQuantity`/`valueString` slices (1.1.0's snapshot had `Quantity | string`), see `publisher-2025-09`.
 * hl7.terminology.r4 6.5.0 and hl7.fhir.uv.extensions.r4 5.2.0 stand in as for 1.1.0-trial-use:
 * declared, not built here; nothing the profiles inherit comes from them.
 */
export const pkg = definePackage({
  id: 'medcom.fhir.dk.homecareobservation',
  version: '1.1.1-trial-use',
  canonical: 'http://medcomfhir.dk/ig/homecareobservation',
  name: 'MedComHomeCareObservation',
  title: 'MedCom HomeCareObservation',
  description: 'Communication between general practitioners and municipal acute care team.',
  status: 'draft',
  dependencies: {
    'hl7.terminology.r4': '6.5.0',
    'hl7.fhir.uv.extensions.r4': '5.2.0',
    'hl7.fhir.dk.core': '3.4.0',
    'medcom.fhir.dk.terminology': '2.0.0-draft',
    'medcom.fhir.dk.core': '2.4.0',
    'medcom.fhir.dk.messaging': '3.0.0',
    'medcom.fhir.dk.messagedefinitions': '1.0.1-trial-use',
  },
  coverage: 'partial',
  coverageNote: 'Every StructureDefinition of MedCom HomeCareObservation 1.1.1-trial-use; the example instances are not re-authored.',
  snapshotRules: 'publisher-2025-09',
  // dk-core and terminology appear twice in the closure, as for 1.1.0-trial-use
  pinInheritedCanonicals: true,
  ...hcoPublisher('2025-09-17T12:00:23+00:00'),
});
