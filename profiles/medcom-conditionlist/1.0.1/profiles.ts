import { defineProfile, externalValueSet, Reference, required, slicing } from '../../../src/dsl/index.js';
import { DkCoreCondition } from '../../hl7-dk-core/3.2.0/condition.js';
import {
  MedComDocumentBundle,
  MedComDocumentComposition,
  MedComDocumentOrganization,
  MedComDocumentReference,
} from '../../medcom-document/1.0.1/resources.js';
import { MedComConditionListStatus } from '../../medcom-terminology/1.8.1/valuesets.js';
import { MedComIHE_PLR_DK_FormatCode, PLR_DK_IHE_TypeCode } from '../../medcom-xdsmetadata/1.0.1/valuesets.js';
import { pkg } from './package.js';

/** Base R4's condition categories. */
const ConditionCategory = externalValueSet('http://hl7.org/fhir/ValueSet/condition-category');
/** As published: xdsmetadata 1.0.1 defines no ValueSet at this url (it has MedCom-ihe-core-homeCommunityId-VS). */
const HomeCommunityIdAsPublished = externalValueSet('http://medcomfhir.dk/ig/xdsmetadata/ValueSet/MedCom-ihe-homeCommunityId-VS');

export const MedComConditionListOrganization = defineProfile(pkg, MedComDocumentOrganization, {
  id: 'medcom-conditionlist-organization',
  name: 'MedComConditionListOrganization',
  description: 'An instance of the MedCom ConditionList Organization resource.',
  elements: {
    'identifier[Ydernummer]': { ms: true },
    'identifier[Ydernummer].system': { ms: true },
    'identifier[Ydernummer].value': { ms: true },
  },
});

const ms = { ms: true } as const;

export const MedComConditionListCondition = defineProfile(pkg, DkCoreCondition, {
  id: 'medcom-conditionlist-condition',
  name: 'MedComConditionListCondition',
  description: 'An instance of the MedCom ConditionList Condition resource.',
  elements: {
    clinicalStatus: ms,
    category: {
      card: '1..',
      ms: true,
      slicing: {
        discriminator: [{ type: 'value', path: 'coding.code' }],
        description: 'Slice based on the coding.code value to differentiate the category of the condition',
        ordered: false,
        rules: 'open',
      },
      slices: {
        type: {
          card: '0..1',
          ms: true,
          short:
            "Type of the diagnosis (Danish: Diagnosetype). 'Kontaktdiagnose' = 'encounter-diagnosis', 'Forløbsdiagnose' = 'problem-list-item'",
          elements: {
            'coding.system': { card: '1..', ms: true, pattern: 'http://terminology.hl7.org/CodeSystem/condition-category' },
            'coding.code': { card: '1..', ms: true, binding: required(ConditionCategory) },
          },
        },
        status: {
          card: '1..1',
          ms: true,
          short: "The status for this diagnosis (Danish: Diagnosestatus). 'Aktuel' = 'current', 'Relevant' = 'resolved'",
          elements: {
            'coding.system': { card: '1..', ms: true, pattern: 'http://snomed.info/sct' },
            'coding.code': { card: '1..', ms: true, binding: required(MedComConditionListStatus) },
          },
        },
      },
    },
    'code.coding.system': ms,
    'code.coding.code': ms,
    'code.coding.display': ms,
    ...Object.fromEntries(
      ['FSIIIConditionCode', 'SCTConditionCode', 'FFBConditionCode', 'SKS-D', 'ICPC2code'].flatMap((s) => [
        [`code.coding[${s}].system`, ms],
        [`code.coding[${s}].code`, ms],
        [`code.coding[${s}].display`, ms],
      ]),
    ),
    'code.text': { ms: true, short: 'The condition text selected by the recorder (Danish: Diagnosetekst).' },
    subject: ms,
    'onset[x]': { slicing: { discriminator: [{ type: 'type', path: '$this' }], ordered: false, rules: 'open' } },
    onsetDateTime: {
      card: '0..1',
      ms: true,
      only: ['dateTime'],
      short: 'Date of the diagnosed onset of the condition (Danish: Debutdato)',
    },
    'abatement[x]': { slicing: { discriminator: [{ type: 'type', path: '$this' }], ordered: false, rules: 'open' } },
    abatementDateTime: {
      card: '0..1',
      ms: true,
      only: ['dateTime'],
      short: 'Date of the abate end of the condition (Danish: Afslutningsdato)',
    },
    recordedDate: {
      card: '1..',
      ms: true,
      short: "Date of registration of the diagnosis in the general practitioner's own system (Danish: Registreringsdato)",
    },
    note: { card: '..1', ms: true },
    'note.text': { ms: true, short: 'Additional description for the condition (Danish: Tillægstekst)' },
  },
});

export const MedComConditionListComposition = defineProfile(pkg, MedComDocumentComposition, {
  id: 'medcom-conditionlist-composition',
  name: 'MedComConditionListComposition',
  description: 'A profile for the MedCom ConditionList Composition resource.',
  elements: {
    language: { pattern: 'da' },
    type: { pattern: { coding: [{ system: 'http://loinc.org', code: '11450-4', display: 'Problem list - Reported' }] } },
    'type.coding': ms,
    date: { short: 'Last update of the condition list' },
    'author[institution]': { only: [Reference(MedComConditionListOrganization)] },
    title: { short: "Expected: 'Diagnoseoversigt for **CPR-nummer**'" },
    confidentiality: { pattern: 'N' },
    'section.entry': { card: '1..', only: [Reference(MedComConditionListCondition)] },
  },
});

export const MedComConditionListBundle = defineProfile(pkg, MedComDocumentBundle, {
  id: 'medcom-conditionlist-bundle',
  name: 'MedComConditionListBundle',
  description: 'A profile for the MedCom ConditionList Bundle resource.',
  elements: {
    entry: {
      slicing: { ...slicing.type('$this.resource'), description: 'Slicing based on the resource type' },
      slices: {
        'medcom-conditionlist-composition': {
          card: '1..1',
          ms: true,
          short: 'First entry is a composition',
          elements: { resource: { only: [MedComConditionListComposition] } },
        },
      },
    },
  },
});

/**
 * Published as is: MedCom's FSH constrains `extension.value[x]` on the *unsliced* extension
 * element, so the constraints (no sub-extensions; a Coding from the homeCommunityId value set; the
 * version string 1.0.0) apply to every extension of the DocumentReference, not only to the two
 * slices. See docs/compiler/parity.md.
 */
export const MedComConditionListDocumentReference = defineProfile(pkg, MedComDocumentReference, {
  id: 'medcom-conditionlist-documentreference',
  name: 'MedComConditionListDocumentReference',
  description: 'A profile for the MedCom ConditionListDocumentReference resource.',
  elements: {
    'extension.extension': { card: '..0' },
    'extension.value[x]': { slicing: { discriminator: [{ type: 'type', path: '$this' }], ordered: false, rules: 'open' } },
    // as published: xdsmetadata 1.0.1 defines no ValueSet at this url (it has MedCom-ihe-core-homeCommunityId-VS)
    'extension.valueCoding': { card: '0..1', only: ['Coding'], binding: required(HomeCommunityIdAsPublished) },
    'extension.valueString': { card: '0..1', only: ['string'], pattern: '1.0.0' },
    type: { binding: required(PLR_DK_IHE_TypeCode) },
    'content.format': { binding: required(MedComIHE_PLR_DK_FormatCode) },
  },
});
