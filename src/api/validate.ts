import { statSync, type Stats } from 'node:fs';
import {
  DEFAULT_MAX_INPUT_BYTES,
  describeFsError,
  fileKind,
  readFileSafe,
  resolveInside,
  SafeFileError,
  walkFiles,
  type SafeReadOptions,
} from '../util/fs-safe.js';
import type { Definitions } from '../defs/registry.js';
import {
  countBySeverity,
  renumberIssues,
  SEVERITY_RANK,
  type FileReport,
  type ReportStandard,
  type ValidationReport,
} from '../validator/issue.js';
import { InputError } from '../validator/load/source.js';
import type { Locale } from '../validator/messages/index.js';
import { unreadable, type Validator } from '../validator/validator.js';
import { SuppressionError, Suppressions } from '../validator/suppress.js';
import type { SourceDoc } from '../validator/load/source.js';
import { UsageError } from '../util/errors.js';
import { workerCount, WorkerPool, workerScript, type WorkerJob } from './pool.js';
import { parseIg, STANDARDS, targetLabel, type IgTarget } from '../standards/igs.js';
import { generatingSnapshots, newValidator, validationDefinitions, type XmlReader } from '../standards/validation.js';
import { contextIndex, loadContext } from '../standards/context.js';
import type { ContextResources } from '../validator/load/context.js';
import type { Json } from '../util/json.js';
import { VERSION } from '../util/version.js';
import { EXPORT_PURPOSES, RULES, RULE_SELECTIONS, type ExportPurpose, type RuleSelection } from '../validator/rules/registry.js';
import type { BusinessPurpose } from '../validator/rules/business/context.js';
import { otherVersionIssue, type OtherVersions } from '../validator/rules/profiles/other-version.js';
import { filesFollowOns } from '../report/folding.js';
import { loadTerminologyFolder } from '../validator/terminology/folder.js';
import { TerminologyFileError, type HeldTerminology } from '../validator/terminology/held.js';

export { UsageError } from '../util/errors.js';
export { contextIndex, loadContext, newValidator, validationDefinitions, VERSION };
export type { Definitions, FileReport, ValidationReport, HeldTerminology, SourceDoc };

/**
 * `--terminology <folder>`: the FHIR JSON CodeSystems and ValueSets and the code tables (CSV
 * `system,code,display`) below the folder (or the one file), read through the safe reader. A file that
 * cannot be read or used is a usage error naming it and why. docs/validator/terminology.md.
 */
export function loadTerminology(path: string): HeldTerminology {
  try {
    return loadTerminologyFolder(path);
  } catch (e) {
    if (e instanceof TerminologyFileError) throw new UsageError(`--terminology: ${e.file}: ${e.reason}`);
    throw e;
  }
}

/**
 * Whether any file of the report has an issue at or above `severity` (`--fail-on`: exit 1); a fatal
 * issue is above error.
 */
export function hasIssueAtOrAbove(report: ValidationReport, severity: 'error' | 'warning' | 'information'): boolean {
  const threshold = SEVERITY_RANK[severity];
  return report.files.some((f) => f.issues.some((i) => SEVERITY_RANK[i.severity] >= threshold));
}

