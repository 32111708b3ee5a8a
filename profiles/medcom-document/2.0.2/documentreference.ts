import { defineProfile, extensible, R4, Reference, required, slicing } from '../../../src/dsl/index.js';
import { DkCoreMinimalDocumentReference } from '../../hl7-dk-core/3.5.0/document-reference.js';
import { DkCoreOrganization } from '../../hl7-dk-core/3.5.0/organization.js';
import { DkCorePractitionerRole } from '../../hl7-dk-core/3.5.0/practitioner-role.js';
import { DkCorePractitioner } from '../../hl7-dk-core/3.5.0/practitioner.js';
import { MedComDocumentHomeCommunityID } from './extensions.js';
import { medcomDatetimeHasTimeOffsetZulu, medcomUuid } from './invariants.js';
import { pkg } from './package.js';
import {
  MedComDocumentOrganization,
  MedComDocumentPatient,
  MedComDocumentPractitioner,
  MedComDocumentPractitionerRole,
} from './resources.js';
import {
  MedComIHE_CoreClassCode_TEMP,
  MedComIHE_CoreDkHomeCommunityId_TEMP,
  MedComIHE_CoreFormatCode_VS_TEMP,
  MedComIHE_CoreHealthcareFacilityTypeCode_TEMP,
  MedComIHE_CoreLanguageCode_TEMP,
  MedComIHE_CoreMimeType_TEMP,
  MedComIHE_CorePracticeSettingCode_TEMP,
  MedComIHE_CoreTypeCode_TEMP,
} from './terminology.js';

import { DkCoreRelatedPerson } from '../../hl7-dk-core/3.5.0/related-person.js';

const contained = (...targets: Parameters<typeof Reference>) => ({ ...Reference(...targets), aggregation: ['contained'] as const });
const ms = { ms: true } as const;
const required1 = { card: '1..', ms: true } as const;
const oneCoding = { card: '1..1', ms: true } as const;

/*
 * Replaces 1.0.1's MedComDocumentReference (base DocumentReference): now a profile of DK Core 3.5.0's
 * minimal DocumentReference (itself on IHE MHD's Minimal DocumentReference), used *contained* to
 * validate the XDS DocumentEntry metadata of a document. The version id extension slice comes from
 * DK Core; homeCommunityId is optional; the bindings point at the TEMP value sets of this package.
 */
