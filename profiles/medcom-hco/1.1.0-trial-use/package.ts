import { definePackage } from '../../../src/dsl/index.js';
import type { PackageSpec } from '../../../src/dsl/package.js';

/** MedCom HomeCareObservation 1.1.0-trial-use (Kommunale prøvesvar): observations of the municipal acute care team sent to the GP. */
export const pkg = definePackage({
  id: 'medcom.fhir.dk.homecareobservation',
  version: '1.1.0-trial-use',
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
    'medcom.fhir.dk.messagedefinitions': '1.0.0-trial-use',
  },
  coverage: 'partial',
  coverageNote: 'Every StructureDefinition of MedCom HomeCareObservation 1.1.0-trial-use; the 55 example instances are not re-authored.',
  snapshotRules: 'publisher-2025',
  // dk-core (3.2.0 under Core 2.4.0 and Messaging 3.0.0, 3.4.0 declared) and terminology (1.7.0 under
  // Core 2.4.0, 1.8.1 under MessageDefinitions, 2.0.0-draft declared) appear twice in the closure
  pinInheritedCanonicals: true,
  ...hcoPublisher('2025-07-08T10:44:48+00:00'),
});

/** Status of the profiles while a version is trial use (1.1.x): draft and experimental. */
export const TRIAL_USE = { status: 'draft', experimental: true } as const;
/** Status of the profiles of a released version (1.2.0 on): active, not experimental. */
export const RELEASED = { status: 'active' } as const;
export type Lifecycle = typeof TRIAL_USE | typeof RELEASED;

/**
 * MedCom's publisher fields as every HomeCareObservation version carries them (contact, jurisdiction, manifest);
 * `date` as published (ISO 8601); the manifest's date is its digits.
 */
export function hcoPublisher(date: string): Pick<PackageSpec<string, string>, 'defaults' | 'manifest'> {
  return {
    defaults: {
      date,
      publisher: 'MedCom',
      contact: [
        {
          name: 'MedCom',
          telecom: [
            { system: 'url', value: 'http://www.medcom.dk' },
            { system: 'email', value: 'fhir@medcom.dk' },
          ],
        },
      ],
      jurisdiction: [{ coding: [{ system: 'urn:iso:std:iso:3166', code: 'DK', display: 'Denmark' }] }],
    },
    manifest: {
      author: 'MedCom',
      license: 'CC0-1.0',
      date: stamp(date),
      jurisdiction: 'urn:iso:std:iso:3166#DK',
      maintainers: [{ name: 'MedCom', email: 'fhir@medcom.dk', url: 'http://www.medcom.dk' }],
    },
  };
}

/** `2025-07-08T10:44:48+00:00` → `20250708104448` (a function declaration: the package above calls it while the module loads). */
function stamp(iso: string): string {
  return iso.replace(/\D/g, '').slice(0, 14);
}
