import type { CodeSystemHandle } from '../../../src/dsl/handles.js';
import { defineValueSet, valueSetSpec } from '../../../src/dsl/index.js';
import { valueSetSpecs as v181, type CodeSystems as CodeSystems181 } from '../1.8.1/valuesets.js';
import * as codeSystems from './codesystems.js';
import { pkg } from './package.js';

/** The code systems of this package the value sets include; a later version passes its own handles. */
export type CodeSystems = CodeSystems181 & Record<'MedComObservationCodes' | 'NPUObservationCodes', CodeSystemHandle>;

/** What changed from 1.8.1; everything else is carried over unchanged (republished as 2.0.0-draft). */
export const valueSetSpecs = (cs: CodeSystems) => {
  // Removed: the repertoire value sets with their own code lists (MedComObservationValueSet over
  // https://terminology.medcom.dk/fhir/observation-code, NPUObservationCodesValueSet); they return below
  // under new ids as "all codes of" the new code systems.
  const { MedComObservationValueSet: _mcs181, NPUObservationCodesValueSet: _npu181, ...kept } = v181(cs);
  return {
    ...kept,

    /** Now every code of the result group code system, instead of the 24 codes listed. */
    MedComObservarionResponesGroupValueSet: valueSetSpec({
      ...kept.MedComObservarionResponesGroupValueSet,
      include: [{ system: cs.MedComObservationResultGroup }],
    }),

    /** Replaces 1.8.1's value set of the same name (id `MedComObservationValueSet`). */
    MedComObservationValueSet: valueSetSpec({
      id: 'medcom-observation-valueset',
      name: 'MedComObservationValueSet',
      title: 'MedComObservationValueSet',
      status: 'draft',
      experimental: true,
      description: 'Valuesets for Observation defined by MedCom',
      include: [{ system: cs.MedComObservationCodes }],
      extra: { date: '2025-06-28' },
    }),

    /** Replaces 1.8.1's value set of the same name (id `NPUObservationCodesValueSet`). */
    NPUObservationCodesValueSet: valueSetSpec({
      id: 'npu-observation-codes-valueset',
      name: 'NPUObservationCodesValueSet',
      title: 'NPUObservationCodesValueSet',
      status: 'draft',
      description: 'ValuseSet with NPU observations Codes',
      include: [{ system: cs.NPUObservationCodes }],
      extra: { date: '2025-06-28' },
    }),
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
