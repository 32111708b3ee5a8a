import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadFromCache, loadPackages } from '../defs/load-package.js';
import { BaseR4Source } from '../defs/base-r4.js';
import { Definitions } from '../defs/registry.js';
import { loadPrebuilt, r4PackageDir } from './prebuilt.js';
import type { FileReport, ValidationReport } from '../validator/issue.js';
import { InputError } from '../validator/load/source.js';
import type { Locale } from '../validator/messages/index.js';
import { LocalTerminology } from '../validator/terminology/local.js';
import { unreadable, Validator } from '../validator/validator.js';
import { SuppressionError, Suppressions } from '../validator/suppress.js';
import type { SourceDoc } from '../validator/load/source.js';
import type { FhirModel } from '../validator/model.js';
import { UsageError } from './errors.js';
import { workerCount, WorkerPool, workerScript, type WorkerJob } from './pool.js';
import { IGS, type IgAlias } from './igs.js';
import { EXPORT_PURPOSES, RULES, RULE_SELECTIONS, type ExportPurpose, type RuleSelection } from '../validator/rules/registry.js';
import type { BusinessPurpose } from '../validator/rules/business/context.js';

export { UsageError } from './errors.js';
export const VERSION = '0.1.0';

export interface ValidateFilesOptions {
  /** Files and folders (folders: every *.json and *.xml below them); `-` reads `stdin`. */
  inputs: string[];
  stdin?: string;
  ig?: IgAlias;
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
}

/** A `--purpose` value, or a usage error naming the allowed ones. */
export function checkPurpose(purpose: unknown): ExportPurpose {
  if (!EXPORT_PURPOSES.includes(purpose as ExportPurpose)) throw new UsageError(`--purpose ${String(purpose)}: expected one of ${EXPORT_PURPOSES.join(', ')}`);
  return purpose as ExportPurpose;
}

/** A `--rules` value, or a usage error naming the allowed ones. */
export function checkRules(rules: unknown): RuleSelection {
  if (!RULE_SELECTIONS.includes(rules as RuleSelection)) throw new UsageError(`--rules ${String(rules)}: expected one of ${RULE_SELECTIONS.join(', ')}`);
  return rules as RuleSelection;
}

/** The files the inputs name (folders: every *.json and *.xml below them), with their sizes. */
export function expandInputs(inputs: string[], stdin: string | undefined): { file: string; size: number }[] {
  const out: { file: string; size: number }[] = [];
  for (const input of inputs) {
    if (input === '-') { out.push({ file: '-', size: stdin?.length ?? 0 }); continue; }
    if (!existsSync(input)) throw new UsageError(`${input}: no such file or folder`);
    const st = statSync(input);
    if (st.isDirectory()) {
      const walk = (dir: string): void => {
        for (const f of readdirSync(dir).sort()) {
          const p = join(dir, f);
          const sp = statSync(p);
          if (sp.isDirectory()) { if (!f.startsWith('.') && f !== 'node_modules') walk(p); continue; }
          if (/\.(json|xml)$/i.test(f)) out.push({ file: p, size: sp.size });
        }
      };
      walk(input);
    } else {
      out.push({ file: input, size: st.size });
    }
  }
  return out;
}

/**
 * Definitions for validation: our IG packages (prebuilt at install time when current, compiled in
 * memory otherwise) over the compact base R4 bundles, plus any FHIR packages given.
 */
