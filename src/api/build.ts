/** `medcom-ig build`: compile the IG packages (src/package/build.ts) and their diagnostics. */
export { buildIg, type BuildOptions, type BuildResult } from '../package/build.js';
export { formatDiagnostic, type Diagnostic } from '../compiler/diagnostics.js';
