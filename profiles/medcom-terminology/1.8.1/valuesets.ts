import { defineValueSet, valueSetSpec } from '../../../src/dsl/index.js';
import type { CodeSystemHandle } from '../../../src/dsl/handles.js';
import * as codeSystems from './codesystems.js';
import { pkg } from './package.js';

const da = (value: string) => ({ language: 'da', value });
/** Designation use "Synonym" (SNOMED CT 900000000000013009), published without its system. */
const synonym = (value: string) => ({ use: { code: '900000000000013009' }, value });

/** The code systems of this package the value sets include; a later version passes its own handles. */
export type CodeSystems = Record<
  | 'MedComObservationResultGroup'
  | 'MedComAcknowledgementErrorCodes'
  | 'MedComCareCommunicationCategoryCodes'
  | 'MedComCoreEncounterActCodes'
  | 'MedComCoreInterpretationCodes'
  | 'MedComCorePractitionerRolesAutorisationsregistret'
  | 'MedComCorePractitionerRolesSKSadministrativ'
  | 'MedComDiagnosticReportCodes'
  | 'MedComMessageDefinitionType'
  | 'MedComMessagingActivityCodesCodeSystem'
  | 'MedComMessageEventCodes'
  | 'MedComMessagingSorEdiSystem'
  | 'MedComProducentID'
  | 'MedComMessageDefinitionIdentifierSystem',
  CodeSystemHandle
>;

