import { definePackage } from '../../../src/dsl/index.js';
import { hcoPublisher } from '../1.1.0-trial-use/package.js';

/**
 * MedCom HomeCareObservation 1.2.1 (2025-12-19), a step from 1.2.0: the profiles are 1.2.0's, only
 * version and date change; hl7.terminology.r4 7.0.0 → 7.0.1 (stands in, as before). MedCom's
 * current version. (What the issue lists for 1.2.1 — widened `value[x]`, repinned value sets, the new
 * definition-URL form, draft → active — arrived in 1.1.1-trial-use and 1.2.0; see their package.ts.)
 */
export const pkg = definePackage({
  id: 'medcom.fhir.dk.homecareobservation',
  version: '1.2.1',
  canonical: 'http://medcomfhir.dk/ig/homecareobservation',
  name: 'MedComHomeCareObservation',
  title: 'MedCom HomeCareObservation',
  description: 'Communication between general practitioners and municipal acute care team.',
  status: 'active',
  dependencies: {
    'hl7.terminology.r4': '7.0.1',
    'hl7.fhir.uv.extensions.r4': '5.2.0',
    'hl7.fhir.dk.core': '3.4.0',
    'medcom.fhir.dk.terminology': '2.0.2',
    'medcom.fhir.dk.core': '2.4.0',
    'medcom.fhir.dk.messaging': '3.0.0',
    'medcom.fhir.dk.messagedefinitions': '1.0.1-trial-use',
  },
  coverage: 'partial',
  coverageNote: 'Every StructureDefinition of MedCom HomeCareObservation 1.2.1; the example instances are not re-authored.',
  snapshotRules: 'publisher-2025-12',
  // dk-core and terminology (1.7.0 under Core 2.4.0, 1.8.1 under MessageDefinitions, 2.0.2 declared) appear twice in the closure
  pinInheritedCanonicals: true,
  ...hcoPublisher('2025-12-19T07:50:22+00:00'),
});
