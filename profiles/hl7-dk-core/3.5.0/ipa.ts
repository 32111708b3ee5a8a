import { defineProfile, Reference } from '../../../src/dsl/index.js';
import { ipaSpec } from '../3.4.0/ipa.js';
import { DkCoreCondition } from './condition.js';
import { DkCoreObservation } from './observation.js';
import { pkg } from './package.js';
import { DkCorePatient } from './patient.js';
import { DkCorePractitionerRole } from './practitioner-role.js';
import { DkCorePractitioner } from './practitioner.js';

// Unchanged since 3.4.0 (on this version's DK Core profiles).
export const IpaDkCorePatient = defineProfile(
  pkg,
  DkCorePatient,
  ipaSpec('ipa-dk-core-patient', 'IpaDkCorePatient', 'Danish IPA Core Patient Profile', 'patients', 'ipa-patient'),
);

export const IpaDkCoreCondition = defineProfile(
  pkg,
  DkCoreCondition,
  ipaSpec('ipa-dk-core-condition', 'IpaDkCoreCondition', 'Danish IPA Core Condition Profile', 'conditions', 'ipa-condition'),
);

export const IpaDkCoreObservation = defineProfile(pkg, DkCoreObservation, {
  ...ipaSpec('ipa-dk-core-observation', 'IpaDkCoreObservation', 'Danish IPA Core Observation Profile', 'observations', 'ipa-observation'),
  elements: { subject: { only: [Reference(IpaDkCorePatient)] } },
});

export const IpaDkCorePractitioner = defineProfile(
  pkg,
  DkCorePractitioner,
  ipaSpec('ipa-dk-core-practitioner', 'IpaDkCorePractitioner', 'Danish IPA Core Practitioner Profile', 'practitioners', 'ipa-practitioner'),
);

export const IpaDkCorePractitionerRole = defineProfile(
  pkg,
  DkCorePractitionerRole,
  ipaSpec(
    'ipa-dk-core-practitionerrole',
    'IpaDkCorePractitionerRole',
    'Danish IPA Core PractitionerRole Profile',
    'practitionerroles',
    'ipa-practitionerrole',
  ),
);