/** The value sets as specs, given the code systems they include, so a later version can carry them over or amend them. */
export const valueSetSpecs = (cs: CodeSystems) => ({
  MedComObservationValueSet: valueSetSpec({
    id: 'MedComObservationValueSet',
    name: 'MedComObservationValueSet',
    title: 'MedCom Observation ValueSet',
    status: 'draft',
    experimental: true,
    description: 'Valuesets for Observation defined by MedCom',
    include: [
      {
        system: 'https://terminology.medcom.dk/fhir/observation-code', // a MedCom code system not defined in this package
        concepts: [
          { code: 'MCS88122', display: 'Pt—Respiration; frekvens = ? X 1/min', designation: [synonym('Respirationsfrekvens;Pt')] },
          {
            code: 'MCS88125',
            display: 'Pt—Tidlig Opsporing af Begyndende Sygdom (TOBS) score; antal (værdi 0-15) = ?',
            designation: [synonym('TOBS score;Pt')],
          },
          { code: 'MCS88126', display: 'Pt—Bevidsthedsniveau; arb.antal(værdi 0-3) = ?', designation: [synonym('Bevidsthed;Pt')] },
          {
            code: 'MCS88147',
            display: 'Pt—Manniche VAS-score(total); antal(værdi 0-60) = ?',
            designation: [synonym('Manniche VAS-score(total);Pt')],
          },
        ],
      },
    ],
  }),

  MedComAcknowledgementIssueDetailValues: valueSetSpec({
    id: 'medcom-acknowledgement-issue-details',
    name: 'MedComAcknowledgementIssueDetailValues',
    title: 'MedComAcknowledgementIssueDetailValues',
    experimental: false,
    description: 'ValueSet including detailed issues describtions.',
    include: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/operation-outcome',
        concepts: [
          'MSG_ID_INVALID',
          'MSG_ID_TOO_LONG',
          'MSG_BAD_FORMAT',
          'MSG_BAD_SYNTAX',
          'MSG_DATE_FORMAT',
          'MSG_DUPLICATE_ID',
          'MSG_INVALID_ID',
          'MSG_JSON_OBJECT',
          'MSG_LOCAL_FAIL',
          'MSG_NO_MATCH',
          'MSG_NO_EXIST',
          'MSG_NO_SUMMARY',
          'MSG_PARAM_INVALID',
          'MSG_PARAM_NO_REPEAT',
          'MSG_PARAM_UNKNOWN',
          'MSG_RESOURCE_ID_MISMATCH',
          'MSG_RESOURCE_ID_FAIL',
          'MSG_RESOURCE_ID_MISSING',
          'MSG_RESOURCE_NOT_ALLOWED',
          'MSG_RESOURCE_REQUIRED',
          'MSG_RESOURCE_TYPE_MISMATCH',
          'MSG_TRANSACTION_DUPLICATE_ID',
          'MSG_TRANSACTION_MISSING_ID',
          'MSG_UNKNOWN_TYPE',
          'MSG_VERSION_AWARE',
          'MSG_VERSION_AWARE_CONFLICT',
          'MSG_VERSION_AWARE_URL',
          'MSG_WRONG_NS',
        ],
      },
      {
        system: cs.MedComAcknowledgementErrorCodes,
        concepts: [
          'MSG_Receiver_Identifier_UNKNOWN',
          'MSG_Receiver_Identifier_MISSING',
          'MSG_RECEIVER_UNABLE_TO_RECEIVE_MSG_TYPE',
          'MSG_VALUESET_VALUE_UNKNOWN',
          'MSG_CodeSystem_VALUE_UNKNOWN',
          'MSG_Element_To_Long',
          'MSG_Datatype_Wrong',
          'MSG_Mailbox_Out_Of_Operation',
          'MSG_Damaged_durin_transport',
        ],
      },
    ],
    extra: { date: '2024-01-18' },
  }),

  MedComCareCommunicationCategories: valueSetSpec({
    id: 'medcom-careCommunication-categories',
    name: 'MedComCareCommunicationCategories',
    title: 'MedComCareCommunicationCategoryCodes',
    experimental: false,
    description: 'ValueSet containing category codes for care communication messages',
    include: [{ system: cs.MedComCareCommunicationCategoryCodes }],
    extra: { date: '2022-11-01' },
  }),

  MedComCareCommunicationMessageActivities: valueSetSpec({
    id: 'medcom-careCommunication-messagingActivities',
    name: 'MedComCareCommunicationMessageActivities',
    title: 'MedComCareCommunicationMessageActivityCodes',
    experimental: false,
    description: 'ValueSet containg activity codes for care communication messages',
    include: [
      {
        system: cs.MedComMessagingActivityCodesCodeSystem,
        concepts: ['new-message', 'reply-message', 'forward-message'],
      },
    ],
    extra: { date: '2022-11-01' },
  }),

  MedComCareCommunicationRequestPriority: valueSetSpec({
    id: 'medcom-careCommunication-requestPriority',
    name: 'MedComCareCommunicationRequestPriority',
    title: 'MedComCareCommunicationRequestPriorityCodes',
    experimental: false,
    description: 'ValueSet containg priority codes for care communication messages',
    include: [
      {
        system: 'http://hl7.org/fhir/request-priority',
        concepts: ['routine', 'asap'],
      },
    ],
    extra: { date: '2022-09-01' },
  }),

  MedComConditionListStatus: valueSetSpec({
    id: 'medcom-conditionlist-status-valueset',
    name: 'MedComConditionListStatus',
    title: 'MedComConditionListStatus',
    experimental: false,
    description: 'MedComConditionListStatus used to define the status of a condition',
    include: [
      {
        system: 'http://snomed.info/sct',
        concepts: ['723506003', '15240007'],
      },
    ],
    extra: { date: '2024-09-15' },
  }),

  MedComCoreAttachmentMimeTypes: valueSetSpec({
    id: 'medcom-core-attachmentMimeTypes',
    name: 'MedComCoreAttachmentMimeTypes',
    title: 'MedComCoreAttachmentMimeTypes',
    experimental: false,
    description: 'ValueSet containing allowed mime types for MedCom messages',
    include: [
      {
        system: 'urn:ietf:bcp:13',
        concepts: ['application/pdf', 'image/gif', 'image/jpeg', 'image/png', 'image/tiff', 'image/bmp'],
      },
    ],
    extra: { date: '2024-01-18' },
  }),

  MedComCoreDiagnosticReportStatus: valueSetSpec({
    id: 'medcom-corediagnosticreport-status',
    name: 'MedComCoreDiagnosticReportStatus',
    title: 'MedComCoreDiagnosticReportStatus',
    experimental: true,
    description: 'ValueSet containing status codes for MedCom DiagnosticReport',
    include: [
      {
        system: 'http://hl7.org/fhir/diagnostic-report-status',
        concepts: [
          { code: 'registered', display: 'Registered', designation: [da('Modtaget')] },
          { code: 'partial', display: 'Partial', designation: [da('Del svar')] },
          { code: 'final', display: 'Final', designation: [da('Komplet svar')] },
          { code: 'corrected', display: 'Corrected', designation: [da('Rettet')] },
          { code: 'cancelled', display: 'Cancelled', designation: [da('Annulleret')] },
        ],
      },
    ],
  }),

  MedComCoreEncounterClass: valueSetSpec({
    id: 'medcom-core-encounter-class',
    name: 'MedComCoreEncounterClass',
    title: 'MedComCoreEncounterClassCodes',
    experimental: false,
    description: 'ValueSet containing classification codes for MedComCoreEncounter.',
    include: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
        filter: [{ property: 'concept', op: 'descendent-of', value: '_ActEncounterCode' }],
      },
      {
        system: cs.MedComCoreEncounterActCodes,
        concepts: ['other'],
      },
    ],
    extra: { date: '2022-09-01' },
  }),

  MedComCoreInterpretationCodesValueset: valueSetSpec({
    id: 'medcom-core-interpreation-valueset',
    name: 'MedComCoreInterpretationCodesValueset',
    title: 'MedComCoreInterpretationValueset',
    experimental: true,
    description: 'Valueset with code for interpretation of an observation',
    include: [
      { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation' },
      {
        system: cs.MedComCoreInterpretationCodes,
        concepts: ['NI'],
      },
    ],
  }),

  MedComCoreObservationStatus: valueSetSpec({
    id: 'medcom-core-observation-status',
    name: 'MedComCoreObservationStatus',
    title: 'MedComCoreObservationStatus',
    experimental: true,
    description: 'ValueSet containing status codes for MedCom Core Observation',
    include: [
      {
        system: 'http://hl7.org/fhir/observation-status',
        concepts: [
          { code: 'registered', display: 'Registered', designation: [da('Modtaget')] },
          { code: 'preliminary', display: 'Preliminary', designation: [da('Forløbigt svar')] },
          { code: 'final', display: 'Final', designation: [da('Endelig')] },
          { code: 'corrected', display: 'Corrected', designation: [da('Svar rettet')] },
          { code: 'cancelled', display: 'Cancelled', designation: [da('Svar annulleret')] },
        ],
      },
    ],
  }),

  MedComCorePractitionerRoles: valueSetSpec({
    id: 'medcom-core-PractitionerRoles',
    name: 'MedComCorePractitionerRoles',
    title: 'MedComCorePractitionerRoles',
    experimental: false,
    description: 'ValueSet containing codes for practionerroles (Danish: Stillingsbetegnelser) from MedCom',
    include: [
      {
        system: cs.MedComCorePractitionerRolesAutorisationsregistret,
        concepts: ['ambulancebehandler', 'laege', 'osteopat'],
      },
      {
        system: cs.MedComCorePractitionerRolesSKSadministrativ,
        concepts: [
          'speciallaege',
          'speciallaegeipraksis',
          'cheflaege',
          'overlaege',
          'afdelingslaege',
          'sygehuslaege',
          'sygeplejerske',
          'sundhedsplejerske',
          'socialogsundhedsassistent',
          'socialogsundhedsmehjaelper',
          'sygehjaelper',
          'plejer',
          'plejehjemsassistent',
          'tandlaege',
          'klinisktandtekniker',
          'tandplejer',
          'farmaceut',
          'apoteker',
          'pyskolog',
          'jordemoder',
          'fysioterapeut',
          'ergoterapeut',
          'bioanalytiker',
          'radiograf',
          'diaetist',
          'diaetistassistent',
          'audilogiassistent',
          'neurofysiologassistent',
          'kiropraktor',
          'zoneterapeut',
          'psykoterapeut',
          'audiologopaed',
          'laegesekretaer',
          'ledendelaegesekretaer',
          'sygeplejesekretear',
          'fodterapeut',
          'socialraadgiver',
          'ledendesocialraadgiver',
          'laerer',
          'paedagog',
          'beskaeftigelsesvejleder',
          'bandagist',
          'skomager',
          'optiker',
        ],
      },
      {
        system: 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor',
        concepts: ['NAVU'],
      },
    ],
  }),

  MedComDiagnosticReportCodesValueset: valueSetSpec({
    id: 'MedComDiagnosticReportCodesValueset',
    name: 'MedComDiagnosticReportCodesValueset',
    title: 'MedComDiagnosticReportCodesValueset',
    status: 'draft',
    experimental: true,
    description: 'ValueSet with codes that represents the name of the diagnostic report.',
    include: [
      {
        system: cs.MedComDiagnosticReportCodes,
        concepts: ['HomeCareReport'],
      },
    ],
  }),

  MedComHomeCareObservationMessageActivities: valueSetSpec({
    id: 'medcom-HomeCareObservation-messagingActivities',
    name: 'MedComHomeCareObservationMessageActivities',
    title: 'MedComHomeCareObservationMessageActivityCodes',
    status: 'draft',
    experimental: true,
    description: 'ValueSet containg activity codes for HomeCareObservation messages',
    include: [
      {
        system: cs.MedComMessagingActivityCodesCodeSystem,
        concepts: ['new-message', 'reply-message', 'retract-message', 'modified-message'],
      },
    ],
    exclude: [
      {
        system: cs.MedComMessagingActivityCodesCodeSystem,
        concepts: ['carboncopy-message'],
      },
    ],
  }),

  MedComHospitalNotificationEncounterClass: valueSetSpec({
    id: 'medcom-hospitalNotification-encounterClass',
    name: 'MedComHospitalNotificationEncounterClass',
    title: 'MedComHospitalNotificationEncounterClassCodes',
    experimental: false,
    description: 'ValueSet containg class codes for hospital notification encounter',
    include: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
        concepts: [
          { code: 'EMER', display: 'emergency' },
          { code: 'IMP', display: 'inpatient encounter' },
        ],
      },
    ],
    extra: { date: '2022-09-01' },
  }),

  MedComHospitalNotificationEncounterStatus: valueSetSpec({
    id: 'medcom-hospitalNotification-encounterStatus',
    name: 'MedComHospitalNotificationEncounterStatus',
    title: 'MedComHospitalNotificationEncounterStatusCodes',
    experimental: false,
    description: 'ValueSet containing status codes for hospital notification encounter',
    include: [
      {
        system: 'http://hl7.org/fhir/encounter-status',
        concepts: ['in-progress', 'onleave', 'finished', 'entered-in-error'],
      },
    ],
    extra: { date: '2022-09-01' },
  }),

  MedComHospitalNotificationMessageActivities: valueSetSpec({
    id: 'medcom-hospitalNotification-messageActivities',
    name: 'MedComHospitalNotificationMessageActivities',
    title: 'MedComHospitalNotificationMessageActivityCodes',
    experimental: false,
    description: 'ValueSet containg activity codes for hospital notification messages',
    include: [
      {
        system: cs.MedComMessagingActivityCodesCodeSystem,
        concepts: [
          {
            code: 'admit-emergency',
            display: 'Start hospital stay - acute ambulant',
            designation: [da('Start sygehusophold - akut ambulant')],
          },
          {
            code: 'revise-admit-emergency',
            display: 'Update Start hospital stay - acute ambulant',
            designation: [da('Rettelse Start sygehusophold - akut ambulant')],
          },
          {
            code: 'cancel-admit-emergency',
            display: 'Cancellation Start hospital stay - acute ambulant',
            designation: [da('Annullering Start sygehusophold - akut ambulant')],
          },
          { code: 'admit-inpatient', display: 'Start hospital stay - admission', designation: [da('Start sygehusophold - indlagt')] },
          {
            code: 'revise-admit-inpatient',
            display: 'Update Start hospital stay - admission',
            designation: [da('Rettelse Start sygehusophold - indlagt')],
          },
          {
            code: 'cancel-admit-inpatient',
            display: 'Cancellation Start hospital stay - admission',
            designation: [da('Annullering Start sygehusophold  - indlagt')],
          },
          { code: 'start-leave-inpatient', display: 'Start leave', designation: [da('Start orlov')] },
          { code: 'revise-start-leave-inpatient', display: 'Update Start leave', designation: [da('Rettelse Start orlov')] },
          { code: 'cancel-start-leave-inpatient', display: 'Cancellation Start leave', designation: [da('Annullering Start orlov')] },
          { code: 'end-leave-inpatient', display: 'End leave', designation: [da('Slut orlov')] },
          { code: 'revise-end-leave-inpatient', display: 'Update End leave', designation: [da('Rettelse Slut orlov')] },
          { code: 'cancel-end-leave-inpatient', display: 'Cancellation End leave', designation: [da('Annullering Slut orlov')] },
          {
            code: 'discharge-emergency-home',
            display: 'End hospital stay - patient completed to home/primary sector',
            designation: [da('Slut sygehusophold - afsluttet til hjemmet/primær sektor')],
          },
          {
            code: 'revise-discharge-emergency-home',
            display: 'Update End hospital stay - patient completed to home/primary sector',
            designation: [da('Rettelse Slut sygehusophold - afsluttet til hjemmet/primær sektor')],
          },
          {
            code: 'cancel-discharge-emergency-home',
            display: 'Cancellation End hospital stay - patient completed to home/primary sector',
            designation: [da('Annullering Slut sygehusophold - afsluttet til hjemmet/primær sektor')],
          },
          {
            code: 'discharge-inpatient-home',
            display: 'End hospital stay - patient completed to home/primary sector',
            designation: [da('Slut sygehusophold - afsluttet til hjemmet/primær sektor')],
          },
          {
            code: 'revise-discharge-inpatient-home',
            display: 'Update End hospital stay - patient completed to home/primary sector',
            designation: [da('Rettelse Slut sygehusophold - afsluttet til hjemmet/primær sektor')],
          },
          {
            code: 'cancel-discharge-inpatient-home',
            display: 'Cancellation End hospital stay - patient completed to home/primary sector',
            designation: [da('Annullering Slut sygehusophold - afsluttet til hjemmet/primær sektor')],
          },
        ],
      },
    ],
    extra: { date: '2023-01-06' },
  }),

  MedComMessageDefinitionTypeVS: valueSetSpec({
    id: 'medcom-message-definition-type-valueset',
    name: 'MedComMessageDefinitionTypeVS',
    title: 'MedComMessageDefinitionTypeValueset',
    experimental: false,
    description: 'MedComMessageDefinitionTypeVS for the messaging infrastructure',
    include: [{ system: cs.MedComMessageDefinitionType }],
    extra: { date: '2024-06-26' },
  }),

  MedComMessagingActivityCodesValueSet: valueSetSpec({
    id: 'medcom-messaging-activityCodes',
    name: 'MedComMessagingActivityCodes',
    title: 'MedComMessagingActivityCodes',
    experimental: false,
    description: 'ValueSet containing codes for activities occuring in MedCom messages',
    include: [
      {
        system: cs.MedComMessagingActivityCodesCodeSystem,
        concepts: [
          'new-message',
          'forward-message',
          'reply-message',
          'retract-message',
          'modified-message',
          'admit-emergency',
          'carboncopy-message',
          'revise-admit-emergency',
          'cancel-admit-emergency',
          'admit-inpatient',
          'revise-admit-inpatient',
          'cancel-admit-inpatient',
          'start-leave-inpatient',
          'revise-start-leave-inpatient',
          'cancel-start-leave-inpatient',
          'end-leave-inpatient',
          'revise-end-leave-inpatient',
          'cancel-end-leave-inpatient',
          'discharge-emergency-home',
          'discharge-inpatient-home',
          'revise-discharge-emergency-home',
          'revise-discharge-inpatient-home',
          'cancel-discharge-emergency-home',
          'cancel-discharge-inpatient-home',
          'acknowledgement',
        ],
      },
    ],
    extra: { date: '2023-01-06' },
  }),

  MedComMessagingMessageTypes: valueSetSpec({
    id: 'medcom-messaging-messageTypes',
    name: 'MedComMessagingMessageTypes',
    title: 'MedComMessagingMessageTypes',
    experimental: false,
    description: 'All message types of MedCom messages',
    include: [
      {
        system: cs.MedComMessageEventCodes,
        concepts: [
          'empty-message',
          'care-communication-message',
          'hospital-notification-message',
          'acknowledgement-message',
          'homecareobservation-message',
        ],
      },
    ],
  }),

  MedComMessagingSorEdiValues: valueSetSpec({
    id: 'medcom-messaging-sorEdiValues',
    name: 'MedComMessagingSorEdiValues',
    title: 'MedComMessagingSorEdiValues',
    experimental: false,
    description: 'Values for SOREDI message types',
    include: [
      {
        system: cs.MedComMessagingSorEdiSystem,
        concepts: ['FDIS91', 'FDIS20', 'FCTL'],
      },
    ],
    extra: { date: '2023-05-23' },
  }),

  MedComObservarionResponesGroupValueSet: valueSetSpec({
    id: 'medcom-obs-responseGroup',
    name: 'MedComObservarionResponesGroupValueSet',
    title: 'MedComObservationResultGroupValueSet',
    status: 'draft',
    experimental: true,
    description: 'National response groups for observation results.',
    include: [
      {
        system: cs.MedComObservationResultGroup,
        concepts: [
          '5',
          '10',
          '15',
          '20',
          '25',
          '30',
          '35',
          '40',
          '45',
          '50',
          '55',
          '60',
          '65',
          '70',
          '75',
          '80',
          '85',
          '90',
          '95',
          '100',
          '105',
          '110',
          '115',
          '120',
        ],
      },
    ],
    extra: { date: '2024-01-18' },
  }),

  MedComProducentIDValueSet: valueSetSpec({
    id: 'medcm-producentID-valueset',
    name: 'MedComProducentIDValueSet',
    title: 'MedComProducentIDValueSet',
    status: 'draft',
    experimental: true,
    description: 'ProducentID',
    include: [
      {
        system: cs.MedComProducentID,
        concepts: ['KAF'],
      },
    ],
  }),

  MedComMessageDefinitionIdentifierSystemVS: valueSetSpec({
    id: 'medcom-messagedefinition-identifer-system-valueset',
    name: 'MedComMessageDefinitionIdentifierSystemVS',
    title: 'MessageDefinitionIdentifierSystemValueset',
    experimental: false,
    description: 'MessageDefinitionIdentifierSystemVS for the messaging infrastructure',
    include: [{ system: cs.MedComMessageDefinitionIdentifierSystem }],
    extra: { date: '2024-06-26' },
  }),

  NPUObservationCodesValueSet: valueSetSpec({
    id: 'NPUObservationCodesValueSet',
    identifier: [{ value: 'urn:oid:1.2.208.176.2.1' }],
    name: 'NPUObservationCodesValueSet',
    title: 'NPUObservationCodesValueSet',
    experimental: true,
    description: 'ValuseSet with NPU observations Codes',
    include: [
      {
        system: 'urn:oid:1.2.208.176.2.1',
        concepts: [
          { code: 'DNK05473', display: 'Arm—Blodtryk(diastolisk); tryk =? mmHg', designation: [synonym('Blodtryk diastolisk;Arm')] },
          { code: 'DNK05472', display: 'Arm—Blodtryk(systolisk); tryk = ? mmHg', designation: [synonym('Blodtryk systolisk;Arm')] },
          { code: 'NPU21692', display: 'Hjerte—Systole; frekv. = ? × 1/min', designation: [synonym('Puls;Hjerte')] },
          { code: 'NPU10197', display: 'Hb(Fe; O2-bind.; kB)—Oxygen(O2); mætn. = ?', designation: [synonym('O2 sat.;Hb(kB)')] },
          { code: 'NPU08676', display: 'Pt—Legeme; temp. = ? °C', designation: [synonym('Legeme temp.;Pt')] },
          { code: 'NPU19748', display: 'P—C-reaktivt protein; massek. = ? mg/L', designation: [synonym('C-reaktivt protein [CRP];P')] },
          { code: 'NPU02593', display: 'B—Leukocytter; antalk. = ? × 10^9/L', designation: [synonym('Leukocytter;B')] },
          { code: 'NPU02636', display: 'B—Leukocytter; antalk. = ? × 10^9/L', designation: [synonym('Leukocyttype gruppe;B')] },
          { code: 'NPU02840', display: 'B—Monocytter; antalk. = ? × 10^9/L', designation: [synonym('Monocytter;B')] },
          { code: 'NPU02902', display: 'B—Neutrophilocytter; antalk. = ? × 10^9/L', designation: [synonym('Neutrofilocytter;B')] },
          { code: 'NPU01933', display: 'B—Eosinophilocytter; antalk. = ? × 10^9/L', designation: [synonym('Eosinofilocytter;B')] },
          // sic: NPU01933 is listed twice in the published value set
          { code: 'NPU01933', display: 'B—Eosinophilocytter; antalk. = ? × 10^9/L', designation: [synonym('Eosinofilocytter;B')] },
          { code: 'NPU01349', display: 'B—Basophilocytter; antalk. = ? × 10^9/L', designation: [synonym('Basofilocytter;B')] },
          { code: 'NPU22089', display: 'P(kB)—Glucose; stofk. = ? mmol/L', designation: [synonym('Glukose;P(kB)')] },
          {
            code: 'NPU01685',
            display: 'P—Koagulation, vævsfaktor-induceret; rel.tid(aktuel/norm; INR; IRP 67/40; proc.) = ?',
            designation: [synonym('Koagulationsfaktor II+VII+X [INR];P')],
          },
          { code: 'NPU03429', display: 'P—Natrium-ion; stofk. = ? mmol/L', designation: [synonym('Natrium;P')] },
          { code: 'NPU03230', display: 'P—Kalium-ion; stofk. = ? mmol/L', designation: [synonym('Kalium;P')] },
          { code: 'NPU01536', display: 'P—Chlorid; stofk. = ? mmol/L', designation: [synonym('Klorid;P')] },
          {
            code: 'NPU04144',
            display: 'P—Calcium-ion(frit); stofk.(pH = 7,40; proc.) = ? mmol/L',
            designation: [synonym('Calcium-ion frit (pH=7,4);P')],
          },
          { code: 'NPU02319', display: 'B—Hæmoglobin(Fe); stofk. = ? mmol/L', designation: [synonym('Hæmoglobin;B')] },
          { code: 'NPU02187', display: 'B—Glucose; stofk. = ? mmol/L', designation: [synonym('Glukose;B')] },
          { code: 'NPU21531', display: 'P(vB)—Glucose; stofk. = ? mmol/L', designation: [synonym('Glukose;P(vB)')] },
          { code: 'NPU01459', display: 'P—Carbamid; stofk. = ? mmol/L', designation: [synonym('Karbamid;P')] },
          { code: 'NPU04998', display: 'P—Creatininium; stofk.(enz.) = ? µmol/L', designation: [synonym('Kreatinin;P')] },
          { code: 'NPU18016', display: 'P—Creatininium; stofk. = ? µmol/L', designation: [synonym('Kreatinin;P')] },
          { code: 'NPU04206', display: 'U—Protein; arb.k.(proc.) = ?', designation: [synonym('Protein(semikvant);U')] },
          { code: 'NPU21578', display: 'U—Nitrit; arb.k.(proc.) = ?', designation: [synonym('Nitrit (semikvant);U')] },
          { code: 'NPU04207', display: 'U—Glucose; arb.k.(proc.) = ?', designation: [synonym('Glukose(semikvant);U')] },
          { code: 'NPU03987', display: 'U—Leukocytter; arb.k.(proc.) = ?', designation: [synonym('Leukocytter(semikvant);U')] },
          { code: 'NPU04208', display: 'U—Hæmoglobin; arb.k.(proc.) = ?', designation: [synonym('Hæmoglobin(semikvant);U')] },
          { code: 'NPU10504', display: 'U—Acetoacetat; arb.k.(proc.) = ?', designation: [synonym('Acetoacetat(semikvant);U')] },
          {
            code: 'NPU16328',
            display: 'U(midtstråle)—Bacterium+fungus; taxon(proc.) = ?',
            designation: [synonym('Dyrkning(bacterium+fungus);U(midt)')],
          },
          {
            code: 'NPU18542',
            display: 'U(spec.)—Bacterium+fungus; taxon(proc.) = ?',
            designation: [synonym('Dyrkning (bacterium+fungus);U')],
          },
          { code: 'NPU16271', display: 'Ex—Bacterium+fungus; taxon(proc.) = ?', designation: [synonym('Dyrkning (bacterium+fungus);Ex')] },
          { code: 'NPU03794', display: 'Pt—Legeme; højde = ? m', designation: [synonym('Legeme højde;Pt')] },
          { code: 'NPU03804', display: 'Pt—Legeme; masse = ? kg', designation: [synonym('Legeme vægt;Pt')] },
        ],
      },
    ],
  }),

  MedComUseContextCodeSystemVS: valueSetSpec({
    id: 'medcom-messagedefinition-use-context-code-valueset',
    name: 'MedComUseContextCodeSystemVS',
    title: 'UseContextCodeSystemValueset',
    experimental: false,
    description: 'UseContextCodeSystemVS for the messaging infrastructure',
    include: [{ system: 'http://terminology.hl7.org/CodeSystem/usage-context-type' }],
    extra: { date: '2024-06-26' },
  }),
});

