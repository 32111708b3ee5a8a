/**
 * The public entry of the toolkit: what the API offers, one line per module. The CLI (cli/) and the
 * self-test server (src/serve) import src/api and nothing else under src/ (test/architecture/layers.test.ts);
 * they import the module they need rather than this index, so that a command loads only its own code.
 */
// the standards and their definitions
export { IGS, IG_ALIASES, STANDARDS, parseIg, standardVersion, type IgAlias, type IgTarget, type Standard } from './igs.js';
export { standardsCatalogue, renderStandards, type StandardsCatalogue } from './standards.js';
export { igPackages } from './packages.js';
export { loadPrebuilt, prebuiltCurrent, stampPrebuilt, unstampPrebuilt, PREBUILT_DIR } from './prebuilt.js';
export { defaultPackageCache, writeR4Package, type WriteR4Options } from './r4.js';
// build, parity, documentation site, diff
export { buildIg, formatDiagnostic, type BuildOptions, type BuildResult, type Diagnostic } from './build.js';
export { runParity, renderParity, type ParityRun } from './parity.js';
export { buildSite, loadSiteInput, type BuildSiteOptions, type BuildSiteResult } from './site.js';
export { diffOperands, renderDiff, type DiffFormat } from './diff.js';
// validation and its reports
export {
  validateFiles,
  validationDefinitions,
  newValidator,
  loadContext,
  contextIndex,
  hasIssueAtOrAbove,
  summarize,
  RunValidator,
  VERSION,
  type RunValidatorOptions,
  type ValidateFilesOptions,
  type ValidationReport,
  type FileReport,
  type Definitions,
} from './validate.js';
export { validateSequence, type ValidateSequenceOptions } from './sequence.js';
export { renderReport, reportWrittenLine, REPORT_FORMATS, type ReportFormat, type RenderReportOptions } from './report.js';
// test protocols and TestScripts
export {
  listProtocols,
  runProtocol,
  runProtocolToFolder,
  initProtocolEvidence,
  protocolReportRenderer,
  ProtocolLibrary,
  type ProtocolListing,
  type RunProtocolToFolderOptions,
  type ProtocolRunReport,
} from './protocol.js';
export {
  runTestScripts,
  renderTestScripts,
  type RunTestScriptsOptions,
  type TestScriptFormat,
  type TestScriptRunReport,
} from './testscript.js';
// errors and IO for front ends
export { UsageError, SafeFileError } from './errors.js';
export { DEFAULT_MAX_INPUT_BYTES, readStreamCapped, writeFileAtomic, terminalSafe, compiledScript } from './io.js';
export { pageHead, type PageHead } from './html.js';
