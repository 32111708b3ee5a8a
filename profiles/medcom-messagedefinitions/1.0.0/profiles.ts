import { defineProfile, R4 } from '../../../src/dsl/index.js';
import * as v100tu from '../1.0.0-trial-use/profiles.js';
import { standardDefinitionSpec } from '../1.0.1-trial-use/profiles.js';
import { pkg } from './package.js';

// unchanged from 1.0.1-trial-use
export const MedComMessagingMessageDefinition = defineProfile(pkg, R4.MessageDefinition, v100tu.MedComMessagingMessageDefinitionSpec);
export const MedComMessagingMessageDefinitionFhir = defineProfile(
  pkg,
  MedComMessagingMessageDefinition,
  v100tu.MedComMessagingMessageDefinitionFhirSpec,
);
export const MedComAcknowledgementMessageDefinition = defineProfile(
  pkg,
  MedComMessagingMessageDefinitionFhir,
  standardDefinitionSpec('Acknowledgement'),
);
export const MedComCareCommunicationMessageDefinition = defineProfile(
  pkg,
  MedComMessagingMessageDefinitionFhir,
  standardDefinitionSpec('CareCommunication'),
);
export const MedComHomeCareObservationMessageDefinition = defineProfile(
  pkg,
  MedComMessagingMessageDefinitionFhir,
  standardDefinitionSpec('HomeCareObservation'),
);