export interface ValidateFilesOptions {
  /** Files and folders (folders: every *.json and *.xml below them); `-` reads `stdin`. */
  inputs: string[];
  stdin?: string;
  /**
   * What to validate against: a standard (`hco`: its current version), a standard at a version
   * (`hco@1.1.0-trial-use`, `medcom.fhir.dk.homecareobservation#1.1.0-trial-use`: its Bundle profile
   * is required), or any package we build (`hl7.fhir.dk.core#3.2.0`: canonicals resolve in its
   * dependency closure first; no profile is required). src/standards/igs.ts `parseIg`.
   */
  ig?: string;
  profiles?: string[];
  /** FHIR packages to load: folders, .tgz files, folders of conformance resources, or id#version from the cache. */
  packages?: string[];
  locale?: Locale;
  /**
   * Findings not to report, `<rule id>[@<FHIRPath>]` with `*` wildcards (e.g. `cardinality/min@*.text`);
   * they do not count against conformance either, and reports give their number.
   */
  suppress?: string[];
  /** Hears what the run wants the user to know that is not a finding (stale prebuilt packages). */
  onNotice?: (message: string) => void;
  /** Called after each file (progress). */
  onFile?: (done: number, total: number, file: string) => void;
  /** Worker threads for the run (1: this thread); by default one per core for larger runs. */
  workers?: number;
  /**
   * Which rules to report: `official` (conformance to the published profiles, exactly what the
   * validator reported before business rules existed), `business` (src/validator/rules/business) or
   * `all` (the default).
   */
  rules?: RuleSelection;
  /**
   * What the files are exported for (business layer): `sharing` (the default; no privately marked
   * note, no report with refused consent) or `aktindsigt` (a patient's access request, which includes
   * privately marked notes). docs/rules/business/README.md.
   */
  purpose?: ExportPurpose;
  /**
   * Follow symbolic links in an input folder that lead outside it (`--follow-symlinks`); by default
   * such a link is an `input/unreadable` finding for that file and is not read.
   */
  followSymlinks?: boolean;
  /** Largest input file (and stdin) accepted, in bytes (`--max-input-mb`; default 256 MiB). */
  maxInputBytes?: number;
  /**
   * A folder (or file) of terminology to check codes against (`--terminology`): FHIR JSON CodeSystems
   * and ValueSets, code tables (CSV `system,code,display`). Or the terminology already loaded.
   */
  terminology?: string | HeldTerminology;
  /**
   * Resources references may resolve to outside the validated file (`--context`): folders (or files) of FHIR
   * JSON/XML resources, FHIR packages (folder, .tgz, `id#version` from the cache) — as the IG Publisher
   * resolves an IG's examples among each other. src/standards/context.ts.
   */
  context?: string[];
}

/** A `--purpose` value, or a usage error naming the allowed ones. */
export function checkPurpose(purpose: unknown): ExportPurpose {
  if (!EXPORT_PURPOSES.includes(purpose as ExportPurpose))
    throw new UsageError(`--purpose ${String(purpose)}: expected one of ${EXPORT_PURPOSES.join(', ')}`);
  return purpose as ExportPurpose;
}

/** A `--rules` value, or a usage error naming the allowed ones. */
export function checkRules(rules: unknown): RuleSelection {
  if (!RULE_SELECTIONS.includes(rules as RuleSelection))
    throw new UsageError(`--rules ${String(rules)}: expected one of ${RULE_SELECTIONS.join(', ')}`);
  return rules as RuleSelection;
}

/**
 * One input file: its path, its size, the folder the user named it through (`root`; links below it
 * may not lead outside it), or the reason it cannot be read (`problem`, reported per file).
 */
export interface InputFile {
  file: string;
  size: number;
  root?: string;
  problem?: string;
}

const INPUT_NAME = /\.(json|xml)$/i;

/** Why a name that cannot be stat'ed is a link that dangles or loops (resolveInside decides), or undefined. */
function linkProblem(input: string): SafeFileError | undefined {
  try {
    resolveInside(input);
  } catch (e) {
    if (e instanceof SafeFileError && (e.problem === 'dangling-link' || e.problem === 'link-loop')) return e;
  }
  return undefined;
}

/**
 * The files the inputs name (folders: every *.json and *.xml below them), with their sizes. A name
 * that does not exist is a usage error; a file below a folder that cannot be read safely (a dangling
 * link, a link loop, a link leading outside the folder, a FIFO or device, a folder that cannot be
 * listed) is kept with its problem so that the run reports it for that file and goes on.
 */
export function expandInputs(inputs: string[], stdin: string | undefined, options: { followSymlinks?: boolean } = {}): InputFile[] {
  const out: InputFile[] = [];
  for (const input of inputs) {
    if (input === '-') {
      out.push({ file: '-', size: stdin?.length ?? 0 });
      continue;
    }
    let st: Stats;
    try {
      st = statSync(input);
    } catch (e) {
      // a name that exists as a link but leads nowhere (or loops) is that file's problem, not a usage error
      const link = linkProblem(input);
      if (!link) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`${input}: no such file or folder`);
        throw describeFsError(input, e);
      }
      out.push({ file: input, size: 0, problem: link.reason });
      continue;
    }
    if (st.isDirectory()) {
      for (const entry of walkFiles(input, (name) => INPUT_NAME.test(name), options.followSymlinks ? { followSymlinks: true } : {})) {
        out.push(
          entry.problem
            ? { file: entry.file, size: 0, problem: entry.problem.reason }
            : { file: entry.file, size: entry.size, root: input },
        );
      }
    } else if (!st.isFile()) {
      // named directly: it may be anywhere, but it must be a regular file (statSync does not open it)
      out.push({ file: input, size: 0, problem: `${fileKind(st)}, not a regular file; only regular files are read` });
    } else {
      out.push({ file: input, size: st.size });
    }
  }
  return out;
}

