import { packageContents } from '../../../src/dsl/index.js';
import { MedComMessagingDestinationUseExtension } from './extensions.js';
import * as m from './message.js';
import * as md from './messagedefinition.js';
import * as org from './organizations.js';
import { pkg } from './package.js';

export default packageContents(pkg, [
  MedComMessagingDestinationUseExtension,
  m.MedComMessagingMessage,
  m.MedComMessagingMessageHeader,
  md.MedComMessagingMessageDefinitionFhir,
  md.MedComMessagingMessageDefinition,
  org.MedComMessagingOrganization,
  m.MedComMessagingProvenance,
  org.MedComProducerOrganization,
  org.MedComRequesterOrganization,
]);
