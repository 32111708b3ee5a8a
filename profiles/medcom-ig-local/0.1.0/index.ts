import { packageContents } from '../../../src/dsl/index.js';
import { ConsultationType, PrivateMarking } from './extensions.js';
import { pkg } from './package.js';
import { GpNoteSourceBundle, GpNoteSourceObservation } from './source.js';
import { ConsultationTypeCodes, ConsultationTypes } from './terminology.js';

/** Our local GP-note definitions (not MedCom's): see package.ts. */
export default packageContents(pkg, [
  ConsultationTypeCodes,
  ConsultationTypes,
  PrivateMarking,
  ConsultationType,
  GpNoteSourceObservation,
  GpNoteSourceBundle,
]);
