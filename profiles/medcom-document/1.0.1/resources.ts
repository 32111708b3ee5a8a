import { defineInvariant, defineProfile, extensible, R4, Reference, required } from '../../../src/dsl/index.js';
import { DkCorePatient } from '../../hl7-dk-core/3.2.0/patient.js';
import { MedComCoreOrganization, MedComCorePractitioner } from '../../medcom-core/2.4.0/resources.js';
import {
  MedComIHE_CoreClassCode,
  MedComIHE_CoreHealthcareFacilityTypeCode,
  MedComIHE_CoreLanguageCode,
  MedComIHE_CoreMimeType,
  MedComIHE_CorePracticeSettingCode,
} from '../../medcom-xdsmetadata/1.0.1/valuesets.js';
import { MedComDocumentHomeCommunityID, MedComDocumentVersionID } from './extensions.js';
import { pkg } from './package.js';

/* Element specs exported for Document 2.0.2, which imports them and states its changes. */
export const organizationElements = { name: { card: '1..' } } as const;

export const MedComDocumentOrganization = defineProfile(pkg, MedComCoreOrganization, {
  id: 'medcom-document-organization',
  name: 'MedComDocumentOrganization',
  description: 'A profile including requirements for a MedCom Document Organization resource',
  elements: organizationElements,
});

export const practitionerElements = {
  name: { card: '1..' },
  'name.family': { card: '1..', ms: true },
  'name.given': { card: '1..', ms: true },
} as const;

export const MedComDocumentPractitioner = defineProfile(pkg, MedComCorePractitioner, {
  id: 'medcom-document-practitioner',
  name: 'MedComDocumentPractitioner',
  description: 'A profile including requirements for a MedCom Document Practitioner',
  elements: practitionerElements,
});

export const MedComDocumentPatient = defineProfile(pkg, DkCorePatient, {
  id: 'medcom-document-patient',
  name: 'MedComDocumentPatient',
  description: 'A profile including requirements for a MedCom Document Patient.',
  elements: {
    text: { ms: true },
    identifier: { card: '..1', ms: true },
    'identifier[cpr]': {
      card: '1..',
      ms: true,
      short: 'Unique identification number for all citizens in Denmark, called civil person register (CPR-number).',
    },
    'identifier[cpr].system': { ms: true },
    'identifier[cpr].value': { ms: true },
    name: { card: '1..1', ms: true },
    'name[official]': { card: '1..', ms: true },
    'name[official].family': { ms: true },
    'name[official].given': { card: '1..', ms: true },
    gender: { card: '1..', ms: true },
    birthDate: { card: '1..', ms: true },
  },
});

export const bundleElements = {
  id: { card: '1..', ms: true },
  identifier: { card: '1..', ms: true },
  type: { ms: true, short: 'Always a document', pattern: 'document' },
  timestamp: { card: '1..', ms: true },
  entry: { card: '1..', ms: true },
  'entry.fullUrl': { card: '1..', ms: true },
  'entry.resource': { card: '1..', ms: true },
} as const;

export const MedComDocumentBundle = defineProfile(pkg, R4.Bundle, {
  id: 'medcom-document-bundle',
  name: 'MedComDocumentBundle',
  description: 'The Bundle profile for a document',
  elements: bundleElements,
});

