import { externalValueSet } from '../../../src/dsl/index.js';

/*
 * The MedCom Terminology value sets that Core 2.4.0 (and Messaging 3.0.0 on top of it) bind to. Core 2.4.0 depends on
 * Terminology 1.7.0, a version we do not author, so they are external handles, named by canonical without a version,
 * as published.
 */
const vs = (id: string) => externalValueSet(`http://medcomfhir.dk/ig/terminology/ValueSet/${id}`);

export const MedComCorePractitionerRoles = vs('medcom-core-PractitionerRoles');
export const MedComCoreObservationStatus = vs('medcom-core-observation-status');
export const MedComCoreDiagnosticReportStatus = vs('medcom-corediagnosticreport-status');
export const MedComDiagnosticReportCodesValueset = vs('MedComDiagnosticReportCodesValueset');
export const MedComCoreEncounterClass = vs('medcom-core-encounter-class');
export const MedComCoreAttachmentMimeTypes = vs('medcom-core-attachmentMimeTypes');
export const MedComMessagingMessageTypes = vs('medcom-messaging-messageTypes');
export const MedComMessagingActivityCodesValueSet = vs('medcom-messaging-activityCodes');
export const MedComMessageDefinitionTypeVS = vs('medcom-message-definition-type-valueset');
export const MedComMessageDefinitionIdentifierSystemVS = vs('medcom-messagedefinition-identifer-system-valueset');
export const MedComUseContextCodeSystemVS = vs('medcom-messagedefinition-use-context-code-valueset');
