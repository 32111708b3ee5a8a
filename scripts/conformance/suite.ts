/**
 * The HL7 validator's own test suite (R4 part, `<shared>/conformance/hl7-validator-tests/`, README there) as
 * checks for medcom-ig: each case is a base check (validate the file with its supporting definitions loaded)
 * and, with `profile`, a profile check (validate it against that StructureDefinition too). The Java validator's
 * outcome is the expectation: its error and fatal issues decide valid or invalid.
 *
 * A check agrees when our verdict (any error or not) equals Java's; a profile check whose profile we could not
 * use, supporting definitions we could not load, or a run that threw, never agrees. The exact error count is
 * the second, stricter figure. Nothing here knows a case by name: the figures are what the validator does.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  newValidator,
  validateFiles,
  validationDefinitions,
  type Definitions,
  type FileReport,
  type ValidateFilesOptions,
} from '../../src/api/index.js';
import { loadPackages } from '../../src/defs/load-package.js';
import { Definitions as DefinitionsRegistry } from '../../src/defs/registry.js';
import { readXml } from '../../src/validator/load/xml.js';

/** One check: a case's base run or its profile run. */
export interface SuiteCheck {
  case: string;
  /** The suite's module (general, profile, bundle, questionnaire …): the concern the table groups by. */
  module: string;
  kind: 'base' | 'profile';
  /** The instance, relative to the suite folder. */
  file: string;
  /** Definitions loaded for the run, relative to the suite folder (JSON or XML). */
  supporting: string[];
  /** For a profile check: the StructureDefinition file it is validated against. */
  profile?: string;
  /** Java's error + fatal count; undefined when the suite holds no expectation for the check. */
  expectedErrors: number | undefined;
}

/** Why a check could not give a verdict that counts. */
export type CheckNote = 'profile-unusable' | 'definitions-unloadable' | 'crashed';

export interface CheckResult {
  case: string;
  module: string;
  kind: 'base' | 'profile';
  expectedErrors: number;
  /** Our error + fatal count (absent when the run crashed or the definitions could not be loaded). */
  errors?: number;
  note?: CheckNote;
  /** The rule ids of our errors (for the JSON output: what to look at next). */
  ruleIds?: string[];
  detail?: string;
  agree: boolean;
  exact: boolean;
}

interface ManifestCase {
  name: string;
  file: string;
  module?: string;
  supporting?: string[];
  profiles?: string[];
  java?: unknown;
  profile?: { source: string; java?: unknown; supporting?: string[] };
}

/** The suite folder inside the shared folder, when present. */
export function suiteDir(shared: string | undefined): string | undefined {
  if (!shared) return undefined;
  const dir = join(shared, 'conformance', 'hl7-validator-tests');
  return existsSync(join(dir, 'manifest.json')) ? dir : undefined;
}

function errorsOf(outcome: unknown): number | undefined {
  if (!outcome || typeof outcome !== 'object') return undefined;
  const issues = (outcome as { issue?: unknown }).issue;
  if (!Array.isArray(issues)) return 0;
  return issues.filter((i: { severity?: unknown }) => i?.severity === 'error' || i?.severity === 'fatal').length;
}

/** Java's expectation for a check (README: "How a case becomes checks"). */
function expectedErrors(dir: string, name: string, java: unknown, kind: 'base' | 'profile'): number | undefined {
  let named: string | undefined;
  if (java && typeof java === 'object') {
    const j = java as { errorCount?: unknown; outcome?: unknown };
    if (typeof j.errorCount === 'number') return j.errorCount;
    if (j.outcome && typeof j.outcome === 'object') return errorsOf(j.outcome);
    if (typeof j.outcome === 'string') named = j.outcome;
  } else if (typeof java === 'string') {
    named = java;
  }
  for (const f of [named && join(dir, 'outcomes', named), join(dir, 'outcomes', 'java', `R4.${name}-${kind}.json`)]) {
    if (f && existsSync(f)) return errorsOf(JSON.parse(readFileSync(f, 'utf8')));
  }
  return undefined;
}

