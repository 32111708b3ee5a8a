import { defineProfile, pinnedValueSet, preferred, required } from '../../../src/dsl/index.js';
import {
  MedComCoreInterpretationCodesValueset,
  MedComObservationValueSet,
  NPUObservationCodesValueSet,
} from '../../medcom-terminology/2.0.0-draft/valuesets.js';
import { MedComCoreObservation } from '../../medcom-core/2.4.0/resources.js';
import { pkg } from './package.js';

export const NARRATIVE_SHORT =
  'A summary of the resource content. The narrative text shall always be included when exchanging a MedCom message. All MustSupport elements and extensions shall be included.';

export const MedComHomeCareObservation = defineProfile(pkg, MedComCoreObservation, {
  id: 'medcom-homecare-observation',
  name: 'MedComHomeCareObservation',
  title: 'MedComHomeCareObservation',
  description: 'This profile is intended to be used in HomeCareObservation to hold information about the observation results.',
  status: 'draft',
  experimental: true,
  elements: {
    text: { ms: true, short: NARRATIVE_SHORT },
    'code.coding.display': { ms: true },
    'code.coding[LOINC].display': { ms: true },
    'code.coding[SNOMEDCT].display': { ms: true },
    'code.coding[NPU].code': { binding: preferred(NPUObservationCodesValueSet) },
    'code.coding[NPU].display': { ms: true },
    'code.coding[IEEE].display': { ms: true },
    'code.coding[MedCom].code': { binding: preferred(MedComObservationValueSet) },
    'code.coding[MedCom].display': { ms: true },
    'code.coding[SKS].display': { ms: true },
    valueQuantity: { ms: true },
    // Published quirk, reproduced: maxLength on a decimal. The clinical rule is "result value max 12
    // characters"; FHIR defines maxLength for string-like types only, so validators differ on whether
    // (and how) it applies to valueQuantity.value. See docs/chains/hco.md.
    'valueQuantity.value': { ms: true, maxLength: 12 },
    valueString: { card: '0..1', ms: true, only: ['string'], maxLength: 12 },
    // authored pinned, as published (terminology 2.0.0-draft)
    interpretation: { card: '..1', ms: true, binding: required(pinnedValueSet(MedComCoreInterpretationCodesValueset)) },
    'interpretation.coding.code': { pattern: 'NI' },
  },
});
