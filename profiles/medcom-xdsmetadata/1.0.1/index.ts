import { packageContents } from '../../../src/dsl/index.js';
import * as cs from './codesystems.js';
import { pkg } from './package.js';
import * as vs from './valuesets.js';

/** Every CodeSystem and ValueSet of the published package, in publication order. */
export default packageContents(pkg, [
  cs.MedComIHE_ClassCode,
  cs.MedComIHE_FormatCode,
  vs.MedComIHE_CoreClassCode,
  vs.MedComIHE_ConfidentialityCode,
  vs.MedComIHE_CoreEventCodeLists,
  vs.MedComIHE_CoreFormatCode,
  vs.MedComIHE_CoreHealthcareFacilityTypeCode,
  vs.MedComIHE_CoreDkHomeCommunityId,
  vs.MedComIHE_CoreLanguageCode,
  vs.MedComIHE_CoreMimeType,
  vs.MedComIHE_CorePracticeSettingCode,
  vs.MedComIHE_CoreTypeCode,
  cs.MedComIHE_HomeCommunityId,
  cs.MedComIHE_TypeCode,
  vs.MedComIHE_PLR_DK_FormatCode,
  vs.PLR_DK_IHE_TypeCode,
]);