/** Every check of the suite, in manifest order. */
export function loadSuite(dir: string): SuiteCheck[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { 'test-cases': ManifestCase[] };
  const checks: SuiteCheck[] = [];
  for (const c of manifest['test-cases']) {
    const module = c.module ?? 'general';
    const supporting = [...(c.supporting ?? []), ...(c.profiles ?? [])];
    checks.push({
      case: c.name,
      module,
      kind: 'base',
      file: c.file,
      supporting,
      expectedErrors: expectedErrors(dir, c.name, c.java, 'base'),
    });
    if (c.profile) {
      checks.push({
        case: c.name,
        module,
        kind: 'profile',
        file: c.file,
        supporting: [...new Set([...supporting, ...(c.profile.supporting ?? []), c.profile.source])],
        profile: c.profile.source,
        expectedErrors: expectedErrors(dir, c.name, c.profile.java, 'profile'),
      });
    }
  }
  return checks;
}

/** The canonical URL of a definition file (JSON or XML). */
function canonicalOf(text: string): string | undefined {
  const t = text.trimStart();
  if (t.startsWith('<')) return /<url\s+value="([^"]+)"/.exec(t)?.[1];
  const url = (JSON.parse(t) as { url?: unknown }).url;
  return typeof url === 'string' ? url : undefined;
}

export interface RunSuiteOptions {
  /** Only these modules (all by default). */
  modules?: readonly string[];
  onCheck?: (done: number, total: number) => void;
}

/**
 * Run every check with an expectation. Supporting definitions are written as a folder of JSON conformance
 * resources (XML ones read by our XML reader) and loaded as `--package <folder>` loads them, beside our own
 * definitions, which are loaded once for the whole run.
 */
export async function runSuite(dir: string, checks: readonly SuiteCheck[], options: RunSuiteOptions = {}): Promise<CheckResult[]> {
  const selected = checks.filter((c) => c.expectedErrors !== undefined && (!options.modules || options.modules.includes(c.module)));
  const baseDefs: Definitions = await validationDefinitions();
  const xmlReader = newValidator(baseDefs, { readXml });
  const results: CheckResult[] = [];
  let done = 0;
  for (const check of selected) {
    results.push(await runCheck(dir, check, baseDefs, (file, text) => xmlReader.parse(file, text).value));
    options.onCheck?.(++done, selected.length);
  }
  return results;
}

