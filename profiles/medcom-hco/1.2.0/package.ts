import { definePackage } from '../../../src/dsl/index.js';
import { hcoPublisher } from '../1.1.0-trial-use/package.js';

/**
 * MedCom HomeCareObservation 1.2.0 (2025-12-03), a step from 1.1.1-trial-use:
 * - 1.2.0: released: every profile `status: active` and no longer `experimental` (1.1.x: draft, experimental);
 * - 1.2.0: terminology 2.0.0-draft → 2.0.2: the observation's interpretation binding is pinned to
 *   `medcom-core-interpreation-valueset|1.8.2` (was `|2.0.0-draft`), and what the profiles inherit from
 *   terminology is pinned to 2.0.2's versions (observation status 1.8.2, report status 1.8.1, …);
 * - 1.2.0: hl7.terminology.r4 6.5.0 → 7.0.0 (stands in, as before);
 * - 1.2.0: built by a December 2025 IG Publisher: base FHIR canonicals in unfolded data types carry `|4.0.1`
 *   (`publisher-2025-12`, e.g. the report's `meta.security` binding).
 * Unchanged: the definition-URL invariant (1.1.1's form and quirk), MessageDefinitions 1.0.1-trial-use.
 */
export const pkg = definePackage({
  id: 'medcom.fhir.dk.homecareobservation',
  version: '1.2.0',
  canonical: 'http://medcomfhir.dk/ig/homecareobservation',
  name: 'MedComHomeCareObservation',
  title: 'MedCom HomeCareObservation',
  description: 'Communication between general practitioners and municipal acute care team.',
  status: 'active',
  dependencies: {
    'hl7.terminology.r4': '7.0.0',
    'hl7.fhir.uv.extensions.r4': '5.2.0',
    'hl7.fhir.dk.core': '3.4.0',
    'medcom.fhir.dk.terminology': '2.0.2',
    'medcom.fhir.dk.core': '2.4.0',
    'medcom.fhir.dk.messaging': '3.0.0',
    'medcom.fhir.dk.messagedefinitions': '1.0.1-trial-use',
  },
  coverage: 'partial',
  coverageNote: 'Every StructureDefinition of MedCom HomeCareObservation 1.2.0; the example instances are not re-authored.',
  snapshotRules: 'publisher-2025-12',
  // dk-core and terminology (1.7.0 under Core 2.4.0, 1.8.1 under MessageDefinitions, 2.0.2 declared) appear twice in the closure
  pinInheritedCanonicals: true,
  ...hcoPublisher('2025-12-03T12:34:53+00:00'),
});
