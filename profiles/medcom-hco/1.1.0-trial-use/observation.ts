import { defineProfile, pinnedValueSet, preferred, required } from '../../../src/dsl/index.js';
import type { ValueSetHandle } from '../../../src/dsl/handles.js';
import {
  MedComCoreInterpretationCodesValueset,
  MedComObservationValueSet,
  NPUObservationCodesValueSet,
} from '../../medcom-terminology/2.0.0-draft/valuesets.js';
import { MedComCoreObservation } from '../../medcom-core/2.4.0/resources.js';
import { type Lifecycle, pkg, TRIAL_USE } from './package.js';

export const NARRATIVE_SHORT =
  'A summary of the resource content. The narrative text shall always be included when exchanging a MedCom message. All MustSupport elements and extensions shall be included.';

/** The terminology package's value sets the observation binds. */
export interface ObservationValueSets {
  readonly interpretation: ValueSetHandle;
  readonly npu: ValueSetHandle;
  readonly medcom: ValueSetHandle;
}

export const MedComHomeCareObservationSpec = (vs: ObservationValueSets, lifecycle: Lifecycle) =>
  ({
    id: 'medcom-homecare-observation',
    name: 'MedComHomeCareObservation',
    title: 'MedComHomeCareObservation',
    description: 'This profile is intended to be used in HomeCareObservation to hold information about the observation results.',
    ...lifecycle,
    elements: {
      text: { ms: true, short: NARRATIVE_SHORT },
      'code.coding.display': { ms: true },
      'code.coding[LOINC].display': { ms: true },
      'code.coding[SNOMEDCT].display': { ms: true },
      'code.coding[NPU].code': { binding: preferred(vs.npu) },
      'code.coding[NPU].display': { ms: true },
      'code.coding[IEEE].display': { ms: true },
      'code.coding[MedCom].code': { binding: preferred(vs.medcom) },
      'code.coding[MedCom].display': { ms: true },
      'code.coding[SKS].display': { ms: true },
      valueQuantity: { ms: true },
      // Published quirk, reproduced: maxLength on a decimal. The clinical rule is "result value max 12
      // characters"; FHIR defines maxLength for string-like types only, so validators differ on whether
      // (and how) it applies to valueQuantity.value. See docs/chains/hco.md.
      'valueQuantity.value': { ms: true, maxLength: 12 },
      valueString: { card: '0..1', ms: true, only: ['string'], maxLength: 12 },
      // authored pinned, as published
      interpretation: { card: '..1', ms: true, binding: required(pinnedValueSet(vs.interpretation)) },
      'interpretation.coding.code': { pattern: 'NI' },
    },
  }) as const;

export const MedComHomeCareObservation = defineProfile(
  pkg,
  MedComCoreObservation,
  MedComHomeCareObservationSpec(
    {
      // terminology 2.0.0-draft
      interpretation: MedComCoreInterpretationCodesValueset,
      npu: NPUObservationCodesValueSet,
      medcom: MedComObservationValueSet,
    },
    TRIAL_USE,
  ),
);