export const MedComContainedDocumentReference = defineProfile(pkg, DkCoreMinimalDocumentReference, {
  id: 'medcom-contained-documentreference',
  name: 'MedComContainedDocumentReference',
  description:
    'A profile stating the rules, when exchanging a FHIR document in the Danish Healthcare sector using  IHE MHD and IHE XDS based document sharing.',
  elements: {
    id: { card: '1..', ms: true },
    text: { card: '1..', ms: true, short: 'The narrative text SHALL always be included when exchanging a MedCom FHIR Bundle.' },
    'text.status': ms,
    'text.div': ms,
    extension: {
      ms: true,
      extensions: {
        homeCommunityid: {
          extension: MedComDocumentHomeCommunityID,
          card: '0..1',
          ms: true,
          short:
            '[DocumentEntry.homeCommunityId] A unique identifier for a community where the DocumentEntry and document can be accessed.',
          elements: { url: ms, valueCoding: { binding: extensible(MedComIHE_CoreDkHomeCommunityId_TEMP) } },
        },
      },
    },
    'extension[versionid]': ms,
    masterIdentifier: { ms: true, short: '[DocumentEntry.uniqueId] Master Version Specific Identifier' },
    'masterIdentifier.system': ms,
    'masterIdentifier.value': ms,
    identifier: { card: '1..' },
    'identifier[entryUUID]': { card: '1..1', short: '[DocumentEntry.entryUUID] Identifier for the document.' },
    'identifier[entryUUID].system': ms,
    'identifier[entryUUID].value': { ms: true, obeys: [medcomUuid] },
    status: { ms: true, short: '[DocumentEntry.availabilityStatus] current = active | superseded = deprecated.' },
    type: { card: '1..', short: '[DocumentEntry.typeCode] Kind of document.', binding: required(MedComIHE_CoreTypeCode_TEMP) },
    'type.coding': oneCoding,
    'type.coding.system': required1,
    'type.coding.code': required1,
    'type.coding.display': required1,
    category: {
      card: '1..',
      short: '[DocumentEntry.classCode] Categorization of document.',
      binding: extensible(MedComIHE_CoreClassCode_TEMP),
    },
    'category.coding.system': required1,
    'category.coding.code': required1,
    'category.coding.display': required1,
    subject: {
      only: [contained(MedComDocumentPatient)],
      short: '[DocumentEntry.sourcePatientInfo, DocumentEntry.sourcePatientId] Who/what is the subject of the document.',
    },
    author: {
      card: '..2',
      short:
        '[DocumentEntry.author] The slice author:institution ensures one mandatory organizational author.\nAny author element that does not match this slice is interpreted\nas an author person.',
      slicing: slicing.profile('$this.resolve()'),
      only: [
        Reference(
          MedComDocumentOrganization,
          MedComDocumentPractitionerRole,
          MedComDocumentPractitioner,
          MedComDocumentPatient,
          DkCoreRelatedPerson,
          R4.Device,
        ).bundled(),
      ],
      slices: {
        institution: {
          card: '1..1',
          ms: true,
          short: 'The organization who authored the document.',
          only: [Reference(MedComDocumentOrganization)],
        },
      },
    },
    authenticator: {
      ms: true,
      short: '[DocumentEntry.legalAuthenticator] Who authenticated the document.',
      only: [contained(DkCorePractitioner, DkCorePractitionerRole, DkCoreOrganization)],
    },
    securityLabel: { card: '1..1', short: '[DocumentEntry.confidentialityCode] Document security-tags.' },
    'securityLabel.coding': oneCoding,
    'securityLabel.coding.system': required1,
    'securityLabel.coding.code': required1,
    content: ms,
    'content.attachment': ms,
    'content.attachment.contentType': {
      ms: true,
      short: '[DocumentEntry.mimeType] Mime type of the content, with charset etc.',
      binding: required(MedComIHE_CoreMimeType_TEMP),
    },
    'content.attachment.language': {
      card: '1..',
      short: '[DocumentEntry.languageCode] Human language of the content.',
      binding: extensible(MedComIHE_CoreLanguageCode_TEMP),
    },
    'content.attachment.url': { ms: true, short: '[DocumentEntry.URI] URI where the data can be found.' },
    'content.attachment.size': { ms: true, short: '[DocumentEntry.size] Number of bytes of content.' },
    'content.attachment.hash': { ms: true, short: '[DocumentEntry.hash] Hash of the data (sha-1).' },
    'content.attachment.title': { card: '1..', ms: true, short: '[DocumentEntry.title] The readable title of the document.' },
    'content.attachment.creation': {
      card: '1..',
      short: '[DocumentEntry.creationTime] Date attachment was first created.',
      obeys: [medcomDatetimeHasTimeOffsetZulu],
    },
    'content.format': {
      card: '1..',
      short: '[DocumentEntry.formatCode] Format/content rules for the document.',
      binding: required(MedComIHE_CoreFormatCode_VS_TEMP),
    },
    'content.format.system': required1,
    'content.format.code': required1,
    'content.format.display': required1,
    context: required1,
    'context.event': { ms: true, short: '[DocumentEntry.eventCodeList] Main clinical acts documented.' },
    'context.event.coding.system': required1,
    'context.event.coding.code': required1,
    'context.period': {
      short: '[DocumentEntry.serviceStartTime, DocumentEntry.serviceStopTime] Time of service that is being documented.',
    },
    'context.period.start': required1,
    'context.period.end': ms,
    'context.facilityType': {
      card: '1..',
      short: '[DocumentEntry.healthcareFacilityTypeCode] Kind of facility where patient was seen.',
      binding: required(MedComIHE_CoreHealthcareFacilityTypeCode_TEMP),
    },
    'context.facilityType.coding': oneCoding,
    'context.facilityType.coding.system': required1,
    'context.facilityType.coding.code': required1,
    'context.facilityType.coding.display': required1,
    'context.practiceSetting': {
      card: '1..',
      short: '[DocumentEntry.practiceSettingCode] Additional details about where the content was created (e.g. clinical specialty).',
      binding: required(MedComIHE_CorePracticeSettingCode_TEMP),
    },
    'context.practiceSetting.coding': oneCoding,
    'context.practiceSetting.coding.system': required1,
    'context.practiceSetting.coding.code': required1,
    'context.practiceSetting.coding.display': required1,
    'context.sourcePatientInfo': {
      card: '1..',
      only: [Reference(MedComDocumentPatient)],
      short:
        '[DocumentEntry.sourcePatientId and DocumentEntry.sourcePatientInfo] Patient demographics from source. Must be the same reference as in DocumentReference.subject.',
    },
    'context.sourcePatientInfo.reference': required1,
    'context.sourcePatientInfo.identifier': required1,
    'context.related': { ms: true, short: '[DocumentEntry.referenceIdList] Related identifiers or resources.' },
  },
});
