import { packageContents } from '../../../src/dsl/index.js';
import * as cs from './codesystems.js';
import { pkg } from './package.js';
import * as vs from './valuesets.js';

/** Every CodeSystem and ValueSet of the published package, in publication order. */
export default packageContents(pkg, [
  cs.MedComAcknowledgementErrorCodes, vs.MedComAcknowledgementIssueDetailValues, cs.MedComCareCommunicationCategoryCodes,
  vs.MedComCareCommunicationCategories, vs.MedComCareCommunicationMessageActivities,
  vs.MedComCareCommunicationRequestPriority, vs.MedComConditionListStatus, vs.MedComCoreAttachmentMimeTypes,
  vs.MedComCoreDiagnosticReportStatus, cs.MedComCoreEncounterActCodes, vs.MedComCoreEncounterClass,
  cs.MedComCoreInterpretationCodes, vs.MedComCoreInterpretationCodesValueset, vs.MedComCoreObservationStatus,
  vs.MedComCorePractitionerRoles, cs.MedComCorePractitionerRolesAutorisationsregistret,
  cs.MedComCorePractitionerRolesSKSadministrativ, cs.MedComDiagnosticReportCodes,
  vs.MedComDiagnosticReportCodesValueset, vs.MedComHomeCareObservationMessageActivities,
  vs.MedComHospitalNotificationEncounterClass, vs.MedComHospitalNotificationEncounterStatus,
  vs.MedComHospitalNotificationMessageActivities, cs.MedComMessageDefinitionType, vs.MedComMessageDefinitionTypeVS,
  vs.MedComMessagingActivityCodesValueSet, cs.MedComMessagingActivityCodesCodeSystem,
  cs.MedComMessagingCancellationReason, cs.MedComMessagingDesinationUseCodes, cs.MedComMessageEventCodes,
  vs.MedComMessagingMessageTypes, cs.MedComMessagingSorEdiSystem, vs.MedComMessagingSorEdiValues,
  cs.MedComMessagingStatisticalCodes, cs.MedComObservationCodes, cs.MedComObservationResultGroup,
  vs.MedComObservarionResponesGroupValueSet, vs.MedComObservationValueSet, cs.MedComProducentID,
  vs.MedComProducentIDValueSet, cs.MedComMessageDefinitionIdentifierSystem,
  vs.MedComMessageDefinitionIdentifierSystemVS, cs.NPUObservationCodes, vs.NPUObservationCodesValueSet,
  vs.MedComUseContextCodeSystemVS,
]);
