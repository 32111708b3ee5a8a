import { defineExtension } from '../../../src/dsl/index.js';
import {
  contactExtensionSpec,
  dateTimeExtensionSpec,
  identifierExtensionSpec,
  practitionerExtensionSpec,
  senderExtensionSpec,
} from '../2.4.0/extensions.js';
import { MedComAssignedIdentifier } from './datatypes.js';
import { pkg } from './package.js';

/* The five extensions of 2.4.0, unchanged (only SHALL:in-narrative obligations were added, which we do not author). */
export const MedComCoreContactExtension = defineExtension(pkg, contactExtensionSpec);
export const MedComCoreDateTimeExtension = defineExtension(pkg, dateTimeExtensionSpec);
export const MedComCoreIdentifierExtension = defineExtension(pkg, identifierExtensionSpec(MedComAssignedIdentifier));
export const MedComCorePractitionerExtension = defineExtension(pkg, practitionerExtensionSpec);
export const MedComCoreSenderExtension = defineExtension(pkg, senderExtensionSpec);

/** New in 4.0.0: an Observation value of type Attachment (R4's value[x] has no Attachment). */
export const MedComObservationValueAttachmentExtension = defineExtension(pkg, {
  id: 'medcom-observation-value-attachment-extension',
  name: 'MedComObservationValueAttachmentExtension',
  title: 'MedCom Observation ValueAttachment Extension',
  description: 'Generic extension for Observation value as Attachment type.',
  context: ['Observation', 'Observation.extension'],
  short: 'Observation value as attachment.',
  value: ['Attachment'],
});
