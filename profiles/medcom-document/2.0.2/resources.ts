import { defineProfile, extensible, R4, Reference, required, slicing } from '../../../src/dsl/index.js';
import {
  MedComCoreCareTeam,
  MedComCoreObservation,
  MedComCoreOrganization,
  MedComCorePatient,
  MedComCorePractitioner,
  MedComCorePractitionerRole,
} from '../../medcom-core/4.0.0/resources.js';
import * as v101 from '../1.0.1/resources.js';
import { DkCoreRelatedPerson } from '../../hl7-dk-core/3.5.0/related-person.js';
import { medcomCanonicalSemver, medcomDatetimeHasTimeOffsetZulu, medcomDocumentBundleIdUuid, medcomUuid } from './invariants.js';
import { pkg } from './package.js';
import { MedComIHE_CoreClassCode_TEMP, MedComIHE_CoreLanguageCode_TEMP, MedComIHE_CoreTypeCode_TEMP } from './terminology.js';

/**
 * New in 2.0: every resource in a document carries a globally unique, stable identifier with a
 * system and a value.
 */
const stableIdentifier = {
  identifier: {
    card: '1..1',
    ms: true,
    short:
      'Globally unique, stable identifier for this resource. The same identifier SHALL be used when this resource is recreated from the same source data.',
  },
  'identifier.system': { card: '1..', ms: true },
  'identifier.value': { card: '1..', ms: true },
} as const;

/* Organization: unchanged rules, now on MedCom Core 4.0.0. */
export const MedComDocumentOrganization = defineProfile(pkg, MedComCoreOrganization, {
  id: 'medcom-document-organization',
  name: 'MedComDocumentOrganization',
  description: 'A profile including requirements for a MedCom Document Organization resource',
  elements: v101.organizationElements,
});

/*
 * Patient: now derived from MedComCorePatient (1.0.1: DK Core's patient), whose MS flags it no longer
 * repeats; replacement CPR numbers (x-ecpr, d-ecpr) are forbidden.
 */
export const MedComDocumentPatient = defineProfile(pkg, MedComCorePatient, {
  id: 'medcom-document-patient',
  name: 'MedComDocumentPatient',
  description: 'A profile including requirements for a MedCom Document Patient.',
  elements: {
    identifier: { card: '..1' },
    'identifier[cpr]': { card: '1..' },
    'identifier[x-ecpr]': { card: '..0' },
    'identifier[d-ecpr]': { card: '..0' },
    name: { card: '..1' },
    'name[official].given': { card: '1..' },
    gender: { card: '1..', ms: true },
    birthDate: { card: '1..', ms: true },
  },
});

/* Practitioner: gains the stable identifier; the name rules of 1.0.1 (family, given MS now come from Core). */
export const MedComDocumentPractitioner = defineProfile(pkg, MedComCorePractitioner, {
  id: 'medcom-document-practitioner',
  name: 'MedComDocumentPractitioner',
  description: 'A profile including requirements for a MedCom Document Practitioner',
  elements: {
    ...stableIdentifier,
    ...v101.practitionerElements,
  },
});

/* New in 2.0. */
export const MedComDocumentPractitionerRole = defineProfile(pkg, MedComCorePractitionerRole, {
  id: 'medcom-document-practitionerrole',
  name: 'MedComDocumentPractitionerRole',
  description:
    'Document PractitionerRole resource used to describe the role of a healthcare professional or another actor involved in citizen or patient care.',
  elements: {
    ...stableIdentifier,
    practitioner: { only: [Reference(MedComDocumentPractitioner)] },
    organization: { only: [Reference(MedComDocumentOrganization).bundled()] },
  },
});

/* New in 2.0. */
export const MedComDocumentCareTeam = defineProfile(pkg, MedComCoreCareTeam, {
  id: 'medcom-document-careteam',
  name: 'MedComDocumentCareTeam',
  description: 'Careteam participating in the care of a patient.',
  elements: {
    ...stableIdentifier,
    managingOrganization: { only: [Reference(MedComDocumentOrganization).bundled()] },
  },
});

/* New in 2.0. */
export const MedComDocumentObservation = defineProfile(pkg, MedComCoreObservation, {
  id: 'medcom-document-observation',
  name: 'MedComDocumentObservation',
  title: 'MedComDocumentObservation',
  description: 'Observation profile to be used in MedCom FHIR Documents.',
  elements: {
    ...stableIdentifier,
    subject: { only: [Reference(MedComDocumentPatient).bundled()] },
    performer: {
      only: [
        Reference(
          MedComDocumentOrganization,
          MedComDocumentPractitioner,
          MedComDocumentPractitionerRole,
          MedComDocumentCareTeam,
          MedComDocumentPatient,
          DkCoreRelatedPerson,
        ),
      ],
    },
  },
});

