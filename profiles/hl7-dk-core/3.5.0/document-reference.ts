import { defineProfile, example, extensible, externalValueSet, R4, Reference } from '../../../src/dsl/index.js';
import { DocumentReferenceVersion } from '../../hl7-fhir-uv-xver-r5-r4/0.0.1-snapshot-2/index.js';
import { MinimalDocumentReference } from '../../ihe-iti-mhd/4.2.3/index.js';
import { DkCoreOrganization } from './organization.js';
import { pkg } from './package.js';
import { DkCorePatient } from './patient.js';
import { DkCorePractitionerRole } from './practitioner-role.js';
import { DkCorePractitioner } from './practitioner.js';
import { DkCoreRelatedPerson } from './related-person.js';
import { DkCorePracticeSettingCode, SorOrganizationType } from './terminology.js';

/** New in 3.5.0: IHE MHD's Minimal DocumentReference with Danish actors, SOR facility types and practice settings. */
export const DkCoreMinimalDocumentReference = defineProfile(pkg, MinimalDocumentReference, {
  id: 'dk-core-minimaldocumentreference',
  name: 'DkCoreMinimalDocumentReference',
  title: 'Danish Core Minimal DocumentReference Profile',
  description: 'HL7 Denmark core profile for a Minimal DocumentReference inherited from IHE MHD Minimal DocumentReference',
  elements: {
    extension: {
      card: '1..',
      slicing: { discriminator: [{ type: 'value', path: 'url' }], ordered: false, rules: 'open' },
      extensions: {
        versionid: {
          extension: DocumentReferenceVersion,
          card: '1..1',
          short: 'Specifies the version of the DocumentReference profile for a standard.',
        },
      },
    },
    subject: { card: '1..', only: [Reference(DkCorePatient)] },
    author: {
      card: '1..',
      only: [Reference(DkCorePatient, DkCorePractitioner, DkCorePractitionerRole, DkCoreRelatedPerson, DkCoreOrganization, R4.Device)],
    },
    authenticator: { only: [Reference(DkCorePractitioner, DkCorePractitionerRole, DkCoreOrganization)] },
    'context.event': { binding: example(externalValueSet('http://terminology.hl7.org/ValueSet/v3-ActCode', '3.0.0')) },
    'context.facilityType': { binding: extensible(SorOrganizationType) },
    'context.practiceSetting': { binding: extensible(DkCorePracticeSettingCode) },
    'context.sourcePatientInfo': { only: [Reference(DkCorePatient)] },
  },
});
