import { defineProfile } from '../../../src/dsl/index.js';
import {
  MedComCoreInterpretationCodesValueset,
  MedComObservationValueSet,
  NPUObservationCodesValueSet,
} from '../../medcom-terminology/2.0.0-draft/valuesets.js';
import { MedComCoreObservation } from '../../medcom-core/2.4.0/resources.js';
import { MedComHomeCareObservationSpec } from '../1.1.0-trial-use/observation.js';
import { TRIAL_USE } from '../1.1.0-trial-use/package.js';
import { pkg } from './package.js';

// 1.1.1: unchanged from 1.1.0 as authored (terminology 2.0.0-draft, interpretation pinned |2.0.0-draft);
// the snapshot's value[x] keeps every type (snapshotRules 'publisher-2025-09', package.ts)
export const MedComHomeCareObservation = defineProfile(
  pkg,
  MedComCoreObservation,
  MedComHomeCareObservationSpec(
    { interpretation: MedComCoreInterpretationCodesValueset, npu: NPUObservationCodesValueSet, medcom: MedComObservationValueSet },
    TRIAL_USE,
  ),
);
