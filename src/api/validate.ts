import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
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
import type { SourceDoc } from '../validator/load/source.js';
import type { FhirModel } from '../validator/model.js';
import { UsageError } from './errors.js';
import { IGS, type IgAlias } from './igs.js';

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
  /** Called after each file (progress). */
  onFile?: (done: number, total: number, file: string) => void;
}

function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    if (input === '-') { out.push('-'); continue; }
    if (!existsSync(input)) throw new UsageError(`${input}: no such file or folder`);
    if (statSync(input).isDirectory()) {
      const walk = (dir: string): void => {
        for (const f of readdirSync(dir).sort()) {
          const p = join(dir, f);
          if (statSync(p).isDirectory()) { if (!f.startsWith('.') && f !== 'node_modules') walk(p); continue; }
          if (/\.(json|xml)$/i.test(f)) out.push(p);
        }
      };
      walk(input);
    } else {
      out.push(input);
    }
  }
  return out;
}

/**
 * Definitions for validation: our IG packages (prebuilt at install time when current, compiled in
 * memory otherwise) over the compact base R4 bundles, plus any FHIR packages given.
 */
export async function validationDefinitions(packages: string[] = []): Promise<Definitions> {
  const packageDir = r4PackageDir();
  const defs = new Definitions(new BaseR4Source({ flavor: 'min', ...(packageDir ? { packageDir } : {}) }));
  if (!(await loadPrebuilt(defs))) {
    // not installed through npm ci / npm run compile: compile our packages in memory
    const [{ buildIg }, { igPackages }] = await Promise.all([import('./build.js'), import('./packages.js')]);
    await buildIg({ packages: await igPackages(), definitions: defs });
  }
  for (const p of packages) {
    const m = /^([a-z0-9][a-z0-9._-]*)#([0-9][A-Za-z0-9.-]*)$/i.exec(p);
    try {
      const loaded = m && !existsSync(p) ? [await loadFromCache(m[1]!, m[2]!)] : await loadPackages(p);
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
  const files = expandInputs(options.inputs);
  if (files.length === 0) throw new UsageError('no *.json or *.xml files found in the given inputs');
  const profiles = [...(options.profiles ?? [])];
  if (options.ig) {
    const ig = IGS[options.ig];
    profiles.push(ig.bundleProfile);
  }
  const defs = definitions ?? await validationDefinitions(options.packages);
  if (options.ig) {
    const ig = IGS[options.ig];
    if (!defs.all().resolve(ig.bundleProfile, 'StructureDefinition')) {
      throw new UsageError(`--ig ${options.ig}: ${ig.packageId}#${ig.version} is not available yet (load it with --package)`);
    }
  }
  const scopeProfile = profiles[0];
  // the XML reader (and its parser) is loaded only when some input is XML
  let readXml: ((file: string, text: string, model: FhirModel) => SourceDoc) | undefined;
  if (files.some((f) => (f === '-' ? startsLikeXml(options.stdin ?? '') : fileStartsLikeXml(f)))) {
    readXml = (await import('../validator/load/xml.js')).readXml;
  }
  const validator = new Validator({ definitions: defs, terminology: new LocalTerminology(defs.all()), locale,
    ...(readXml ? { readXml } : {}), ...(scopeProfile ? { scopeProfile } : {}) });
  const reports: FileReport[] = [];
  files.forEach((file, i) => {
    reports.push(validateOne(validator, file, file === '-' ? options.stdin ?? '' : undefined, profiles, locale));
    options.onFile?.(i + 1, files.length, file);
  });
  let errors = 0; let warnings = 0; let information = 0;
  for (const r of reports) for (const is of r.issues) {
    if (is.severity === 'error' || is.severity === 'fatal') errors++;
    else if (is.severity === 'warning') warnings++;
    else information++;
  }
  return {
    tool: { name: 'medcom-ig', version: VERSION },
    locale,
    files: reports,
    summary: { files: reports.length, valid: reports.filter((r) => r.valid).length, errors, warnings, information },
  };
}

function validateOne(validator: Validator, file: string, text: string | undefined, profiles: string[], locale: Locale): FileReport {
  let content: string;
  try {
    content = text ?? readText(file);
  } catch (e) {
    if (e instanceof InputError) return unreadable(file, e, locale);
    throw e;
  }
  return validator.validateText(file, content, { profiles });
}

/** The first non-blank character (after a byte order mark) is `<`. */
function startsLikeXml(text: string): boolean {
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('<');
}

/** Does the file look like XML from its first kilobyte? (Unreadable files: no; reading reports them.) */
function fileStartsLikeXml(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.alloc(1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return startsLikeXml(buf.subarray(0, n).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
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