export const MedComDocumentComposition = defineProfile(pkg, R4.Composition, {
  id: 'medcom-document-composition',
  name: 'MedComDocumentComposition',
  description: 'The profile of the MedCom Document Composition containing the minimum allowed content.',
  elements: {
    'meta.profile': { card: '1..1', ms: true },
    language: { card: '1..', ms: true },
    text: { ms: true },
    status: { ms: true, pattern: 'final' },
    type: { ms: true },
    subject: { card: '1..', ms: true, only: [Reference(MedComDocumentPatient).bundled()] },
    date: { ms: true },
    author: {
      slicing: { discriminator: [{ type: 'type', path: '$this.resolve()' }], rules: 'closed' },
      only: [Reference(R4.Practitioner, R4.PractitionerRole, R4.Device, R4.Patient, R4.RelatedPerson, R4.Organization).bundled()],
      slices: {
        institution: {
          card: '1..1',
          ms: true,
          short: 'The organization who authored the document',
          only: [Reference(MedComDocumentOrganization)],
        },
        person: { card: '0..1', ms: true, short: 'The person who authored the document', only: [Reference(MedComDocumentPractitioner)] },
      },
    },
    title: { ms: true },
    confidentiality: { card: '1..', ms: true },
    attester: { card: '..1', ms: true },
    'attester.mode': { ms: true },
    'attester.party': { ms: true, only: [Reference(MedComDocumentPractitioner).bundled()] },
    event: { card: '..1', ms: true },
    'event.code': { card: '..1', ms: true },
    'event.period.start': { ms: true },
    'event.period.end': { ms: true },
    'event.detail': { ms: true },
    section: { card: '1..', ms: true },
    'section.text': { ms: true },
    'section.entry': { ms: true },
  },
});

export const documentReferenceUuid = defineInvariant({
  key: 'uuid',
  severity: 'error',
  human: 'General UUID expression',
  expression: "value.matches('[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')",
  focus: 'Identifier',
  examples: {
    pass: [{ value: 'urn:uuid:2f4c1e9a-3b7d-4c8e-9a1b-5d6e7f809a1b' }, { value: '2f4c1e9a-3b7d-4c8e-9a1b-5d6e7f809a1b' }],
    fail: [{ value: 'document-1' }, { value: '2F4C1E9A-3B7D-4C8E-9A1B-5D6E7F809A1B' }],
  },
});

const contained = (...targets: Parameters<typeof Reference>) => ({ ...Reference(...targets), aggregation: ['contained'] as const });