export async function validationDefinitions(packages: string[] = [], onNotice?: (message: string) => void): Promise<Definitions> {
  const packageDir = r4PackageDir();
  const defs = new Definitions(new BaseR4Source({ flavor: 'min', ...(packageDir ? { packageDir } : {}) }));
  if (!(await loadPrebuilt(defs, undefined, onNotice))) {
    // not installed through npm ci / npm run compile: compile our packages in memory
    const [{ buildIg }, { igPackages }] = await Promise.all([import('./build.js'), import('./packages.js')]);
    await buildIg({ packages: await igPackages(), definitions: defs });
  }
  for (const p of packages) {
    const m = /^([a-z0-9][a-z0-9._-]*)#([0-9][A-Za-z0-9.-]*)$/i.exec(p);
    try {
      const loaded = m && !existsSync(p) ? [await loadFromCache(m[1]!, m[2]!, undefined, { definitionsOnly: true })] : await loadPackages(p, { definitionsOnly: true });
      for (const pkg of loaded) defs.addPackage(pkg);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  return defs;
}

/** Validate files and folders; input that cannot be read is reported as `input/unreadable`. */
export async function validateFiles(options: ValidateFilesOptions, definitions?: Definitions): Promise<ValidationReport> {
  const locale = options.locale ?? 'en';
  const inputs = expandInputs(options.inputs, options.stdin);
  const files = inputs.map((i) => i.file);
  if (files.length === 0) throw new UsageError('no *.json or *.xml files found in the given inputs');
  const profiles = [...(options.profiles ?? [])];
  const suppress = [...(options.suppress ?? [])];
  const rules = checkRules(options.rules ?? 'all');
  // unstated, the validator's default (sharing) applies, but a standalone report is not taken for an export
  const purpose = options.purpose === undefined ? undefined : checkPurpose(options.purpose);
  try {
    new Suppressions(suppress);
  } catch (e) {
    if (e instanceof SuppressionError) throw new UsageError(e.message);
    throw e;
  }
  if (options.ig) {
    const ig = IGS[options.ig];
    profiles.push(ig.bundleProfile);
  }
  // workers need to load the definitions themselves: only when the caller did not hand us some
  const bytes = inputs.reduce((sum, i) => sum + i.size, 0);
  const size = definitions ? 1 : workerCount(files.length, bytes, options.workers);
  const script = size > 1 ? workerScript() : undefined;
  const pool = script ? new WorkerPool(script, size, { packages: options.packages ?? [], profiles, locale, suppress, rules, ...(purpose ? { purpose } : {}) }) : undefined;
  try {
    const defs = definitions ?? await validationDefinitions(options.packages, options.onNotice);
    if (options.ig) {
      const ig = IGS[options.ig];
      if (!defs.all().resolve(ig.bundleProfile, 'StructureDefinition')) {
        throw new UsageError(`--ig ${options.ig}: ${ig.packageId}#${ig.version} is not available yet (load it with --package)`);
      }
    }
    const jobs = files.map((file, index) => ({ index, file, ...(file === '-' ? { text: options.stdin ?? '' } : {}) }));
    const reports = pool ? await pool.run(jobs, options.onFile) : await validateHere(new RunValidator(defs, profiles, locale, suppress, rules, purpose), jobs, options.onFile);
    return summarize(reports, locale, rules, purpose ?? 'sharing');
  } finally {
    await pool?.close();
  }
}

/**
 * A Validator on `defs` with local terminology; `scopeProfile` decides which package's canonicals win,
 * for profiles and value sets alike (HCO's NPU value set is not Notes').
 */
export function newValidator(defs: Definitions, options: { scopeProfile?: string; locale?: Locale; readXml?: XmlReader; suppress?: readonly string[]; rules?: RuleSelection; purpose?: ExportPurpose } = {}): Validator {
  return new Validator({ definitions: defs, terminology: (resolver) => new LocalTerminology(resolver), ...options });
}

type XmlReader = (file: string, text: string, model: FhirModel) => SourceDoc;

/**
 * The validator of a run (in this thread or a worker): reads each file and validates it against the
 * run's profiles (the first scopes canonical resolution). The XML reader and its parser are loaded
 * when the first input that starts with `<` comes.
 */
export class RunValidator {
  private readonly validator: Validator;
  private xml: XmlReader | undefined;

  constructor(defs: Definitions, private readonly profiles: string[], private readonly locale: Locale, suppress: readonly string[] = [], rules: RuleSelection = 'all', purpose?: ExportPurpose) {
    const scopeProfile = profiles[0];
    this.validator = newValidator(defs, {
      locale,
      suppress,
      rules,
      ...(purpose ? { purpose } : {}),
      readXml: (file, text, model) => {
        if (!this.xml) throw new Error('the XML reader is not loaded'); // validate() loads it first
        return this.xml(file, text, model);
      },
      ...(scopeProfile ? { scopeProfile } : {}),
    });
  }

  /**
   * Validate a file (or `text`, for stdin); input that cannot be read is an `input/unreadable` report.
   * `purpose` overrides the run's for this file (a sequence's steps).
   */
  async validate(file: string, text?: string, purpose?: BusinessPurpose): Promise<FileReport> {
    return (await this.validateWithValue(file, purpose, text)).report;
  }

  /** Validate a file as `validate` does, and hand back its parsed value too (undefined when it cannot be read). */
  async validateWithValue(file: string, purpose?: BusinessPurpose, text?: string): Promise<{ report: FileReport; value: unknown }> {
    let doc: SourceDoc;
    try {
      const content = text ?? readText(file);
      if (!this.xml && startsLikeXml(content)) this.xml = (await import('../validator/load/xml.js')).readXml;
      doc = this.validator.parse(file, content);
    } catch (e) {
      if (e instanceof InputError) return { report: unreadable(file, e, this.locale), value: undefined };
      throw e;
    }
    return { report: this.validator.validateDoc(doc, { profiles: this.profiles, ...(purpose ? { purpose } : {}) }), value: doc.value };
  }
}

async function validateHere(run: RunValidator, jobs: WorkerJob[], onFile?: (done: number, total: number, file: string) => void): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const job of jobs) {
    reports.push(await run.validate(job.file, job.text));
    onFile?.(reports.length, jobs.length, job.file);
  }
  return reports;
}

