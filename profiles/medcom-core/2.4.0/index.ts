import { packageContents } from '../../../src/dsl/index.js';
import { Lpr3Identifier, MedComAssignedIdentifier, MedComMessagingContactPoint } from './datatypes.js';
import * as ext from './extensions.js';
import { pkg } from './package.js';
import * as r from './resources.js';

export default packageContents(pkg, [
  Lpr3Identifier,
  MedComAssignedIdentifier,
  r.MedComCoreCareTeam,
  ext.MedComCoreContactExtension,
  ext.MedComCoreDateTimeExtension,
  r.MedComCoreDiagnosticReport,
  r.MedComCoreEncounter,
  ext.MedComCoreIdentifierExtension,
  r.MedComCoreMedia,
  r.MedComCoreObservation,
  r.MedComCoreOrganization,
  r.MedComCorePatient,
  ext.MedComCorePractitionerExtension,
  r.MedComCorePractitioner,
  r.MedComCorePractitionerRole,
  ext.MedComCoreSenderExtension,
  MedComMessagingContactPoint,
]);