export const MedComDocumentReference = defineProfile(pkg, R4.DocumentReference, {
  id: 'medcom-documentreference',
  name: 'MedComDocumentReference',
  description: 'A profile stating the rules, when exchanging a FHIR document.',
  elements: {
    extension: {
      card: '2..',
      slicing: { discriminator: [{ type: 'value', path: 'url' }], ordered: false, rules: 'open' },
      extensions: {
        homeCommunityid: {
          extension: MedComDocumentHomeCommunityID,
          card: '1..1',
          ms: true,
          short: '[DocumentEntry.homeCommunityId] A unique identifier for a community where the DocumentEntry and document can be accessed',
        },
        versionid: {
          extension: MedComDocumentVersionID,
          card: '1..1',
          ms: true,
          short: 'Specifies the version of the DocumentReference for a standard.',
        },
      },
    },
    masterIdentifier: { card: '1..', ms: true, short: '[DocumentEntry.uniqueId] Master Version Specific Identifier' },
    'masterIdentifier.value': { card: '1..', ms: true },
    identifier: { card: '1..1', ms: true, short: '[DocumentEntry.entryUUID] Identifier for the document', obeys: [documentReferenceUuid] },
    'identifier.value': { card: '1..', ms: true },
    status: { ms: true, short: '[DocumentEntry.availabilityStatus] current = active | superseded = deprecated' },
    type: { card: '1..', ms: true, short: '[DocumentEntry.typeCode] Kind of document' },
    'type.coding.system': { card: '1..', ms: true },
    'type.coding.code': { card: '1..', ms: true },
    category: {
      card: '1..1',
      ms: true,
      short: '[DocumentEntry.class] Categorization of document',
      binding: extensible(MedComIHE_CoreClassCode),
    },
    'category.coding.system': { card: '1..', ms: true },
    'category.coding.code': { card: '1..', ms: true },
    subject: {
      card: '1..',
      ms: true,
      only: [contained(MedComDocumentPatient)],
      short: '[DocumentEntry.sourcePatientInfo, DocumentEntry.sourcePatientId] Who/what is the subject of the document',
    },
    author: {
      card: '1..2',
      ms: true,
      short: '[DocumentEntry.author] Who and/or what authored the document',
      slicing: { discriminator: [{ type: 'type', path: '$this.resolve()' }], rules: 'closed' },
      only: [contained(R4.Practitioner, R4.PractitionerRole, R4.Organization, R4.Device, R4.Patient, R4.RelatedPerson)],
      slices: {
        institution: {
          card: '1..1',
          ms: true,
          short: '[DocumentEntry.author.authorInstitution] The organization who authored the document',
          only: [contained(MedComDocumentOrganization)],
        },
        person: {
          card: '0..1',
          ms: true,
          short: '[DocumentEntry.author.authorPerson] The person who authored the document',
          only: [contained(MedComDocumentPractitioner)],
        },
      },
    },
    authenticator: {
      ms: true,
      short: '[DocumentEntry.legalAuthenticator] Who authenticated the document',
      only: [contained(MedComDocumentPractitioner)],
    },
    securityLabel: { card: '1..', ms: true, short: '[DocumentEntry.confidentialityCode] Document security-tags' },
    content: { ms: true },
    'content.attachment.contentType': {
      card: '1..',
      ms: true,
      short: '[DocumentEntry.mimeType] Mime type of the content, with charset etc.',
      binding: required(MedComIHE_CoreMimeType),
    },
    'content.attachment.language': {
      card: '1..',
      ms: true,
      short: '[DocumentEntry.languageCode] Human language of the content',
      binding: extensible(MedComIHE_CoreLanguageCode),
    },
    'content.attachment.url': { ms: true, short: '[DocumentEntry.URI] Uri where the data can be found' },
    'content.attachment.size': { ms: true, short: '[DocumentEntry.size] Number of bytes of content' },
    'content.attachment.hash': { ms: true, short: '[DocumentEntry.hash] Hash of the data (sha-1)' },
    'content.attachment.title': { card: '1..', ms: true, short: '[DocumentEntry.title] Label to display in place of the data' },
    'content.attachment.creation': { card: '1..', ms: true, short: '[DocumentEntry.creationTime] Date attachment was first created' },
    'content.format': { card: '1..', ms: true, short: '[DocumentEntry.formatCode] Format/content rules for the document' },
    context: { card: '1..', ms: true },
    'context.event': { card: '..1', ms: true, short: '[DocumentEntry.eventCodeList] Main clinical acts documented' },
    'context.event.coding.system': { card: '1..', ms: true },
    'context.event.coding.code': { card: '1..', ms: true },
    'context.period': {
      ms: true,
      short: '[DocumentEntry.serviceStartTime, DocumentEntry.serviceStopTime] Time of service that is being documented',
    },
    'context.period.start': { ms: true },
    'context.period.end': { ms: true },
    'context.facilityType': {
      card: '1..',
      ms: true,
      short: '[DocumentEntry.healthcareFacilityTypeCode] Kind of facility where patient was seen',
    },
    'context.facilityType.coding.system': {
      card: '1..',
      ms: true,
      binding: extensible(MedComIHE_CoreHealthcareFacilityTypeCode),
    },
    'context.facilityType.coding.code': { card: '1..', ms: true },
    'context.practiceSetting': {
      card: '1..',
      ms: true,
      short: '[DocumentEntry.practiceSettingCode] Additional details about where the content was created (e.g. clinical specialty)',
    },
    'context.practiceSetting.coding.system': {
      card: '1..',
      ms: true,
      binding: extensible(MedComIHE_CorePracticeSettingCode),
    },
    'context.practiceSetting.coding.code': { card: '1..', ms: true },
    'context.sourcePatientInfo': {
      card: '1..',
      ms: true,
      short:
        '[DocumentEntry.sourcePatientId and DocumentEntry.sourcePatientInfo] Patient demographics from source. Must be the same reference as in DocumentReference.subject.',
    },
    'context.related': { ms: true, short: '[DocumentEntry.referenceIdList] Related identifiers or resources' },
  },
});
