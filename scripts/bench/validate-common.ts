/**
 * Shared by the validator benchmark (`scripts/bench-validate.ts`) and its child processes: the input
 * bundles (official MedCom examples), the profile each standard's bundles are validated against,
 * the targets from the issue, and the JSON a throughput child prints.
 *
 * Only node: modules and our IG table are imported here, so children stay light until they load
 * the tool they measure.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { IG_ALIASES, IGS, standardVersion, type IgAlias } from '../../src/api/igs.js';

/** The standards in the throughput mix, in the order the bundles are cycled through. */
export const STANDARDS: readonly { alias: IgAlias; folder: string; expected: number }[] = [
  { alias: 'conditionlist', folder: 'conditionlist', expected: 7 },
  { alias: 'hco', folder: 'hco', expected: 5 },
  { alias: 'notes', folder: 'notes', expected: 2 },
];

/** Targets from the issue. */
export const TARGETS = {
  /** ours / medplum, bundles per second */
  throughputRatio: 5,
  /** ours, median wall-clock of one validate process */
  coldStartMs: 300,
  /** ours / medplum, median cold start */
  coldStartRatio: 0.5,
  /** ours, peak RSS of the throughput run, MiB */
  peakRssMiB: 250,
  /** issue 18: ours single-worker (whole CLI runs, process start included) / the read + parse + walk limit */
  limitRatio: 5,
} as const;

export interface InputBundle {
  standard: IgAlias;
  file: string;
  /** The standard's Bundle profile (canonical|version), as `--ig` uses it. */
  profile: string;
  text: string;
  /** Resources in Bundle.entry (the Bundle itself not counted). */
  resources: number;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Bundle.entry[*].resource, skipping entries without a resource object. */
export function entryResources(bundle: unknown): Record<string, unknown>[] {
  if (!isRecord(bundle) || !Array.isArray(bundle['entry'])) return [];
  const out: Record<string, unknown>[] = [];
  for (const e of bundle['entry'] as unknown[]) if (isRecord(e) && isRecord(e['resource'])) out.push(e['resource']);
  return out;
}

/** meta.profile of a resource (strings only). */
export function declaredProfiles(resource: Record<string, unknown>): string[] {
  const meta = resource['meta'];
  if (!isRecord(meta) || !Array.isArray(meta['profile'])) return [];
  return (meta['profile'] as unknown[]).filter((p): p is string => typeof p === 'string');
}

/**
 * The official example Bundles of the three standards (`<anchors>/<folder>/examples/Bundle-*.json`,
 * sorted by name), in STANDARDS order. Throws when a folder holds another number than expected.
 */
export function inputBundles(anchors: string): InputBundle[] {
  const out: InputBundle[] = [];
  for (const s of STANDARDS) {
    const dir = join(anchors, s.folder, 'examples');
    const files = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.startsWith('Bundle-') && f.endsWith('.json'))
          .sort()
      : [];
    if (files.length !== s.expected) throw new Error(`${dir}: expected ${s.expected} Bundle-*.json files, found ${files.length}`);
    for (const f of files) {
      const file = join(dir, f);
      const text = readFileSync(file, 'utf8');
      out.push({
        standard: s.alias,
        file,
        profile: IGS[s.alias].bundleProfile,
        text,
        resources: entryResources(JSON.parse(text) as unknown).length,
      });
    }
  }
  return out;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  information: number;
}

export function emptySeverities(): SeverityCounts {
  return { error: 0, warning: 0, information: 0 };
}

/** Count one issue by its severity (`fatal` counts as an error). */
export function countSeverity(counts: SeverityCounts, severity: string | undefined): void {
  if (severity === 'error' || severity === 'fatal') counts.error++;
  else if (severity === 'warning') counts.warning++;
  else counts.information++;
}

/** What a throughput child prints (one JSON line on stdout). */
export interface ThroughputResult {
  tool: string;
  version: string;
  /** From the first line of the child's work (tool import included) until it is ready to validate. */
  loadMs: number;
  /** Sum of the validation calls only (no parsing, no loading). */
  validateMs: number;
  /** Parsing (JSON text → objects) of all bundles, summed; not part of the throughput. */
  parseMs: number;
  bundles: number;
  resources: number;
  perStandard: Record<string, number>;
  /** Over all `bundles` validations. */
  issues: SeverityCounts;
  /** Over one pass of the distinct input bundles (the first inputs.length validations). */
  onePass: { bundles: number; issues: SeverityCounts; kinds: { kind: string; severity: string; count: number }[] };
  /** performance.now() when the validation loop ended: node start-up, load, parse and validation. */
  processMs: number;
  /** process.resourceUsage().maxRSS at the end of the validation loop, KiB. */
  maxRssKiB: number;
  /** Tool-specific notes for the report. */
  notes: string[];
  /** medplum only: what it was asked to do and could not. */
  calls?: { total: number; failed: number; unresolvedProfiles: number };
  /** medplum only: estimated time spent re-parsing profile StructureDefinitions per call, ms over the run. */
  profileParseMs?: number;
}

