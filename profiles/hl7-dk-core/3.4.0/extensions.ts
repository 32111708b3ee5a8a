import { defineExtension } from '../../../src/dsl/index.js';
import * as v320 from '../3.2.0/extensions.js';
import { pkg } from './package.js';
import { MunicipalityCodesValueSet, RegionalSubdivisionCodes } from './terminology.js';

// Unchanged since 3.2.0.
export const ConditionLastAssertedDate = defineExtension(pkg, v320.ConditionLastAssertedDateSpec);
export const NotFollowedAnymore = defineExtension(pkg, v320.NotFollowedAnymoreSpec);
export const MunicipalityCodes = defineExtension(pkg, v320.MunicipalityCodesSpec(MunicipalityCodesValueSet));
export const RegionalSubDivisionCodes = defineExtension(pkg, v320.RegionalSubDivisionCodesSpec(RegionalSubdivisionCodes));
