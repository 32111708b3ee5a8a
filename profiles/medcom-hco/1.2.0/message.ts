import { defineProfile } from '../../../src/dsl/index.js';
import { MedComMessagingMessage, MedComMessagingMessageHeader } from '../../medcom-messaging/3.0.0/message.js';
import { MedComHomeCareObservationMessageHeaderSpec, MedComHomeCareObservationMessageSpec } from '../1.1.0-trial-use/message.js';
import { RELEASED } from '../1.1.0-trial-use/package.js';
import { medcomHcobsDefinitionUrl } from '../1.1.1-trial-use/message.js';
import { MedComHomeCareObservationDiagnosticReport } from './diagnostic-report.js';
import { pkg } from './package.js';

// 1.2.0: status active, not experimental; the definition-URL invariant is 1.1.1's (`…|1.x`, quirk included)
export const MedComHomeCareObservationMessageHeader = defineProfile(
  pkg,
  MedComMessagingMessageHeader,
  MedComHomeCareObservationMessageHeaderSpec(MedComHomeCareObservationDiagnosticReport, medcomHcobsDefinitionUrl, RELEASED),
);

// 1.2.0: status active, not experimental
export const MedComHomeCareObservationMessage = defineProfile(pkg, MedComMessagingMessage, MedComHomeCareObservationMessageSpec(RELEASED));
