import { defineExtension } from '../../../src/dsl/index.js';
import { pkg } from './package.js';

export const DESTINATION_USE_CS = 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-destinationUse';

export const MedComMessagingDestinationUseExtension = defineExtension(pkg, {
  id: 'medcom-messaging-destinationUseExtension',
  name: 'MedComMessagingDestinationUseExtension',
  title: 'MedComDestinationUseExtension',
  description:
    'Indicates whether the use of a destination in a MedCom message header is as a primary or a carbon copy recipient of the message',
  context: ['Element'],
  short: 'MedComDestinationUseExtension',
  value: ['Coding'],
  elements: {
    'value[x]': { card: '1..' },
    'value[x].system': { pattern: DESTINATION_USE_CS },
  },
});
