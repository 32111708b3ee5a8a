import { defineInvariant, defineProfile } from '../../../src/dsl/index.js';
import { MedComCoreOrganization } from '../../medcom-core/2.4.0/resources.js';
import { pkg } from './package.js';

const DATA_ABSENT_REASON = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';

export const MedComMessagingOrganization = defineProfile(pkg, MedComCoreOrganization, {
  id: 'medcom-messaging-organization',
  name: 'MedComMessagingOrganization',
  description:
    'A formally recognized organizations registered for exchanging messages within Danish healthcare, registered with a SOR identifier issued by The Danish Health Data Authority',
  short: 'A formally recognized organizations within Danish healthcare',
  elements: {
    text: { ms: true },
    identifier: { card: '2..', ms: true },
    'identifier[EAN-ID]': { card: '1..', ms: true, isSummary: true },
  },
});

export const MedComProducerOrganization = defineProfile(pkg, MedComMessagingOrganization, {
  id: 'medcom-producer-organization',
  name: 'MedComProducerOrganization',
  title: 'MedComCoreProducerOrganization',
  description: 'This profile is intended to be used to represent the producer of the observations.',
  elements: {
    identifier: { card: '3..' },
    'identifier[ProducentID]': { short: 'Offical MedCom code describing the producer of the observation.' },
    'identifier[ProducentID].system': { ms: true },
    'identifier[ProducentID].value': { ms: true },
  },
});

export const medcomHomecareObservation4 = defineInvariant({
  key: 'medcom-homecareObservation-4',
  severity: 'error',
  human: 'There shall either be a RequesterInitials or a InitialsNotKnown.',
  expression: "name.exists() or extension('http://hl7.org/fhir/StructureDefinition/data-absent-reason').exists()",
  focus: 'Organization.contact',
  examples: {
    pass: [{ name: { given: ['AB'] } }, { extension: [{ url: DATA_ABSENT_REASON, valueCode: 'unknown' }] }],
    fail: [{}, { telecom: [{ system: 'phone', value: '12345678' }] }],
  },
});

export const MedComRequesterOrganization = defineProfile(pkg, MedComMessagingOrganization, {
  id: 'medcom-requesterorganization',
  name: 'MedComRequesterOrganization',
  title: 'MedComMessagingRequesterOrganization',
  description: 'This profile is intended to be used to represent the requester organization of the observations.',
  elements: {
    identifier: { card: '3..' },
    'identifier[Ydernummer]': { card: '1..', ms: true },
    contact: { card: '1..1', ms: true, obeys: [medcomHomecareObservation4] },
    'contact.extension': { extensions: { InitialsNotKnown: { extension: DATA_ABSENT_REASON, card: '0..1' } } },
    'contact.name': { ms: true },
    'contact.name.given': { card: '1..1', ms: true, short: 'Initials of the practitioner that request the observation.' },
  },
});
