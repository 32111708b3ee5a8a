import { defineValueSet, valueSetSpec, type ValueSetSpec } from '../../../src/dsl/index.js';
import { valueSetSpecs as v200, type CodeSystems } from '../2.0.0-draft/valuesets.js';
import * as codeSystems from './codesystems.js';
import { pkg } from './package.js';

export type { CodeSystems };

/** From 2.0.2 on each artifact has its own version; `date` is the artifact's new date when it changed. */
function revised(spec: ValueSetSpec, version: string, date?: string): ValueSetSpec {
  return date === undefined ? { ...spec, version } : { ...spec, version, extra: { ...spec.extra, date } };
}

/** Draft → active, and the `experimental` flag is dropped. */
function released({ experimental: _experimental, ...spec }: ValueSetSpec): ValueSetSpec {
  return { ...spec, status: 'active' };
}

const TERMINOLOGY_2025 = '2025-09-22';
const REPERTOIRE_2025 = '2025-11-18';

/** What changed from 2.0.0-draft; every artifact is revised at least in its version. */
export const valueSetSpecs = (cs: CodeSystems) => {
  const v = v200(cs);
  return {
    ...v,
    MedComDiagnosticReportCodesValueset: revised(released(v.MedComDiagnosticReportCodesValueset), '1.8.2', REPERTOIRE_2025),
    MedComProducentIDValueSet: revised(released(v.MedComProducentIDValueSet), '1.8.2', REPERTOIRE_2025),
    MedComHomeCareObservationMessageActivities: revised(v.MedComHomeCareObservationMessageActivities, '1.8.1'),
    MedComAcknowledgementIssueDetailValues: revised(v.MedComAcknowledgementIssueDetailValues, '1.8.1'),
    MedComCareCommunicationCategories: revised(v.MedComCareCommunicationCategories, '1.9.0', '2025-10-28'),
    MedComCareCommunicationMessageActivities: revised(v.MedComCareCommunicationMessageActivities, '1.8.1', TERMINOLOGY_2025),
    MedComCareCommunicationRequestPriority: revised(v.MedComCareCommunicationRequestPriority, '1.8.1'),
    MedComConditionListStatus: revised(v.MedComConditionListStatus, '1.8.1'),

    /** Lists the SKS code system's codes as 2.0.2 has them: the corrected codes next to the deprecated misspellings. */
    MedComCorePractitionerRoles: valueSetSpec({
      ...revised(v.MedComCorePractitionerRoles, '2.0.0', TERMINOLOGY_2025),
      description: 'ValueSet containing codes for practionerroles (Danish: Stillingsbetegnelser) from MedCom.',
      include: v.MedComCorePractitionerRoles.include.map((i) =>
        i.system === cs.MedComCorePractitionerRolesSKSadministrativ
          ? { ...i, concepts: cs.MedComCorePractitionerRolesSKSadministrativ.codes }
          : i,
      ),
    }),

    MedComCoreAttachmentMimeTypes: revised(v.MedComCoreAttachmentMimeTypes, '1.8.1'),

    /** `other` now with its display; the observation encounter (OBSENC) excluded. */
    MedComCoreEncounterClass: valueSetSpec({
      ...revised(v.MedComCoreEncounterClass, '2.0.0', '2025-10-28'),
      include: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
          filter: [{ property: 'concept', op: 'descendent-of', value: '_ActEncounterCode' }],
        },
        { system: cs.MedComCoreEncounterActCodes, concepts: [{ code: 'other', display: 'Other encounter class' }] },
      ],
      exclude: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', concepts: ['OBSENC'] }],
    }),

    MedComCoreInterpretationCodesValueset: revised(released(v.MedComCoreInterpretationCodesValueset), '1.8.2', REPERTOIRE_2025),
    MedComCoreObservationStatus: valueSetSpec({
      ...revised(v.MedComCoreObservationStatus, '1.8.2', REPERTOIRE_2025),
      experimental: false,
    }),
    MedComCoreDiagnosticReportStatus: revised(v.MedComCoreDiagnosticReportStatus, '1.8.1'),
    MedComHospitalNotificationEncounterClass: revised(v.MedComHospitalNotificationEncounterClass, '1.8.1'),
    MedComHospitalNotificationEncounterStatus: revised(v.MedComHospitalNotificationEncounterStatus, '1.8.1'),
    MedComHospitalNotificationMessageActivities: revised(v.MedComHospitalNotificationMessageActivities, '1.8.1', TERMINOLOGY_2025),
    MedComMessageDefinitionTypeVS: revised(v.MedComMessageDefinitionTypeVS, '1.8.1'),
    MedComMessageDefinitionIdentifierSystemVS: revised(v.MedComMessageDefinitionIdentifierSystemVS, '1.8.1'),
    MedComUseContextCodeSystemVS: revised(v.MedComUseContextCodeSystemVS, '1.8.1'),
    MedComMessagingActivityCodesValueSet: revised(v.MedComMessagingActivityCodesValueSet, '1.8.1', TERMINOLOGY_2025),
    MedComMessagingMessageTypes: revised(v.MedComMessagingMessageTypes, '1.8.1', TERMINOLOGY_2025),
    MedComMessagingSorEdiValues: revised(v.MedComMessagingSorEdiValues, '1.8.1', TERMINOLOGY_2025),
    MedComObservarionResponesGroupValueSet: revised(released(v.MedComObservarionResponesGroupValueSet), '1.8.2', REPERTOIRE_2025),
    MedComObservationValueSet: revised(released(v.MedComObservationValueSet), '1.8.2', REPERTOIRE_2025),
    NPUObservationCodesValueSet: revised(released(v.NPUObservationCodesValueSet), '1.9.0', REPERTOIRE_2025),
  };
};

const specs = valueSetSpecs(codeSystems);

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
export const MedComUseContextCodeSystemVS = defineValueSet(pkg, specs.MedComUseContextCodeSystemVS);
export const MedComObservationValueSet = defineValueSet(pkg, specs.MedComObservationValueSet);
export const NPUObservationCodesValueSet = defineValueSet(pkg, specs.NPUObservationCodesValueSet);