/** Validate files and folders; input that cannot be read is reported as `input/unreadable`. */
export async function validateFiles(options: ValidateFilesOptions, definitions?: Definitions): Promise<ValidationReport> {
  const locale = options.locale ?? 'en';
  const inputs = expandInputs(options.inputs, options.stdin, options.followSymlinks ? { followSymlinks: true } : {});
  const files = inputs.map((i) => i.file);
  const read: InputReadOptions = {
    ...(options.followSymlinks ? { followSymlinks: true } : {}),
    ...(options.maxInputBytes !== undefined ? { maxBytes: options.maxInputBytes } : {}),
  };
  if (files.length === 0) throw new UsageError('no *.json or *.xml files found in the given inputs');
  const profiles = [...(options.profiles ?? [])];
  const suppress = [...(options.suppress ?? [])];
  const rules = checkRules(options.rules ?? 'all');
  // unstated, the validator's default (sharing) applies, but a standalone report is not taken for an export
  const purpose = options.purpose === undefined ? undefined : checkPurpose(options.purpose);
  const terminology = typeof options.terminology === 'string' ? loadTerminology(options.terminology) : options.terminology;
  const context = options.context && options.context.length > 0 ? await loadContext(options.context, read) : undefined;
  try {
    new Suppressions(suppress);
  } catch (e) {
    if (e instanceof SuppressionError) throw new UsageError(e.message);
    throw e;
  }
  // a standard is known without the definitions; a package pinned by id#version is checked against them
  let loaded = definitions;
  let target: IgTarget | undefined;
  if (options.ig !== undefined) {
    try {
      target = parseIg(options.ig);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      loaded ??= await validationDefinitions(options.packages, options.onNotice);
      target = parseIg(options.ig, builtPackages(loaded));
    }
    if (target.bundleProfile) profiles.push(target.bundleProfile);
  }
  const scope = target && !target.bundleProfile ? { id: target.packageId, version: target.version } : undefined;
  const otherVersions = target ? otherVersionsOf(target) : undefined;
  // workers need to load the definitions themselves: only when the caller did not hand us some
  // files that cannot be read safely are reported as such; the others are read and validated
  const readable = inputs.filter((i) => i.problem === undefined);
  const bytes = readable.reduce((sum, i) => sum + i.size, 0);
  const size = loaded || readable.length === 0 ? 1 : workerCount(readable.length, bytes, options.workers);
  const script = size > 1 ? workerScript() : undefined;
  // how each file is validated, in this thread or in every worker
  const run = {
    profiles,
    ...(scope ? { scope } : {}),
    ...(otherVersions ? { otherVersions } : {}),
    locale,
    suppress,
    rules,
    ...(purpose ? { purpose } : {}),
    ...(terminology ? { terminology } : {}),
    ...(context ? { context } : {}),
    read,
  };
  const pool = script ? await WorkerPool.start(script, size, { packages: options.packages ?? [], ...run }) : undefined;
  try {
    const defs = loaded ?? (await validationDefinitions(options.packages, options.onNotice));
    if (target && !defs.getPackage(target.packageId, target.version)) {
      throw new UsageError(`--ig ${options.ig}: ${targetLabel(target)} is not available yet (load it with --package)`);
    }
    for (const p of options.profiles ?? []) checkProfile(defs, p);
    const jobs: WorkerJob[] = readable.map((input, index) => ({
      index,
      file: input.file,
      ...(input.file === '-' ? { text: options.stdin ?? '' } : {}),
      ...(input.root !== undefined ? { root: input.root } : {}),
    }));
    const validated =
      jobs.length === 0
        ? []
        : pool
          ? await pool.run(jobs, options.onFile)
          : await validateHere(new RunValidator(defs, run), jobs, options.onFile);
    // back in the order of the inputs, with a finding for each file that could not be read
    let next = 0;
    const reports = inputs.map((i) =>
      i.problem !== undefined ? unreadable(i.file, new InputError(i.file, i.problem), locale) : validated[next++]!,
    );
    const report = summarize(reports, locale, rules, purpose ?? 'sharing');
    if (target) report.standard = reportStandard(target);
    return report;
  } finally {
    await pool?.close();
  }
}

/**
 * A standard's other versions we build, for a run against one of its versions; undefined for a
 * package pin or a standard with one version.
 */
