import { defineProfile } from '../../../src/dsl/index.js';
import {
  MedComCoreInterpretationCodesValueset,
  MedComObservationValueSet,
  NPUObservationCodesValueSet,
} from '../../medcom-terminology/2.0.2/valuesets.js';
import { MedComCoreObservation } from '../../medcom-core/2.4.0/resources.js';
import { MedComHomeCareObservationSpec } from '../1.1.0-trial-use/observation.js';
import { RELEASED } from '../1.1.0-trial-use/package.js';
import { pkg } from './package.js';

// 1.2.1: unchanged from 1.2.0
export const MedComHomeCareObservation = defineProfile(
  pkg,
  MedComCoreObservation,
  MedComHomeCareObservationSpec(
    { interpretation: MedComCoreInterpretationCodesValueset, npu: NPUObservationCodesValueSet, medcom: MedComObservationValueSet },
    RELEASED,
  ),
);
