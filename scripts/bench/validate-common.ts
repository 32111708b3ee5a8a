/**
 * Shared by the validator benchmark (`scripts/bench-validate.ts`) and its child processes: the input
 * bundles (official MedCom examples), the profile each standard's bundles are validated against,
 * the targets from the issue, and the JSON a throughput child prints.
 *
 * Only node: modules and our IG table are imported here, so children stay light until they load
 * the tool they measure.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IGS, type IgAlias } from '../../src/api/igs.js';

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
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('Bundle-') && f.endsWith('.json')).sort() : [];
    if (files.length !== s.expected) throw new Error(`${dir}: expected ${s.expected} Bundle-*.json files, found ${files.length}`);
    for (const f of files) {
      const file = join(dir, f);
      const text = readFileSync(file, 'utf8');
      out.push({ standard: s.alias, file, profile: IGS[s.alias].bundleProfile, text, resources: entryResources(JSON.parse(text) as unknown).length });
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
    if (a === '--anchors' && v !== undefined) { anchors = v; i++; }
    else if (a === '--bundles' && v !== undefined) { bundles = Number(v); i++; }
    else throw new Error(`unexpected argument ${a ?? ''}`);
  }
  if (!anchors) throw new Error('--anchors DIR is required');
  if (!Number.isInteger(bundles) || bundles < 1) throw new Error('--bundles: expected a whole number ≥ 1');
  return { anchors, bundles };
}

/** Print the result as the child's last stdout line. */
export function emit(result: ThroughputResult): void {
  process.stdout.write(JSON.stringify(result) + '\n');
}
