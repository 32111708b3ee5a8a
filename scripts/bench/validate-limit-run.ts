/**
 * Section 4 of `npm run bench:validate` (issue 18): our validator against the machine's limit. The 2,000-bundle corpus
 * of the throughput section is written to a temp folder (one sub-folder per standard); then, one process at a time:
 *
 * - the limit: `node dist/scripts/bench/validate-limit.js <the folders>` — read every file, `JSON.parse`, visit every
 *   node (validate-limit.ts, limit-walk.ts); `runs` fresh processes, the best of them (whole process, and the work
 *   alone without process start);
 * - ours single-worker: `node bin/medcom-ig.js validate --ig <standard> --workers 1 <folder>`, one process per
 *   standard (as a user validates a folder of one standard), their wall-clock summed; median of `runs`;
 * - ours default: the same without `--workers` (the CLI picks the workers: src/api/pool.ts workerCount).
 *
 * With `cpuProfDir`, one more single-worker pass runs under `node --cpu-prof` and the profiles are summarized
 * (cpu-profile.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { workerCount } from '../../src/api/pool.js';
import { asCpuProfile, summarizeProfiles, type CpuSummary } from './cpu-profile.js';
import { exitText, runNode, runTimed, tail, type RunOptions, type Timed } from './proc.js';
import { summarize, type Summary } from './report.js';
import { isRecord, type InputBundle } from './validate-common.js';

export interface CorpusFolder {
  standard: string;
  dir: string;
  files: number;
  bytes: number;
}

/**
 * Write `bundles` bundles, cycling through `inputs` in order as the throughput children do, into `<dir>/<standard>/`
 * (`00001-<input file name>`, …). Returns the folders in the order of first appearance.
 */
export function writeCorpus(inputs: readonly InputBundle[], bundles: number, dir: string): CorpusFolder[] {
  const folders = new Map<string, CorpusFolder>();
  for (let i = 0; i < bundles; i++) {
    const input = inputs[i % inputs.length]!;
    let f = folders.get(input.standard);
    if (!f) {
      f = { standard: input.standard, dir: join(dir, input.standard), files: 0, bytes: 0 };
      mkdirSync(f.dir, { recursive: true });
      folders.set(input.standard, f);
    }
    writeFileSync(join(f.dir, `${String(i + 1).padStart(5, '0')}-${basename(input.file)}`), input.text);
    f.files++;
    f.bytes += Buffer.byteLength(input.text);
  }
  return [...folders.values()];
}

export interface LimitRun {
  /** spawn to exit */
  processMs: number;
  /** process start until the pass ended (the child's performance.now()) */
  sinceStartMs: number;
  /** listing, reading, parsing and walking alone */
  workMs: number;
  files: number;
  bytes: number;
  nodes: number;
}

export interface CliRun {
  /** the processes' wall-clock, summed */
  ms: number;
  /** per standard: wall-clock, exit, peak RSS (KiB, /usr/bin/time) */
  perStandard: { standard: string; ms: number; exit: string; maxRssKiB: number | undefined }[];
}

export interface LimitResult {
  folders: CorpusFolder[];
  cores: number;
  limit: { runs: LimitRun[]; bestProcessMs: number; bestSinceStartMs: number; bestWorkMs: number };
  single: { runs: CliRun[]; ms: Summary; maxRssKiB: number | undefined };
  byDefault: { runs: CliRun[]; ms: Summary; maxRssKiB: number | undefined; workers: Record<string, number> };
  cpu?: { dir: string; files: string[]; summary: CpuSummary };
}

export interface LimitOptions {
  /** node dist/scripts/bench folder (where validate-limit.js is) */
  benchDir: string;
  /** bin/medcom-ig.js */
  cli: string;
  /** the project root (file paths in the profile summary are relative to it) */
  root: string;
  runs: number;
  opts: RunOptions;
  /** /usr/bin/time when present, for peak RSS */
  time: string | undefined;
  cpuProfDir?: string;
  progress: (text: string) => void;
}

const RSS_MARK = 'BENCH_MAXRSS_KIB=';

function isLimitLine(v: unknown): v is Omit<LimitRun, 'processMs'> {
  return (
    isRecord(v) &&
    typeof v['workMs'] === 'number' &&
    typeof v['sinceStartMs'] === 'number' &&
    typeof v['files'] === 'number' &&
    typeof v['bytes'] === 'number' &&
    typeof v['nodes'] === 'number'
  );
}

