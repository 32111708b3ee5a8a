import { packageContents } from '../../../src/dsl/index.js';
import { pkg } from './package.js';
import * as p from './profiles.js';

export default packageContents(pkg, [
  p.MedComConditionListBundle,
  p.MedComConditionListComposition,
  p.MedComConditionListCondition,
  p.MedComConditionListDocumentReference,
  p.MedComConditionListOrganization,
]);