/** Tally of issue kinds (first `limit`, most frequent first). */
export class KindTally {
  private readonly counts = new Map<string, { kind: string; severity: string; count: number }>();

  add(kind: string, severity: string): void {
    const key = `${severity}\u0000${kind}`;
    const hit = this.counts.get(key);
    if (hit) hit.count++;
    else this.counts.set(key, { kind, severity, count: 1 });
  }

  top(limit: number): { kind: string; severity: string; count: number }[] {
    return [...this.counts.values()].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)).slice(0, limit);
  }
}

/** Arguments of a throughput child: `--anchors DIR --bundles N`. */
export function childArgs(argv: readonly string[]): { anchors: string; bundles: number } {
  let anchors: string | undefined;
  let bundles = 2000;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--anchors' && v !== undefined) {
      anchors = v;
      i++;
    } else if (a === '--bundles' && v !== undefined) {
      bundles = Number(v);
      i++;
    } else throw new Error(`unexpected argument ${a ?? ''}`);
  }
  if (!anchors) throw new Error('--anchors DIR is required');
  if (!Number.isInteger(bundles) || bundles < 1) throw new Error('--bundles: expected a whole number ≥ 1');
  return { anchors, bundles };
}

/** Print the result as the child's last stdout line. */
export function emit(result: ThroughputResult): void {
  process.stdout.write(JSON.stringify(result) + '\n');
}

// --------------------------------------------------------------------------------------------------
// "Defects caught": the invalid bundles of our example corpus (examples/corpus.json)

/** The root finding the corpus manifest states for an invalid entry (rule id, FHIRPath, and for invariants the constraint key). */
export interface ExpectedFinding {
  ruleId: string;
  fhirpath: string;
  constraintKey?: string;
}

/** One invalid JSON bundle of the corpus: a copy of `base` with exactly one defect. */
export interface DefectCase {
  standard: IgAlias;
  /** Relative to the corpus folder (examples/). */
  file: string;
  base: string;
  /** The Bundle profile (canonical|version) the file is written for: the entry's `profile`, else its standard's corpus default. */
  profile: string;
  /** The rule the defect breaks: the manifest's root finding's. */
  ruleId: string;
  /** The defect's root finding (the manifest's `root`, written from the defect). */
  root: ExpectedFinding;
}

export interface DefectCorpus {
  /** The folder the manifest's paths are relative to. */
  dir: string;
  /** Invalid entries in the manifest (JSON and XML). */
  invalidEntries: number;
  cases: DefectCase[];
  /** Invalid entries left out, with the reason. */
  skipped: { file: string; reason: string }[];
}

function isFinding(v: unknown): v is ExpectedFinding {
  return (
    isRecord(v) &&
    typeof v['ruleId'] === 'string' &&
    typeof v['fhirpath'] === 'string' &&
    (v['constraintKey'] === undefined || typeof v['constraintKey'] === 'string')
  );
}

/**
 * The version a corpus entry without `profile` is written for (examples/README.md): the one the examples were first
 * written for, which for HCO is not the current one (1.1.0-trial-use; the 1.2.1 files name their profile).
 */
const CORPUS_DEFAULT_VERSION: Record<IgAlias, string> = { conditionlist: '1.0.1', notes: '1.0.0', hco: '1.1.0-trial-use' };

/** The Bundle profile a corpus entry is validated against. */
function corpusProfile(standard: IgAlias, profile: unknown): string {
  if (typeof profile === 'string') return profile;
  return standardVersion(standard, CORPUS_DEFAULT_VERSION[standard])!.bundleProfile;
}

function isStandard(v: unknown): v is IgAlias {
  return typeof v === 'string' && (IG_ALIASES as readonly string[]).includes(v);
}

/**
 * The invalid bundles of the corpus manifest that both tools can read: JSON files that parse (XML
 * forms are left out, medplum reads JSON only; so are files that are not JSON, `input-unreadable-*`,
 * which medplum cannot be handed at all), in manifest order. Throws when the manifest is malformed.
 */