export function otherVersionsOf(t: IgTarget): OtherVersions | undefined {
  if (!t.alias || !t.bundleProfile) return undefined;
  const others = STANDARDS[t.alias].versions
    .filter((v) => v.version !== t.version)
    .map((v) => ({ version: v.version, profile: v.bundleProfile }));
  return others.length > 0 ? { standard: t.alias, version: t.version, others } : undefined;
}

/** The packages loaded (`id#version`), for `--ig` pins of a package that is not a standard. */
export function builtPackages(defs: Definitions): string[] {
  return defs
    .listPackages()
    .map((p) => p.label)
    .sort();
}

/** What a report says it validated against, from an `--ig` target. */
export function reportStandard(t: IgTarget): ReportStandard {
  return {
    ...(t.alias ? { alias: t.alias } : {}),
    ...(t.title ? { title: t.title } : {}),
    packageId: t.packageId,
    version: t.version,
    ...(t.bundleProfile ? { bundleProfile: t.bundleProfile } : {}),
    ...(t.current !== undefined ? { current: t.current } : {}),
    pinned: t.pinned,
  };
}

/**
 * A `--profile` the run cannot validate against is a usage error naming it: not found in the loaded
 * definitions (ours and any `--package`), or not a StructureDefinition with a snapshot (given, or
 * generated from its differential).
 */
export function checkProfile(defs: Definitions, profile: string): void {
  const hit = generatingSnapshots(defs).all().resolve(profile, 'StructureDefinition');
  if (!hit) throw new UsageError(`--profile ${profile}: no such profile in the loaded definitions (load its package with --package)`);
  if (!(hit.resource as { snapshot?: unknown }).snapshot)
    throw new UsageError(
      `--profile ${profile}: the profile has no snapshot and none could be generated from its differential, so files cannot be validated against it`,
    );
}

/**
 * How a run reads its input files (src/util/fs-safe.ts): `followSymlinks` follows links that lead
 * outside the folder a file was found in (`--follow-symlinks`), `maxBytes` is the largest file accepted.
 */
export type InputReadOptions = Pick<SafeReadOptions, 'followSymlinks' | 'maxBytes'>;

/** What `RunValidator.validate` takes besides the file name (all optional; the same for `validateWithValue`). */
export interface FileInput {
  /** The content, when it does not come from the file (stdin, an upload). */
  text?: string;
  /** The export purpose for this file, overriding the run's. */
  purpose?: BusinessPurpose;
  /** The folder the file was found in: a link may not lead out of it. */
  root?: string;
}

/** How a run validates (RunValidator): against which profiles, in which language, what it reports, how it reads files. */
export interface RunValidatorOptions {
  /** The profiles every file must conform to; the first scopes canonical resolution. */
  profiles?: readonly string[];
  /** Without profiles: the package whose dependency closure canonicals resolve in first (`--ig <id>#<version>`). */
  scope?: { id: string; version: string };
  /**
   * The other versions of the standard validated against: a file with errors is validated against
   * each (official rules), and those it conforms to are named in one `profiles/other-version` finding.
   */
  otherVersions?: OtherVersions;
  locale: Locale;
  /** Findings not to report (`--suppress`). */
  suppress?: readonly string[];
  /** Which rules to report (`--rules`; default all). */
  rules?: RuleSelection;
  /** What the files are exported for (`--purpose`). */
  purpose?: ExportPurpose;
  /** How input files are read (`--follow-symlinks`, `--max-input-mb`). */
  read?: InputReadOptions;
  /** Code systems and value sets given to the run (`--terminology`, loadTerminology). */
  terminology?: HeldTerminology;
  /** Resources references may resolve to outside the file (`--context`, loadContext): plain data, for workers too. */
  context?: readonly Json[];
}

/**
 * The validator of a run (in this thread or a worker): reads each file and validates it against the
 * run's profiles (the first scopes canonical resolution). The XML reader and its parser are loaded
 * when the first input that starts with `<` comes.
 */
export class RunValidator {
  private readonly validator: Validator;
  private xml: XmlReader | undefined;
  private readonly profiles: string[];
  private readonly locale: Locale;
  private readonly read: InputReadOptions;
  private readonly otherVersions: OtherVersions | undefined;
  /** The XML reader, loaded by validate() when the first input that starts with `<` comes. */
  private readonly readXml: XmlReader = (file, text, model) => {
    if (!this.xml) throw new Error('the XML reader is not loaded');
    return this.xml(file, text, model);
  };
  /** One validator per other version, made when a file first needs it. */
  private readonly versionValidators = new Map<string, Validator>();
  /** The run's context resources, indexed once for every validator of the run. */
  private readonly context: ContextResources | undefined;

