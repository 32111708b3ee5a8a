import { defineInstance } from '../../../src/dsl/index.js';
import * as v100 from '../1.0.0-trial-use/instances.js';
import {
  MedComAcknowledgementMessageDefinition,
  MedComCareCommunicationMessageDefinition,
  MedComHomeCareObservationMessageDefinition,
} from './profiles.js';

// unchanged from 1.0.1-trial-use: url without the version, id `…MessageDefinitionV1.1`, responses `…|2.0`
export const MedComAcknowledgementMessageDefinition20 = defineInstance(
  v100.messageDefinition(v100.AcknowledgementMessageDefinition20Spec(MedComAcknowledgementMessageDefinition), 'canonical-version'),
  'definition',
);
export const MedComCareCommunicationMessageDefinition50 = defineInstance(
  v100.messageDefinition(v100.CareCommunicationMessageDefinition50Spec(MedComCareCommunicationMessageDefinition), 'canonical-version'),
  'definition',
);
export const MedComHomeCareObservationMessageDefinition11 = defineInstance(
  v100.messageDefinition(v100.HomeCareObservationMessageDefinition11Spec(MedComHomeCareObservationMessageDefinition), 'canonical-version'),
  'definition',
);
