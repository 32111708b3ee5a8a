import { packageContents } from '../../../src/dsl/index.js';
import { MedComDocumentHomeCommunityID, MedComDocumentVersionID } from './extensions.js';
import { MedComContainedDocumentReference } from './documentreference.js';
import { pkg } from './package.js';
import * as r from './resources.js';
import { documentTerminology } from './terminology.js';

export default packageContents(pkg, [
  MedComContainedDocumentReference,
  r.MedComDocumentBundle,
  r.MedComDocumentCareTeam,
  r.MedComDocumentComposition,
  MedComDocumentHomeCommunityID,
  r.MedComDocumentObservation,
  r.MedComDocumentOrganization,
  r.MedComDocumentPatient,
  r.MedComDocumentPractitioner,
  r.MedComDocumentPractitionerRole,
  MedComDocumentVersionID,
  ...documentTerminology,
]);
