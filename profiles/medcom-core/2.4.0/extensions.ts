import type { StructureHandle } from '../../../src/dsl/handles.js';
import { defineExtension, defineInvariant, Reference } from '../../../src/dsl/index.js';
import { MedComAssignedIdentifier } from './datatypes.js';
import { pkg } from './package.js';

const CORE = 'http://medcomfhir.dk/ig/core/StructureDefinition/';

/** Published as is: unanchored, so any value containing a digit, '-' or '+' followed by one passes. */
export const medcomCoreContact = defineInvariant({
  key: 'medcom-core-contact',
  severity: 'error',
  human: 'The telephone number may include + and numbers from 0-9',
  expression: "matches('[+]?[-0-9]')",
  focus: 'ContactPoint.value',
  examples: { pass: ['+45 12345678', '12345678'], fail: ['phone', '+'] },
});

/** The extension specs are exported so Core 4.0.0 can restate them under its own canonical version. */
export const contactExtensionSpec = {
  id: 'medcom-core-contact-extension',
  name: 'MedComCoreContactExtension',
  title: 'ContactExtension',
  description: 'Extension that contains the contact information',
  context: ['Element'],
  short: 'ContactExtension',
  definition: 'Extension that contains the contact information',
  elements: {
    'value[x]': { card: '1..', slicing: { discriminator: [{ type: 'type', path: '$this' }], ordered: false, rules: 'open' } },
    valueContactPoint: {
      card: '1..1',
      only: ['ContactPoint'],
      elements: {
        system: { pattern: 'phone', ms: true },
        value: { card: '1..', ms: true, short: 'Shall contain a relevant telephone number.', obeys: [medcomCoreContact] },
      },
    },
  },
} as const;

export const MedComCoreContactExtension = defineExtension(pkg, contactExtensionSpec);

export const dateTimeExtensionSpec = {
  id: 'medcom-core-datetime-extension',
  name: 'MedComCoreDateTimeExtension',
  title: 'DateTimeExtension',
  description: 'Date and time of this payload',
  context: ['Element'],
  short: 'DateTimeExtension',
  definition: 'Date and time of this payload',
  value: ['dateTime'],
  elements: { 'value[x]': { card: '1..' } },
} as const;

export const MedComCoreDateTimeExtension = defineExtension(pkg, dateTimeExtensionSpec);

/** `assigned`: the version's MedComAssignedIdentifier. */
export const identifierExtensionSpec = (assigned: StructureHandle) =>
  ({
    id: 'medcom-core-identifier-extension',
    name: 'MedComCoreIdentifierExtension',
    title: 'IdentifierExtension',
    description: 'An extension holding a specific identifier datatype',
    context: ['Element'],
    short: 'IdentifierExtension',
    definition: 'An extension holding a specific identifier datatype',
    elements: {
      'value[x]': { card: '1..', slicing: { discriminator: [{ type: 'type', path: '$this' }], ordered: false, rules: 'open' } },
      valueIdentifier: { card: '1..1', ms: true, only: [assigned] },
    },
  }) as const;

export const MedComCoreIdentifierExtension = defineExtension(pkg, identifierExtensionSpec(MedComAssignedIdentifier));

export const practitionerExtensionSpec = {
  id: 'medcom-core-practitioner-extension',
  name: 'MedComCorePractitionerExtension',
  title: 'PractitionerExtension',
  description: 'Reference to a PractitionerRole and subsequent Practitioner',
  context: ['Element'],
  short: 'PractitionerExtension',
  definition: 'Reference to a PractitionerRole and subsequent Practitioner',
  value: [Reference(`${CORE}medcom-core-practitionerrole`).bundled()],
  elements: { 'value[x]': { card: '1..' } },
} as const;

export const MedComCorePractitionerExtension = defineExtension(pkg, practitionerExtensionSpec);

export const senderExtensionSpec = {
  id: 'medcom-core-sender-extension',
  name: 'MedComCoreSenderExtension',
  title: 'SenderExtension',
  description: 'Reference to a more specfic sender of a message.',
  context: ['Element'],
  short: 'SenderExtension',
  definition: 'Reference to a more specfic sender of a message.',
  value: [Reference(`${CORE}medcom-core-practitionerrole`, `${CORE}medcom-core-careteam`).bundled()],
  elements: {
    'value[x]': {
      short:
        'This element is used to describe a more specific sender than the MessageHeader.sender. It may be a careteam a homecare group in the municipality or a general practitioner.',
    },
  },
} as const;

export const MedComCoreSenderExtension = defineExtension(pkg, senderExtensionSpec);
