import { defineProfile, R4 } from '../../../src/dsl/index.js';
import * as v100 from '../1.0.0-trial-use/profiles.js';
import { messageDefinitionBase } from '../1.0.0-trial-use/instances.js';
import { pkg } from './package.js';

// unchanged from 1.0.0-trial-use
export const MedComMessagingMessageDefinition = defineProfile(pkg, R4.MessageDefinition, v100.MedComMessagingMessageDefinitionSpec);
export const MedComMessagingMessageDefinitionFhir = defineProfile(
  pkg,
  MedComMessagingMessageDefinition,
  v100.MedComMessagingMessageDefinitionFhirSpec,
);

/** 1.0.1-trial-use: each standard's definition profile fixes the (now unversioned) url of its definitions. */
export const standardDefinitionSpec = <const S extends keyof typeof v100.STANDARD_DEFINITIONS>(standard: S) =>
  v100.standardDefinitionSpec(v100.STANDARD_DEFINITIONS[standard], messageDefinitionBase(standard));

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
