import { packageContents } from '../../../src/dsl/index.js';
import { MedComDocumentHomeCommunityID, MedComDocumentVersionID } from './extensions.js';
import { pkg } from './package.js';
import * as r from './resources.js';

export default packageContents(pkg, [
  r.MedComDocumentBundle,
  r.MedComDocumentComposition,
  MedComDocumentHomeCommunityID,
  r.MedComDocumentOrganization,
  r.MedComDocumentPatient,
  r.MedComDocumentPractitioner,
  MedComDocumentVersionID,
  r.MedComDocumentReference,
]);
