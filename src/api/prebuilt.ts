/** The IG packages compiled at install time (src/standards/prebuilt.ts). */
export {
  loadPrebuilt,
  PREBUILT_DIR,
  prebuiltCurrent,
  prebuiltProblem,
  r4PackageDir,
  R4_DIST_DIR,
  stampPrebuilt,
  unstampPrebuilt,
} from '../standards/prebuilt.js';
