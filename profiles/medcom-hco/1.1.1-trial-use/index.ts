import { packageContents } from '../../../src/dsl/index.js';
import { MedComHomeCareObservationDiagnosticReport } from './diagnostic-report.js';
import { MedComHomeCareObservationMessage, MedComHomeCareObservationMessageHeader } from './message.js';
import { MedComHomeCareObservation } from './observation.js';
import { pkg } from './package.js';

export default packageContents(pkg, [
  MedComHomeCareObservation,
  MedComHomeCareObservationDiagnosticReport,
  MedComHomeCareObservationMessage,
  MedComHomeCareObservationMessageHeader,
]);