/** A run's report from its file reports: counts by severity, and of the business layer apart. */
export function summarize(reports: FileReport[], locale: Locale, rules: RuleSelection, purpose?: ExportPurpose): ValidationReport {
  let errors = 0; let warnings = 0; let information = 0; let suppressed = 0;
  const business = { errors: 0, warnings: 0, information: 0 };
  for (const r of reports) suppressed += r.suppressed ?? 0;
  for (const r of reports) for (const is of r.issues) {
    const kind = is.severity === 'error' || is.severity === 'fatal' ? 'errors' : is.severity === 'warning' ? 'warnings' : 'information';
    if (kind === 'errors') errors++;
    else if (kind === 'warnings') warnings++;
    else information++;
    if (RULES[is.ruleId].layer === 'business') business[kind]++;
  }
  return {
    tool: { name: 'medcom-ig', version: VERSION },
    locale,
    rules,
    ...(purpose !== undefined && rules !== 'official' ? { purpose } : {}),
    files: reports,
    summary: {
      files: reports.length, valid: reports.filter((r) => r.valid).length, errors, warnings, information,
      ...(suppressed > 0 ? { suppressed } : {}),
      ...(rules !== 'official' ? { business } : {}),
    },
  };
}

/** The first non-blank character (after a byte order mark) is `<`. */
function startsLikeXml(text: string): boolean {
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('<');
}

const MAX_BYTES = 256 * 1024 * 1024;

function readText(file: string): string {
  const size = statSync(file).size;
  if (size > MAX_BYTES) throw new InputError(file, `the file is ${Math.round(size / 1048576)} MB, more than the ${MAX_BYTES / 1048576} MB limit`);
  const buf = readFileSync(file);
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    throw new InputError(file, 'the file is UTF-16; FHIR JSON and XML must be UTF-8');
  }
  const text = buf.toString('utf8');
  if (text.includes('\uFFFD') && !buf.includes(Buffer.from('\uFFFD'))) throw new InputError(file, 'the file is not valid UTF-8 text');
  return text;
}
