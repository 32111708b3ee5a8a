import { defineInvariant, defineProfile, pinnedValueSet, R4, required } from '../../../src/dsl/index.js';
import { MedComMessageDefinitionTypeVS, MedComUseContextCodeSystemVS } from '../../medcom-terminology/1.8.1/valuesets.js';
import { pkg } from './package.js';

// terminology 1.8.1 is declared here and 1.7.0 comes in through MedCom Core 2.4.0, so the publisher
// pinned these bindings (`pin-multiples`); they are authored here, hence written with the version
const DEFINITION_TYPE_CS = 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-message-definition-type';
const USAGE_CONTEXT_TYPE = 'http://terminology.hl7.org/CodeSystem/usage-context-type';
export const EVENT_CODES = 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-eventCodes';

/**
 * Parent of all MedCom MessageDefinitions. Compared with Messaging 3.0.0's profile of the same name:
 * publisher `MedCom` (was "MedCom, https://www.medcom.dk"), one contact slice `AuthorOrganization`
 * sliced by `name` (was InteroperabilityConsultant/SubjectMatterExpert by `id`), `identifier.period`
 * required, no binding on `identifier.system`, bindings pinned to terminology 1.8.1.
 */
export const MedComMessagingMessageDefinitionSpec = {
  id: 'medcom-messaging-messagedefinition',
  name: 'MedComMessagingMessageDefinition',
  description: 'Parent of all MessageDefinition resources',
  status: 'draft',
  elements: {
    identifier: { card: '1..1', ms: true },
    'identifier.use': { card: '1..', ms: true },
    'identifier.type': { card: '1..', ms: true, binding: required(pinnedValueSet(MedComMessageDefinitionTypeVS)) },
    'identifier.type.coding.system': { pattern: DEFINITION_TYPE_CS },
    'identifier.value': { card: '1..', ms: true },
    'identifier.period': { card: '1..', ms: true },
    'identifier.period.start': { card: '1..', ms: true },
    'identifier.period.end': { ms: true },
    version: { card: '1..', ms: true },
    title: { card: '1..', ms: true },
    'replaces.value': { ms: true },
    publisher: { card: '1..', ms: true, pattern: 'MedCom' },
    contact: {
      ms: true,
      slicing: { discriminator: [{ type: 'value', path: 'name' }], rules: 'open' },
      slices: {
        AuthorOrganization: {
          card: '0..1',
          ms: true,
          elements: {
            name: { card: '1..', ms: true },
            telecom: { card: '1..1', ms: true },
            'telecom.system': { card: '1..', ms: true, fixed: 'email' },
            'telecom.value': { card: '1..', ms: true },
            'telecom.use': { card: '1..', ms: true, fixed: 'work' },
          },
        },
      },
    },
    'useContext.code': { binding: required(pinnedValueSet(MedComUseContextCodeSystemVS)) },
    'useContext.code.system': { pattern: USAGE_CONTEXT_TYPE },
    jurisdiction: { card: '1..1', ms: true, pattern: { coding: [{ code: 'DK' }] } },
    category: { card: '1..', ms: true, fixed: 'notification' },
    responseRequired: { card: '1..', ms: true },
  },
} as const;
export const MedComMessagingMessageDefinition = defineProfile(pkg, R4.MessageDefinition, MedComMessagingMessageDefinitionSpec);

export const noSpacesRule = defineInvariant({
  key: 'NoSpacesRule',
  severity: 'error',
  human: 'The element SHALL NOT contain whitespace.',
  expression: "matches('^[^\\\\s]+$')",
  focus: 'MessageDefinition.name',
  examples: {
    pass: ['HomeCareObservation_MessageDefinition_1.1'],
    fail: ['HomeCareObservation MessageDefinition', 'tab\there'],
  },
});

const FHIR_DEFINITION_TYPE: fhir4.CodeableConcept = { coding: [{ system: DEFINITION_TYPE_CS, code: 'FHIR' }] };