function limitRun(o: LimitOptions, dirs: readonly string[]): LimitRun {
  const t = runNode(join(o.benchDir, 'validate-limit.js'), dirs, o.opts);
  let parsed: unknown;
  try {
    parsed = JSON.parse(t.stdout.trimEnd().split('\n').pop() ?? '') as unknown;
  } catch {
    parsed = undefined;
  }
  if (t.status !== 0 || !isLimitLine(parsed)) throw new Error(`validate-limit.js failed (${exitText(t)}):\n${tail(t)}`);
  return { processMs: t.ms, ...parsed };
}

/** One CLI pass over the folders, one process per standard; exit 0 or 1 (findings) is a run, anything else a failure. */
function cliRun(o: LimitOptions, folders: readonly CorpusFolder[], extra: readonly string[], nodeFlags: readonly string[] = []): CliRun {
  const perStandard: CliRun['perStandard'] = [];
  for (const f of folders) {
    const command = [process.execPath, ...nodeFlags, o.cli, 'validate', '--ig', f.standard, ...extra, f.dir];
    const t: Timed = o.time
      ? runTimed(o.time, ['-f', `${RSS_MARK}%M`, ...command], o.opts)
      : runTimed(command[0]!, command.slice(1), o.opts);
    if (t.status !== 0 && t.status !== 1) throw new Error(`${command.slice(1).join(' ')} failed (${exitText(t)}):\n${tail(t)}`);
    const mark = t.stderr.split('\n').find((l) => l.startsWith(RSS_MARK));
    const rss = mark ? Number(mark.slice(RSS_MARK.length)) : undefined;
    perStandard.push({
      standard: f.standard,
      ms: t.ms,
      exit: exitText(t),
      maxRssKiB: rss !== undefined && Number.isFinite(rss) ? rss : undefined,
    });
  }
  return { ms: perStandard.reduce((s, r) => s + r.ms, 0), perStandard };
}

function maxRss(runs: readonly CliRun[]): number | undefined {
  const v = runs.flatMap((r) => r.perStandard.map((p) => p.maxRssKiB)).filter((x): x is number => x !== undefined);
  return v.length ? Math.max(...v) : undefined;
}

/** Run the section over `folders` (written by writeCorpus). */
export function limitSection(o: LimitOptions, folders: readonly CorpusFolder[]): LimitResult {
  const dirs = folders.map((f) => f.dir);
  const limitRuns: LimitRun[] = [];
  const single: CliRun[] = [];
  const byDefault: CliRun[] = [];
  // interleaved, so that a change in the machine's load touches all three alike
  for (let r = 1; r <= o.runs; r++) {
    o.progress(`limit: read + parse + walk, run ${r}/${o.runs}`);
    limitRuns.push(limitRun(o, dirs));
    o.progress(`limit: medcom-ig validate --workers 1, run ${r}/${o.runs}`);
    single.push(cliRun(o, folders, ['--workers', '1']));
    o.progress(`limit: medcom-ig validate (default workers), run ${r}/${o.runs}`);
    byDefault.push(cliRun(o, folders, []));
  }
  const workers: Record<string, number> = {};
  for (const f of folders) workers[f.standard] = workerCount(f.files, f.bytes);
  const result: LimitResult = {
    folders: [...folders],
    cores: availableParallelism(),
    limit: {
      runs: limitRuns,
      bestProcessMs: Math.min(...limitRuns.map((r) => r.processMs)),
      bestSinceStartMs: Math.min(...limitRuns.map((r) => r.sinceStartMs)),
      bestWorkMs: Math.min(...limitRuns.map((r) => r.workMs)),
    },
    single: { runs: single, ms: summarize(single.map((r) => r.ms)), maxRssKiB: maxRss(single) },
    byDefault: { runs: byDefault, ms: summarize(byDefault.map((r) => r.ms)), maxRssKiB: maxRss(byDefault), workers },
  };
  if (o.cpuProfDir !== undefined) {
    const dir = o.cpuProfDir;
    mkdirSync(dir, { recursive: true });
    const before = new Set(readdirSync(dir));
    o.progress(`limit: medcom-ig validate --workers 1 under node --cpu-prof (profiles in ${dir})`);
    cliRun(o, folders, ['--workers', '1'], ['--cpu-prof', '--cpu-prof-dir', dir]);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile') && !before.has(f))
      .sort()
      .map((f) => join(dir, f));
    if (files.length === 0 || !files.every((f) => existsSync(f))) throw new Error(`--cpu-prof: no new .cpuprofile in ${dir}`);
    const profiles = files.map((f) => asCpuProfile(JSON.parse(readFileSync(f, 'utf8')) as unknown));
    result.cpu = { dir, files, summary: summarizeProfiles(profiles, 10, o.root) };
  }
  return result;
}
