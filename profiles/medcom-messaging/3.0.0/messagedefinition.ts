import { defineProfile, R4, required } from '../../../src/dsl/index.js';
import {
  MedComMessageDefinitionIdentifierSystemVS,
  MedComMessageDefinitionTypeVS,
  MedComUseContextCodeSystemVS,
} from '../../medcom-core/2.4.0/terminology.js';
import { pkg } from './package.js';

const DEFINITION_TYPE_CS = 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-message-definition-type';
const USAGE_CONTEXT_TYPE = 'http://terminology.hl7.org/CodeSystem/usage-context-type';

/** The contact slices both MessageDefinition profiles share (author and expert). */
const contactSlice = (id: string) =>
  ({
    card: '0..1',
    ms: true,
    elements: {
      id: { card: '1..', ms: true, pattern: id },
      name: { card: '1..', ms: true },
      'telecom.system': { card: '1..', ms: true, fixed: 'email' },
      'telecom.value': { card: '1..', ms: true },
      'telecom.use': { card: '1..', ms: true, fixed: 'work' },
    },
  }) as const;

export const MedComMessagingMessageDefinition = defineProfile(pkg, R4.MessageDefinition, {
  id: 'medcom-messaging-messagedefinition',
  name: 'MedComMessagingMessageDefinition',
  description: 'An example profile of the MessageDefinition resource.',
  elements: {
    identifier: { card: '1..1', ms: true },
    'identifier.use': { card: '1..', ms: true },
    'identifier.type': { card: '1..', ms: true, binding: required(MedComMessageDefinitionTypeVS) },
    'identifier.type.coding.system': { pattern: DEFINITION_TYPE_CS },
    'identifier.system': { card: '1..', binding: required(MedComMessageDefinitionIdentifierSystemVS) },
    'identifier.value': { card: '1..', ms: true },
    'identifier.period.start': { card: '1..', ms: true },
    'identifier.period.end': { ms: true },
    version: { card: '1..', ms: true },
    title: { card: '1..', ms: true },
    'replaces.value': { ms: true },
    publisher: { card: '1..', ms: true, pattern: 'MedCom, https://www.medcom.dk' },
    contact: {
      ms: true,
      slicing: { discriminator: [{ type: 'value', path: 'id' }], rules: 'open' },
      slices: {
        InteroperabilityConsultant: contactSlice('InteroperabilityConsultant'),
        SubjectMatterExpert: contactSlice('SubjectMatterExpert'),
      },
    },
    'useContext.code': { binding: required(MedComUseContextCodeSystemVS) },
    'useContext.code.system': { pattern: USAGE_CONTEXT_TYPE },
    jurisdiction: { card: '1..1', ms: true, pattern: { coding: [{ code: 'DK' }] } },
    category: { card: '1..', ms: true, fixed: 'notification' },
    responseRequired: { card: '1..', ms: true },
  },
});

export const MedComMessagingMessageDefinitionFhir = defineProfile(pkg, MedComMessagingMessageDefinition, {
  id: 'medcom-messaging-messagedefinition-fhir',
  name: 'MedComMessagingMessageDefinitionFhir',
  description: 'An example profile of the MessageDefinition-fhir resource.',
  elements: {
    id: { ms: true },
    url: { ms: true },
    'identifier.type': { fixed: { coding: [{ system: DEFINITION_TYPE_CS, code: 'FHIR' }] } },
    'identifier.type.coding.system': { ms: true },
    'identifier.type.coding.code': { ms: true },
    'identifier.system': { ms: true, fixed: 'urn:dk:healthcare:medcom:messaging:fhir' },
    'identifier.period': { ms: true },
    replaces: { short: 'Takes the place of a MessageDefinition that is superseded by this MessageDefinition.' },
    status: { ms: true, short: 'Must always be defined in the individual MessageDefinition' },
    date: { ms: true },
    'contact[InteroperabilityConsultant].name': { pattern: 'MedCom FHIR Team' },
    'contact[InteroperabilityConsultant].telecom': { ms: true },
    'contact[InteroperabilityConsultant].telecom.value': { pattern: 'fhir@medcom.dk' },
    'contact[SubjectMatterExpert].telecom': { ms: true },
    description: { ms: true },
    useContext: { ms: true },
    'useContext.code': { ms: true, fixed: { system: USAGE_CONTEXT_TYPE, code: 'workflow' } },
    'useContext.code.system': { ms: true },
    'useContext.code.code': { ms: true },
    'useContext.value[x]': { ms: true, slicing: { discriminator: [{ type: 'type', path: '$this' }], ordered: false, rules: 'open' } },
    'useContext.valueCodeableConcept': { card: '0..1', ms: true, only: ['CodeableConcept'] },
    'useContext.valueCodeableConcept.text': { ms: true },
    'jurisdiction.coding': { ms: true },
    'jurisdiction.coding.code': { ms: true },
    purpose: { ms: true },
    'event[x]': { ms: true },
    'allowedResponse.message.value': {
      pattern: 'http://medcomfhir.dk/ig/acknowledgement/ImplementationGuide/medcom.fhir.dk.acknowledgement',
    },
  },
});
