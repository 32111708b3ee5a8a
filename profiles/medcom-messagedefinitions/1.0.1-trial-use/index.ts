import { packageContents } from '../../../src/dsl/index.js';
import * as i from './instances.js';
import { pkg } from './package.js';
import * as p from './profiles.js';

export default packageContents(pkg, [
  i.MedComAcknowledgementMessageDefinition20,
  i.MedComCareCommunicationMessageDefinition50,
  i.MedComHomeCareObservationMessageDefinition11,
  p.MedComAcknowledgementMessageDefinition,
  p.MedComCareCommunicationMessageDefinition,
  p.MedComHomeCareObservationMessageDefinition,
  p.MedComMessagingMessageDefinition,
  p.MedComMessagingMessageDefinitionFhir,
]);