const specs = valueSetSpecs(codeSystems);

export const MedComObservationValueSet = defineValueSet(pkg, specs.MedComObservationValueSet);
export const MedComAcknowledgementIssueDetailValues = defineValueSet(pkg, specs.MedComAcknowledgementIssueDetailValues);
export const MedComCareCommunicationCategories = defineValueSet(pkg, specs.MedComCareCommunicationCategories);
export const MedComCareCommunicationMessageActivities = defineValueSet(pkg, specs.MedComCareCommunicationMessageActivities);
export const MedComCareCommunicationRequestPriority = defineValueSet(pkg, specs.MedComCareCommunicationRequestPriority);
export const MedComConditionListStatus = defineValueSet(pkg, specs.MedComConditionListStatus);
export const MedComCoreAttachmentMimeTypes = defineValueSet(pkg, specs.MedComCoreAttachmentMimeTypes);
export const MedComCoreDiagnosticReportStatus = defineValueSet(pkg, specs.MedComCoreDiagnosticReportStatus);
export const MedComCoreEncounterClass = defineValueSet(pkg, specs.MedComCoreEncounterClass);
export const MedComCoreInterpretationCodesValueset = defineValueSet(pkg, specs.MedComCoreInterpretationCodesValueset);
export const MedComCoreObservationStatus = defineValueSet(pkg, specs.MedComCoreObservationStatus);
export const MedComCorePractitionerRoles = defineValueSet(pkg, specs.MedComCorePractitionerRoles);
export const MedComDiagnosticReportCodesValueset = defineValueSet(pkg, specs.MedComDiagnosticReportCodesValueset);
export const MedComHomeCareObservationMessageActivities = defineValueSet(pkg, specs.MedComHomeCareObservationMessageActivities);
export const MedComHospitalNotificationEncounterClass = defineValueSet(pkg, specs.MedComHospitalNotificationEncounterClass);
export const MedComHospitalNotificationEncounterStatus = defineValueSet(pkg, specs.MedComHospitalNotificationEncounterStatus);
export const MedComHospitalNotificationMessageActivities = defineValueSet(pkg, specs.MedComHospitalNotificationMessageActivities);
export const MedComMessageDefinitionTypeVS = defineValueSet(pkg, specs.MedComMessageDefinitionTypeVS);
export const MedComMessagingActivityCodesValueSet = defineValueSet(pkg, specs.MedComMessagingActivityCodesValueSet);
export const MedComMessagingMessageTypes = defineValueSet(pkg, specs.MedComMessagingMessageTypes);
export const MedComMessagingSorEdiValues = defineValueSet(pkg, specs.MedComMessagingSorEdiValues);
export const MedComObservarionResponesGroupValueSet = defineValueSet(pkg, specs.MedComObservarionResponesGroupValueSet);
export const MedComProducentIDValueSet = defineValueSet(pkg, specs.MedComProducentIDValueSet);
export const MedComMessageDefinitionIdentifierSystemVS = defineValueSet(pkg, specs.MedComMessageDefinitionIdentifierSystemVS);
export const NPUObservationCodesValueSet = defineValueSet(pkg, specs.NPUObservationCodesValueSet);
export const MedComUseContextCodeSystemVS = defineValueSet(pkg, specs.MedComUseContextCodeSystemVS);
