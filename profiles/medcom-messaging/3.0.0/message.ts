import { assuming, defineInvariant, defineProfile, R4, Reference, required } from '../../../src/dsl/index.js';
import { DESTINATION_USE_CS, MedComMessagingDestinationUseExtension } from './extensions.js';
import { MedComMessagingOrganization } from './organizations.js';
import { MedComMessagingActivityCodesValueSet, MedComMessagingMessageTypes } from '../../medcom-core/2.4.0/terminology.js';
import { pkg } from './package.js';

const MESSAGING = 'http://medcomfhir.dk/ig/messaging/StructureDefinition/';

export const MedComMessagingMessageHeader = defineProfile(pkg, R4.MessageHeader, {
  id: 'medcom-messaging-messageHeader',
  name: 'MedComMessagingMessageHeader',
  description: 'MessageHeader for MedCom messages',
  elements: {
    id: { card: '1..', ms: true, short: 'Each message shall include a globally unique id.' },
    text: {
      ms: true,
      short:
        'A summary of the resource content. The narrative text shall always be included when exchanging a MedCom message. All MustSupport elements and extensions shall be included.',
    },
    'event[x]': {
      ms: true,
      only: ['Coding'],
      short: 'The event element shall contain a value from MedComMessagingMessageTypes',
      binding: required(MedComMessagingMessageTypes),
    },
    'event[x].code': { card: '1..' },
    destination: {
      card: '1..',
      slicing: { discriminator: [{ type: 'value', path: '$this.extension.value' }], rules: 'closed' },
      slices: {
        primary: {
          card: '1..1',
          elements: {
            extension: {
              card: '1..',
              slicing: { discriminator: [{ type: 'value', path: 'url' }], ordered: false, rules: 'open' },
              extensions: {
                use: {
                  extension: MedComMessagingDestinationUseExtension,
                  card: '1..1',
                  ms: true,
                  elements: { 'value[x]': { pattern: { system: DESTINATION_USE_CS, code: 'primary' } } },
                },
              },
            },
            endpoint: { ms: true },
            receiver: {
              card: '1..',
              ms: true,
              short: 'The primary reciever of the message',
              only: [Reference(MedComMessagingOrganization).bundled()],
            },
          },
        },
        cc: {
          card: '0..*',
          elements: {
            extension: {
              card: '1..',
              slicing: { discriminator: [{ type: 'value', path: 'url' }], ordered: false, rules: 'open' },
              extensions: {
                use: {
                  extension: MedComMessagingDestinationUseExtension,
                  card: '1..1',
                  ms: true,
                  elements: { 'value[x]': { pattern: { system: DESTINATION_USE_CS, code: 'cc' } } },
                },
              },
            },
            endpoint: { ms: true },
            receiver: {
              card: '1..',
              ms: true,
              short: 'The carbon copy reciever of the message. Is only used when a message has multiple recievers.',
              only: [Reference(MedComMessagingOrganization).bundled()],
            },
          },
        },
      },
    },
    sender: { card: '1..', ms: true, short: 'The actual sender of the message', only: [Reference(MedComMessagingOrganization).bundled()] },
    source: { ms: true, short: 'Contains the information about the target for the Acknowledgement message.' },
    'source.endpoint': { ms: true },
    definition: { ms: true },
  },
});

export const MedComMessagingProvenance = defineProfile(pkg, R4.Provenance, {
  id: 'medcom-messaging-provenance',
  name: 'MedComMessagingProvenance',
  description: 'Provenance information about the messages preceeding the current message',
  elements: {
    text: { ms: true },
    target: {
      card: '..1',
      ms: true,
      short: 'Targets the MedComMessagingMessageHeader from the current message.',
      only: [Reference(MedComMessagingMessageHeader)],
    },
    'occurred[x]': { card: '1..', slicing: { discriminator: [{ type: 'type', path: '$this' }], ordered: false, rules: 'open' } },
    occurredDateTime: {
      card: '1..1',
      ms: true,
      only: ['dateTime'],
      short: 'A human readable date and time for when the message is sent. Shall include a date, a time and timezone.',
    },
    recorded: { ms: true, short: 'A system readable date and time for when the message is sent.' },
    activity: { card: '1..', ms: true, binding: required(MedComMessagingActivityCodesValueSet) },
    'activity.coding': { card: '1..', ms: true },
    'activity.coding.code': { card: '1..', ms: true },
    agent: { ms: true, short: 'The actors involved in the activity taking place' },
    'agent.who': {
      ms: true,
      only: [Reference(MedComMessagingOrganization).bundled()],
      short:
        'A reference to the actor of the activity, which shall be a MedComMessagingOrganization. If more actors has been involved, the element must be sliced.',
    },
    entity: { ms: true },
    'entity.role': {
      ms: true,
      short:
        "When a message is a response, a correction or a forwarding message the role shall be 'revision' and when the message is a cancellation the role shall be 'removal'.",
    },
    'entity.what': {
      ms: true,
      short:
        'A reference to the previous message. If the previous message is a FHIR message, the reference element must be used and if the previous message is an EDIFACT or OIOXML, the identifier element must be used.',
    },
    'entity.what.reference': {
      ms: true,
      short: 'If the previous message is a FHIR message, this element must hold the MessageHeader.id from previous message.',
    },
    'entity.what.identifier': {
      ms: true,
      short:
        'If previous message is EDIFACT or OIOXML, this element must be expressed as [lokationsnummer]#[brevid] from the EDIFACT or OIOXML message.',
    },
  },
});

const message = (...resources: object[]): object => ({
  resourceType: 'Bundle',
  type: 'message',
  entry: resources.map((resource, i) => ({ fullUrl: `urn:uuid:9b0c3a1e-0000-4000-8000-00000000000${i}`, resource })),
});

export const medcomMessaging1 = defineInvariant({
  key: 'medcom-messaging-1',
  severity: 'error',
  human: 'The MessageHeader resource shall conform to medcom-messaging-messageHeader profile',
  expression: `entry[0].resource.conformsTo('${MESSAGING}medcom-messaging-messageHeader')`,
  focus: 'Bundle',
  examples: {
    pass: [assuming({ conformsTo: true }, message({ resourceType: 'MessageHeader' }))],
    fail: [assuming({ conformsTo: false }, message({ resourceType: 'MessageHeader' }))],
  },
});

export const medcomMessaging2 = defineInvariant({
  key: 'medcom-messaging-2',
  severity: 'error',
  human: 'There shall be at least one Provenance resource in a MedCom message',
  expression: 'entry.resource.ofType(Provenance).exists()',
  focus: 'Bundle',
  examples: {
    pass: [message({ resourceType: 'MessageHeader' }, { resourceType: 'Provenance' })],
    fail: [message({ resourceType: 'MessageHeader' }), message()],
  },
});

export const MedComMessagingMessage = defineProfile(pkg, R4.Bundle, {
  id: 'medcom-messaging-message',
  name: 'MedComMessagingMessage',
  description: 'Base resource for all MedCom messages.',
  obeys: [medcomMessaging1, medcomMessaging2],
  elements: {
    id: { card: '1..', ms: true },
    type: { ms: true, short: 'Always message', pattern: 'message' },
    timestamp: { card: '1..', ms: true },
    entry: { ms: true },
    'entry.resource': {
      ms: true,
      short:
        'Each MedCom message shall contain a MedComMessagingMessageHeader and MedComMessagingProvenance. Please refer to invariant medcom-messaging-1, medcom-messaging-2, and medcom-messaging-3.',
    },
  },
});