export const MedComMessagingMessageDefinitionFhirSpec = {
  id: 'medcom-messaging-messagedefinition-fhir',
  name: 'MedComMessagingMessageDefinitionFhir',
  description: 'Parent of all FHIR MessageDefinitions in MedCom.',
  status: 'draft',
  elements: {
    url: { card: '1..', ms: true },
    'identifier.type': { fixed: FHIR_DEFINITION_TYPE },
    name: { short: 'Computer readable name', obeys: [noSpacesRule] },
    title: { short: 'Human readable name' },
    replaces: { short: 'Takes the place of a MessageDefinition that is superseded by this MessageDefinition.' },
    status: { short: 'Must always be defined in the individual MessageDefinition' },
    contact: { card: '1..' },
    'contact[AuthorOrganization]': { card: '1..' },
    'contact[AuthorOrganization].name': { pattern: 'MedCom FHIR Team' },
    'contact[AuthorOrganization].telecom.value': { pattern: 'fhir@medcom.dk' },
    description: { card: '1..', ms: true },
    'useContext.code': { fixed: { system: USAGE_CONTEXT_TYPE, code: 'workflow' } },
    'jurisdiction.coding': { ms: true },
    'jurisdiction.coding.code': { ms: true },
    purpose: { card: '1..', ms: true },
  },
} as const;
export const MedComMessagingMessageDefinitionFhir = defineProfile(
  pkg,
  MedComMessagingMessageDefinition,
  MedComMessagingMessageDefinitionFhirSpec,
);

/**
 * The parent of the MessageDefinitions of one standard: its event code, whether a response is
 * required, how many; from 1.0.1-trial-use also the (unversioned) url of its definitions.
 */
export const standardDefinitionSpec = <const Id extends string>(
  [id, name, standard, event, responseRequired, allowedResponse]: readonly [
    id: Id,
    name: string,
    standard: string,
    event: string,
    responseRequired: 'always' | 'never',
    allowedResponse: '..0' | '1..' | '2..',
  ],
  url?: string,
) =>
  ({
    id,
    name,
    description: `The parent of all ${standard} MessageDefinitions`,
    status: 'draft',
    elements: {
      ...(url !== undefined ? { url: { pattern: url } } : {}),
      'event[x]': { only: ['Coding'] },
      'event[x].system': { pattern: EVENT_CODES },
      'event[x].code': { pattern: event },
      responseRequired: { pattern: responseRequired },
      allowedResponse: { card: allowedResponse },
    },
  }) as const;

/** The three standards' definition parents: [id, name, standard, event, responseRequired, allowedResponse]. */
export const STANDARD_DEFINITIONS = {
  Acknowledgement: [
    'medcom-acknowledgement-message-definition',
    'MedComAcknowledgementMessageDefinition',
    'Acknowledgement',
    'acknowledgement-message',
    'never',
    '..0',
  ],
  CareCommunication: [
    'medcom-careCommunication-message-definition',
    'MedComCareCommunicationMessageDefinition',
    'CareCommunication',
    'care-communication-message',
    'always',
    '2..',
  ],
  HomeCareObservation: [
    'medcom-homecareobservation-message-definition',
    'MedComHomeCareObservationMessageDefinition',
    'HomeCareObservation',
    'homecareobservation-message',
    'always',
    '1..',
  ],
} as const;

export const MedComAcknowledgementMessageDefinition = defineProfile(
  pkg,
  MedComMessagingMessageDefinitionFhir,
  standardDefinitionSpec(STANDARD_DEFINITIONS.Acknowledgement),
);
export const MedComCareCommunicationMessageDefinition = defineProfile(
  pkg,
  MedComMessagingMessageDefinitionFhir,
  standardDefinitionSpec(STANDARD_DEFINITIONS.CareCommunication),
);
export const MedComHomeCareObservationMessageDefinition = defineProfile(
  pkg,
  MedComMessagingMessageDefinitionFhir,
  standardDefinitionSpec(STANDARD_DEFINITIONS.HomeCareObservation),
);