/* Bundle: the id must be a UUID and the timestamp must carry a time zone. */
export const MedComDocumentBundle = defineProfile(pkg, R4.Bundle, {
  id: 'medcom-document-bundle',
  name: 'MedComDocumentBundle',
  description: 'The Bundle profile for a document',
  elements: {
    ...v101.bundleElements,
    id: { ...v101.bundleElements.id, obeys: [medcomDocumentBundleIdUuid] },
    timestamp: {
      ...v101.bundleElements.timestamp,
      short: '[DocumentEntry.creationTime] Date and time that the FHIR Document is created.',
      obeys: [medcomDatetimeHasTimeOffsetZulu],
    },
  },
});

const codingWithDisplay = { card: '1..1', ms: true } as const;
const required1 = { card: '1..', ms: true } as const;

/*
 * Composition, 2.0 changes (release notes): id, meta, narrative, identifier (UUID) mandatory;
 * meta.profile carries an explicit version; type and category profiled with the TEMP value sets;
 * author re-profiled (institution slice + any other author as author person); event and
 * event.period(.start) mandatory.
 */
export const MedComDocumentComposition = defineProfile(pkg, R4.Composition, {
  id: 'medcom-document-composition',
  name: 'MedComDocumentComposition',
  description: 'The profile of the MedCom Document Composition containing the minimum allowed content.',
  elements: {
    id: { card: '1..', ms: true },
    meta: { card: '1..', ms: true },
    'meta.profile': {
      card: '1..1',
      ms: true,
      obeys: [medcomCanonicalSemver],
      short:
        '[DocumentEntry.formatCode] Indicates the FHIR Composition profile canonical, including an explicit version `|x.y.z`. The value does not map 1:1 to XDS DocumentEntry.formatCode and SHALL be mapped.',
    },
    language: {
      card: '1..',
      ms: true,
      short: '[DocumentEntry.languageCode] Human language of the content',
      binding: extensible(MedComIHE_CoreLanguageCode_TEMP),
    },
    text: { card: '1..', ms: true, short: 'The narrative text SHALL always be included when exchanging a MedCom FHIR Bundle.' },
    'text.status': { ms: true },
    'text.div': { ms: true },
    identifier: { card: '1..', ms: true, short: 'The Composition identifier' },
    'identifier.system': {
      card: '1..',
      ms: true,
      short: '[DocumentEntry.uniqueId] Sender organization OID (Object Identifier). Example: 1.2.208.184 (MedCom OID).',
    },
    'identifier.value': { card: '1..', ms: true, short: '[DocumentEntry.uniqueId] UUID.', obeys: [medcomUuid] },
    status: { ms: true, pattern: 'final' },
    type: { ms: true, short: '[DocumentEntry.typeCode] Kind of document', binding: required(MedComIHE_CoreTypeCode_TEMP) },
    'type.coding': codingWithDisplay,
    'type.coding.system': required1,
    'type.coding.code': required1,
    'type.coding.display': required1,
    category: {
      card: '..1',
      ms: true,
      short: '[DocumentEntry.classCode] Categorization of document',
      binding: extensible(MedComIHE_CoreClassCode_TEMP),
    },
    'category.coding': codingWithDisplay,
    'category.coding.system': required1,
    'category.coding.code': required1,
    'category.coding.display': required1,
    subject: { card: '1..', ms: true, only: [Reference(MedComDocumentPatient).bundled()] },
    date: { ms: true },
    author: {
      card: '..2',
      ms: true,
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
    title: { ms: true, short: '[DocumentEntry.title] The readable title of the document.' },
    confidentiality: { card: '1..', ms: true },
    attester: { card: '..1', ms: true },
    'attester.mode': { ms: true },
    'attester.party': {
      ms: true,
      short: '[DocumentEntry.legalAuthenticator] Who authenticated the document.',
      only: [Reference(MedComDocumentPractitioner).bundled()],
    },
    event: { card: '1..1', ms: true },
    'event.code': { ms: true },
    'event.period': {
      card: '1..',
      ms: true,
      short: '[DocumentEntry.serviceStartTime, DocumentEntry.serviceStopTime] Time of service that is being documented.',
    },
    'event.period.start': { card: '1..', ms: true },
    'event.period.end': { ms: true },
    'event.detail': { ms: true, short: '[DocumentEntry.referenceIdList] Related identifiers or resources' },
    section: { card: '1..', ms: true },
    'section.entry': { ms: true },
  },
});