export function defectCorpus(manifest: string): DefectCorpus {
  const dir = dirname(manifest);
  const entries = JSON.parse(readFileSync(manifest, 'utf8')) as unknown;
  if (!Array.isArray(entries)) throw new Error(`${manifest}: expected an array`);
  const readable = new Map<string, string | undefined>();
  /** undefined when the file parses as JSON, else why not */
  const unreadable = (file: string): string | undefined => {
    if (!readable.has(file)) {
      let why: string | undefined;
      try {
        JSON.parse(readFileSync(join(dir, file), 'utf8'));
      } catch (e) {
        // JSON.parse quotes the text around the fault, new lines and all: one line, shortened
        const text = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
        why = text.length > 90 ? `${text.slice(0, 89)}…` : text;
      }
      readable.set(file, why);
    }
    return readable.get(file);
  };
  const out: DefectCorpus = { dir, invalidEntries: 0, cases: [], skipped: [] };
  for (const e of entries as unknown[]) {
    if (!isRecord(e) || e['valid'] !== false) continue;
    out.invalidEntries++;
    const file = e['file'];
    const base = e['base'];
    const standard = e['standard'];
    const root = e['root'];
    if (typeof file !== 'string' || typeof base !== 'string' || !isStandard(standard) || !isFinding(root)) {
      throw new Error(`${manifest}: malformed invalid entry ${JSON.stringify(file)}`);
    }
    if (!file.endsWith('.json')) {
      out.skipped.push({ file, reason: 'not JSON (the XML form of a bundle; medplum reads JSON only)' });
      continue;
    }
    const why = unreadable(file);
    if (why !== undefined) {
      out.skipped.push({ file, reason: `not readable JSON (JSON.parse: ${why}): neither tool can be handed a resource` });
      continue;
    }
    const baseWhy = base.endsWith('.json') ? unreadable(base) : 'not JSON';
    if (baseWhy !== undefined) {
      out.skipped.push({ file, reason: `its base ${base} is not readable JSON (${baseWhy})` });
      continue;
    }
    out.cases.push({ standard, file, base, profile: corpusProfile(standard, e['profile']), ruleId: root.ruleId, root });
  }
  return out;
}

/** What one tool made of one defect case. */
export interface DefectOutcome {
  file: string;
  /** Distinct error identities on the invalid bundle / on its base. */
  errors: number;
  baseErrors: number;
  /** Error identities on the invalid bundle that are not on its base (caught when > 0). */
  newErrors: number;
  /** The first few of them, for the report. */
  newErrorSample: string[];
  /** ours only: the manifest's root finding, when it is not among the errors (at its FHIRPath or one step above). */
  rootMissing?: string;
  /**
   * medplum only: validateResource calls that failed (threw something else than an OperationOutcomeError) on the invalid
   * bundle and not on its base.
   */
  newFailures?: string[];
}

/** What a defects child prints (one JSON line on stdout). */
export interface DefectsResult {
  tool: string;
  version: string;
  /** Import + definitions. */
  loadMs: number;
  /** Parsing and validating the invalid bundles and their bases (each base once). */
  validateMs: number;
  bases: number;
  cases: DefectOutcome[];
  notes: string[];
}

export function isDefectsResult(v: unknown): v is DefectsResult {
  return (
    isRecord(v) &&
    typeof v['tool'] === 'string' &&
    typeof v['version'] === 'string' &&
    typeof v['loadMs'] === 'number' &&
    typeof v['validateMs'] === 'number' &&
    typeof v['bases'] === 'number' &&
    Array.isArray(v['notes']) &&
    Array.isArray(v['cases']) &&
    (v['cases'] as unknown[]).every(
      (c) =>
        isRecord(c) &&
        typeof c['file'] === 'string' &&
        typeof c['errors'] === 'number' &&
        typeof c['baseErrors'] === 'number' &&
        typeof c['newErrors'] === 'number' &&
        Array.isArray(c['newErrorSample']),
    )
  );
}

/** Compare a defect's error identities with its base's. */
export function defectOutcome(file: string, errors: ReadonlySet<string>, baseErrors: ReadonlySet<string>, sample = 5): DefectOutcome {
  const fresh = [...errors].filter((k) => !baseErrors.has(k));
  return { file, errors: errors.size, baseErrors: baseErrors.size, newErrors: fresh.length, newErrorSample: fresh.slice(0, sample) };
}

/** Arguments of a defects child: `--anchors DIR --corpus FILE`. */
export function defectsChildArgs(argv: readonly string[]): { anchors: string; corpus: string } {
  let anchors: string | undefined;
  let corpus: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--anchors' && v !== undefined) {
      anchors = v;
      i++;
    } else if (a === '--corpus' && v !== undefined) {
      corpus = v;
      i++;
    } else throw new Error(`unexpected argument ${a ?? ''}`);
  }
  if (!anchors || !corpus) throw new Error('--anchors DIR and --corpus FILE are required');
  return { anchors, corpus };
}
