import { defineProfile } from '../../../src/dsl/index.js';
import { MedComCoreDiagnosticReport } from '../../medcom-core/2.4.0/resources.js';
import { MedComHomeCareObservationDiagnosticReportSpec } from '../1.1.0-trial-use/diagnostic-report.js';
import { RELEASED } from '../1.1.0-trial-use/package.js';
import { MedComHomeCareObservation } from './observation.js';
import { pkg } from './package.js';

// 1.2.0: status active, not experimental
export const MedComHomeCareObservationDiagnosticReport = defineProfile(
  pkg,
  MedComCoreDiagnosticReport,
  MedComHomeCareObservationDiagnosticReportSpec(MedComHomeCareObservation, RELEASED),
);