async function runCheck(
  dir: string,
  check: SuiteCheck,
  baseDefs: Definitions,
  parseXml: (file: string, text: string) => unknown,
): Promise<CheckResult> {
  const expected = check.expectedErrors!;
  const base = { case: check.case, module: check.module, kind: check.kind, expectedErrors: expected };
  const miss = (note: CheckNote, detail: string): CheckResult => ({ ...base, note, detail, agree: false, exact: false });
  let folder: string | undefined;
  try {
    const options: ValidateFilesOptions = { inputs: [join(dir, check.file)], workers: 1, rules: 'official' };
    let checkDefs: Definitions = baseDefs;
    if (check.supporting.length > 0) {
      folder = mkdtempSync(join(tmpdir(), 'medcom-ig-hl7-'));
      for (const s of check.supporting) {
        const source = join(dir, s);
        const text = readFileSync(source, 'utf8');
        if (text.trimStart().startsWith('<')) {
          let json: unknown;
          try {
            json = parseXml(source, text);
          } catch (e) {
            return miss('definitions-unloadable', `${s}: ${(e as Error).message}`);
          }
          writeFileSync(join(folder, basename(s).replace(/\.xml$/i, '.json')), JSON.stringify(json));
        } else {
          copyFileSync(source, join(folder, basename(s)));
        }
      }
      // our definitions (loaded once for the run) and this check's, as `--package <folder>` adds them
      const defs = new DefinitionsRegistry(baseDefs.base);
      for (const p of baseDefs.listPackages()) defs.addPackage(p);
      try {
        for (const p of await loadPackages(folder, { definitionsOnly: true })) defs.addPackage(p);
      } catch (e) {
        return miss('definitions-unloadable', (e as Error).message);
      }
      checkDefs = defs;
    }
    if (check.profile) {
      // the profile as loaded (an XML one read by our XML reader: its own url, not a contained resource's)
      const loaded = folder ? join(folder, basename(check.profile).replace(/\.xml$/i, '.json')) : undefined;
      const url = canonicalOf(readFileSync(loaded && existsSync(loaded) ? loaded : join(dir, check.profile), 'utf8'));
      if (!url) return miss('profile-unusable', `${check.profile}: no canonical url`);
      options.profiles = [url];
    }
    let report;
    try {
      report = await validateFiles(options, checkDefs);
    } catch (e) {
      const name = (e as Error).name;
      if (name === 'UsageError') {
        return miss(
          check.profile && /--profile/.test((e as Error).message) ? 'profile-unusable' : 'definitions-unloadable',
          (e as Error).message,
        );
      }
      return miss('crashed', `${name}: ${(e as Error).message}`);
    }
    const file: FileReport = report.files[0]!;
    const errors = file.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');
    const ruleIds = [...new Set(errors.map((i) => i.ruleId))];
    if (check.profile && file.issues.some((i) => i.ruleId === 'profiles/unknown')) {
      return { ...base, errors: errors.length, ruleIds, note: 'profile-unusable', agree: false, exact: false };
    }
    return { ...base, errors: errors.length, ruleIds, agree: errors.length > 0 === expected > 0, exact: errors.length === expected };
  } finally {
    if (folder) rmSync(folder, { recursive: true, force: true });
  }
}

export interface SuiteRow {
  module: string;
  checks: number;
  agree: number;
  /** We say invalid, Java valid. */
  falsePositives: number;
  /** We say valid, Java invalid. */
  falseNegatives: number;
  /** No verdict that counts (profile unusable, definitions unloadable, crashed). */
  noVerdict: number;
  crashed: number;
  exact: number;
}

export interface SuiteSummary {
  rows: SuiteRow[];
  total: SuiteRow;
}

function row(module: string, results: readonly CheckResult[]): SuiteRow {
  return {
    module,
    checks: results.length,
    agree: results.filter((r) => r.agree).length,
    falsePositives: results.filter((r) => !r.note && r.errors! > 0 && r.expectedErrors === 0).length,
    falseNegatives: results.filter((r) => !r.note && r.errors === 0 && r.expectedErrors > 0).length,
    noVerdict: results.filter((r) => r.note).length,
    crashed: results.filter((r) => r.note === 'crashed').length,
    exact: results.filter((r) => r.exact).length,
  };
}

/** The figures per module (the concern) and in total. */
export function summarizeSuite(results: readonly CheckResult[]): SuiteSummary {
  const modules = [...new Set(results.map((r) => r.module))].sort();
  return {
    rows: modules.map((m) =>
      row(
        m,
        results.filter((r) => r.module === m),
      ),
    ),
    total: row('all', results),
  };
}

const pct = (n: number, of: number): string => (of === 0 ? '–' : `${((100 * n) / of).toFixed(1)} %`);

/** The table `npm run conformance` prints. */
export function renderSuiteTable(summary: SuiteSummary): string {
  const head = ['concern', 'checks', 'agree', '%', 'FP', 'FN', 'no verdict', 'crashed', 'exact count', '%'];
  const line = (r: SuiteRow): string[] => [
    r.module,
    String(r.checks),
    String(r.agree),
    pct(r.agree, r.checks),
    String(r.falsePositives),
    String(r.falseNegatives),
    String(r.noVerdict),
    String(r.crashed),
    String(r.exact),
    pct(r.exact, r.checks),
  ];
  const rows = [head, ...summary.rows.map(line), line(summary.total)];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [fmt(head), rule, ...rows.slice(1, -1).map(fmt), rule, fmt(rows[rows.length - 1]!)].join('\n') + '\n';
}
