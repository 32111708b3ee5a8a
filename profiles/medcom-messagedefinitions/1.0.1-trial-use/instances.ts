import { defineInstance } from '../../../src/dsl/index.js';
import * as v100 from '../1.0.0-trial-use/instances.js';
import {
  MedComAcknowledgementMessageDefinition,
  MedComCareCommunicationMessageDefinition,
  MedComHomeCareObservationMessageDefinition,
} from './profiles.js';

// 1.0.1-trial-use: the same three definitions, named the canonical way: url without the version
// (`…/MedComHomeCareObservationMessageDefinition`, version 1.1), id `…MessageDefinitionV1.1`,
// allowed responses `…/MedComAcknowledgementMessageDefinition|2.0`
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