  constructor(
    private readonly defs: Definitions,
    private readonly options: RunValidatorOptions,
  ) {
    this.profiles = [...(options.profiles ?? [])];
    this.locale = options.locale;
    this.read = options.read ?? {};
    this.otherVersions = options.otherVersions;
    this.context = options.context ? contextIndex(options.context) : undefined;
    const scopeProfile = this.profiles[0];
    this.validator = newValidator(defs, {
      locale: this.locale,
      suppress: options.suppress ?? [],
      rules: options.rules ?? 'all',
      ...(options.purpose ? { purpose: options.purpose } : {}),
      readXml: this.readXml,
      ...(scopeProfile ? { scopeProfile } : options.scope ? { scopePackage: options.scope } : {}),
      ...(options.terminology ? { terminology: options.terminology } : {}),
      ...(this.context ? { context: this.context } : {}),
    });
  }

  /**
   * Validate a file (or `input.text`, for stdin or an upload); input that cannot be read is an
   * `input/unreadable` report. `input.purpose` overrides the run's for this file (a sequence's steps).
   * `input.root`: the folder the file was found in, which a link may not lead out of (unless the run
   * follows links).
   */
  async validate(file: string, input: FileInput = {}): Promise<FileReport> {
    return (await this.validateWithValue(file, input)).report;
  }

  /** Validate a file as `validate` does, and hand back its parsed value too (undefined when it cannot be read). */
  async validateWithValue(file: string, input: FileInput = {}): Promise<{ report: FileReport; value: unknown }> {
    const { text, purpose, root } = input;
    let read: { doc: SourceDoc } | { report: FileReport };
    try {
      read = await this.readDocument(file, text ?? readText(file, { ...this.read, ...(root !== undefined ? { root } : {}) }));
    } catch (e) {
      if (e instanceof InputError) return { report: unreadable(file, e, this.locale), value: undefined };
      throw e;
    }
    if ('report' in read) return { report: read.report, value: undefined };
    return { report: this.validateDocument(read.doc, purpose), value: read.doc.value };
  }

  /**
   * Read a text (JSON, or XML when it starts with `<`) into its document without validating it, so that a
   * caller can look at the value first (the validation service: the resource type, a `Parameters` wrapper);
   * text that cannot be read is an `input/unreadable` report instead. The document can be validated by any
   * RunValidator over the same definitions (`validateDocument`).
   */
  async readDocument(file: string, text: string): Promise<{ doc: SourceDoc } | { report: FileReport }> {
    try {
      if (!this.xml && startsLikeXml(text)) this.xml = (await import('../validator/load/xml.js')).readXml;
      return { doc: this.validator.parse(file, text) };
    } catch (e) {
      if (e instanceof InputError) return { report: unreadable(file, e, this.locale) };
      throw e;
    }
  }

  /** Validate a document (from `readDocument`, or a part of one: `documentPart`) as `validate` does. */
  validateDocument(doc: SourceDoc, purpose?: BusinessPurpose): FileReport {
    const report = this.validator.validateDoc(doc, { profiles: this.profiles, ...(purpose ? { purpose } : {}) });
    const officialError = report.issues.some((i) => i.layer === 'official' && (i.severity === 'error' || i.severity === 'fatal'));
    if (officialError && this.otherVersions) this.noteOtherVersions(doc, report, this.otherVersions);
    return report;
  }

  /**
   * A file with errors against the version asked for (official rules: business rules are the same in
   * every version): the other versions of the standard it
   * conforms to (no error, official rules), named in one information finding at the root. The
   * verdict stays the one of the version asked for.
   */
  private noteOtherVersions(doc: SourceDoc, report: FileReport, other: OtherVersions): void {
    const fits = other.others.filter((o) => this.versionValidator(o.profile).validateDoc(doc, { profiles: [o.profile] }).valid);
    if (fits.length === 0) return;
    const fit = { standard: other.standard, version: other.version, fits: fits.map((o) => o.version) };
    // in front, so the ids are given again in the new order
    report.issues = renumberIssues([otherVersionIssue(doc, this.locale, fit), ...report.issues]);
  }

