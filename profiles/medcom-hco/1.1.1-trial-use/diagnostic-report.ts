import { defineProfile } from '../../../src/dsl/index.js';
import { MedComCoreDiagnosticReport } from '../../medcom-core/2.4.0/resources.js';
import { MedComHomeCareObservationDiagnosticReportSpec } from '../1.1.0-trial-use/diagnostic-report.js';
import { TRIAL_USE } from '../1.1.0-trial-use/package.js';
import { MedComHomeCareObservation } from './observation.js';
import { pkg } from './package.js';

// 1.1.1: unchanged from 1.1.0 (results are 1.1.1's observations)
export const MedComHomeCareObservationDiagnosticReport = defineProfile(
  pkg,
  MedComCoreDiagnosticReport,
  MedComHomeCareObservationDiagnosticReportSpec(MedComHomeCareObservation, TRIAL_USE),
);
