import { defineProfile, Reference } from '../../../src/dsl/index.js';
import { DkCoreCondition } from './condition.js';
import { DkCoreObservation } from './observation.js';
import { pkg } from './package.js';
import { DkCorePatient } from './patient.js';
import { DkCorePractitionerRole } from './practitioner-role.js';
import { DkCorePractitioner } from './practitioner.js';

/**
 * The IPA profiles (new in 3.4.0): a DK Core profile that also imposes the International Patient
 * Access profile of the same resource (`structuredefinition-imposeProfile`). IPA (hl7.fhir.uv.ipa) is
 * a declared dependency we do not load: the imposed profile is named by its canonical.
 */
const imposes = (ipaProfile: string) => ({
  extension: [
    {
      url: 'http://hl7.org/fhir/StructureDefinition/structuredefinition-imposeProfile',
      valueCanonical: `http://hl7.org/fhir/uv/ipa/StructureDefinition/${ipaProfile}`,
    },
  ],
});

export const ipaSpec = <const Id extends string, const Name extends string>(
  id: Id,
  name: Name,
  title: string,
  what: string,
  ipaProfile: string,
) => ({
  id,
  name,
  title,
  description: `HL7 Denmark core profile for IPA and DK Core compliant ${what}`,
  extra: imposes(ipaProfile),
});

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