  private versionValidator(profile: string): Validator {
    let v = this.versionValidators.get(profile);
    if (!v) {
      v = newValidator(this.defs, {
        locale: this.locale,
        rules: 'official',
        readXml: this.readXml,
        scopeProfile: profile,
        // the run's suppressions, so that "fits" means what the run counts as an error there too
        suppress: this.options.suppress ?? [],
        ...(this.options.purpose ? { purpose: this.options.purpose } : {}),
        ...(this.options.terminology ? { terminology: this.options.terminology } : {}),
        ...(this.context ? { context: this.context } : {}),
      });
      this.versionValidators.set(profile, v);
    }
    return v;
  }
}

/**
 * The value at `path` inside a document (the resource inside a `Parameters`), as a document of its own whose
 * positions and number texts are those of the whole source: issues on the part point into the text that was
 * read. XML notes about the part are kept (their paths made relative to it), and those not tied to a path.
 */
export function documentPart(doc: SourceDoc, path: readonly (string | number)[]): SourceDoc {
  let value: unknown = doc.value;
  for (const step of path) value = (value as Record<string | number, unknown> | null | undefined)?.[step];
  const part: SourceDoc = {
    file: doc.file,
    format: doc.format,
    value,
    locate: (p) => doc.locate([...path, ...p]),
    numberText: (p) => doc.numberText([...path, ...p]),
  };
  if (!('notes' in doc)) return part;
  const under = (p: readonly (string | number)[]): boolean => path.every((step, i) => p[i] === step);
  const notes = (doc as SourceDoc & { notes: { message: string; path?: (string | number)[] }[] }).notes
    .filter((n) => n.path === undefined || under(n.path))
    .map((n) => (n.path === undefined ? n : { ...n, path: n.path.slice(path.length) }));
  return Object.assign(part, { notes });
}

/** A worker job's text and root as a FileInput (absent fields left out). */
export function fileInput(job: WorkerJob): FileInput {
  return { ...(job.text !== undefined ? { text: job.text } : {}), ...(job.root !== undefined ? { root: job.root } : {}) };
}

async function validateHere(
  run: RunValidator,
  jobs: WorkerJob[],
  onFile?: (done: number, total: number, file: string) => void,
): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const job of jobs) {
    reports.push(await run.validate(job.file, fileInput(job)));
    onFile?.(reports.length, jobs.length, job.file);
  }
  return reports;
}

/** A run's report from its file reports: counts by severity, and of the business layer apart. */
export function summarize(reports: FileReport[], locale: Locale, rules: RuleSelection, purpose?: ExportPurpose): ValidationReport {
  let suppressed = 0;
  let omitted = 0;
  for (const r of reports) {
    suppressed += r.suppressed ?? 0;
    omitted += r.omitted ?? 0;
  }
  // follow-ons (issue.causedBy naming another issue of the file) are counted apart too: reports fold them
  const followOns = filesFollowOns(reports);
  const folded = followOns.errors + followOns.warnings + followOns.information > 0;
  const issues = reports.flatMap((r) => r.issues);
  const { errors, warnings, information } = countBySeverity(issues);
  const business = countBySeverity(issues.filter((is) => RULES[is.ruleId].layer === 'business'));
  return {
    tool: { name: 'medcom-ig', version: VERSION },
    locale,
    rules,
    ...(purpose !== undefined && rules !== 'official' ? { purpose } : {}),
    files: reports,
    summary: {
      files: reports.length,
      valid: reports.filter((r) => r.valid).length,
      errors,
      warnings,
      information,
      ...(suppressed > 0 ? { suppressed } : {}),
      ...(omitted > 0 ? { omitted } : {}),
      ...(folded ? { followOns, rootErrors: errors - followOns.errors } : {}),
      ...(rules !== 'official' ? { business } : {}),
    },
  };
}

/** The first non-blank character (after a byte order mark) is `<`. */
function startsLikeXml(text: string): boolean {
  return text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('<');
}

/**
 * A file's text, read safely (a regular file, under the size cap, not through a link out of `root`),
 * as UTF-8; anything that keeps it from being read is an InputError naming the file and the reason.
 */
function readText(file: string, options: InputReadOptions & { root?: string }): string {
  let buf: Buffer;
  try {
    buf = readFileSafe(file, { maxBytes: DEFAULT_MAX_INPUT_BYTES, ...options });
  } catch (e) {
    if (e instanceof SafeFileError) throw new InputError(file, e.reason);
    throw e;
  }
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    throw new InputError(file, 'the file is UTF-16; FHIR JSON and XML must be UTF-8');
  }
  const text = buf.toString('utf8');
  if (text.includes('\uFFFD') && !buf.includes(Buffer.from('\uFFFD'))) throw new InputError(file, 'the file is not valid UTF-8 text');
  return text;
}
