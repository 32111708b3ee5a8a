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

export const MedComHomeCareObservation = defineProfile(
  pkg,
  MedComCoreObservation,
  MedComHomeCareObservationSpec(
    // 1.2.0: terminology 2.0.2's value sets; the interpretation binding is pinned |1.8.2 (was |2.0.0-draft)
    { interpretation: MedComCoreInterpretationCodesValueset, npu: NPUObservationCodesValueSet, medcom: MedComObservationValueSet },
    // 1.2.0: status active, not experimental
    RELEASED,
  ),
);
