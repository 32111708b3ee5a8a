/**
 * `npm run bench [-- --runs N] [-- --json FILE] [-- --keep]`: time our build of all IG packages against
 * SUSHI compiling the same profiles from FSH, side by side in one run.
 *
 * Setup (not timed), in a temp folder that is removed afterwards:
 *  1. build our packages once, and write a private FHIR package cache ($HOME/.fhir/packages, HOME set
 *     to the temp folder for every child): hl7.fhir.r4.core#4.0.1 (our r4-cache command), our built
 *     packages, and empty stubs of the packages SUSHI would otherwise fetch at version "latest";
 *  2. GoFSH turns each built package's profiles, extensions, ValueSets and CodeSystems into FSH, and a
 *     sushi-config.yaml (same id, version, canonical, FHIR 4.0.1, dependencies found in the cache).
 * Timed, N runs each (interleaved), whole child processes, median wall-clock:
 *  a. `medcom-ig build --out DIR` (every package of profiles/index.ts, cold start included);
 *  b. `sushi build PROJECT --snapshot` for each project in dependency order, summed per run (the
 *     like-for-like figure: our build writes snapshots too), and the same without --snapshot;
 *  c. `tsc -p tsconfig.build.json --noEmit`, shown as the authoring gate (not in the ratio).
 * Nothing is fetched: see NETWORK_NOTES. Exits 0 unless the benchmark itself could not run.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gofshProject, sushiOutcome, type FshProject, type SushiOutcome } from './bench/fsh.js';
import {
  addCounts,
  autoLoadedVersions,
  builtPackages,
  conformanceFiles,
  copyIntoCache,
  countKinds,
  emptyCounts,
  inCache,
  isRecord,
  labelOf,
  readJson,
  writeStub,
  type KindCounts,
} from './bench/packages.js';
import { parseFlags } from './bench/args.js';
import { exitText, runNode, tail, type RunOptions } from './bench/proc.js';
import { ratio, seconds, summarize, table, type Summary } from './bench/report.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'bin', 'medcom-ig.js');
const GOAL = 0.5;

interface Args {
  runs: number;
  json: string | undefined;
  keep: boolean;
}

const USAGE = 'usage: npm run bench [-- --runs N] [-- --json FILE] [-- --keep]\n';

function parseArgs(raw: readonly string[]): Args {
  const flags = parseFlags('bench', raw, { runs: { type: 'string' }, json: { type: 'string' }, keep: { type: 'boolean' } }, USAGE);
  const args: Args = { runs: 3, json: flags.json, keep: flags.keep };
  if (flags.runs !== undefined) {
    const n = Number(flags.runs);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--runs: expected a whole number ≥ 1, got ${flags.runs}`);
    args.runs = n;
  }
  return args;
}

/** A package's executable script (its package.json "bin") and version. */
function tool(pkg: string, bin: string): { script: string; version: string } {
  const require = createRequire(import.meta.url);
  const manifestFile = require.resolve(`${pkg}/package.json`);
  const m = readJson(manifestFile);
  if (!isRecord(m)) throw new Error(`${manifestFile}: not a JSON object`);
  const bins = m['bin'];
  const rel = isRecord(bins) ? bins[bin] : undefined;
  if (typeof rel !== 'string') throw new Error(`${pkg} has no "${bin}" executable`);
  return { script: join(dirname(manifestFile), rel), version: typeof m['version'] === 'string' ? m['version'] : '?' };
}

/** "exit 0", or how many of the projects' runs ended otherwise. */
function exitSummary(exits: readonly string[]): string {
  const bad = exits.filter((e) => e !== 'exit 0').length;
  return bad === 0 ? 'exit 0' : `exit≠0: ${bad}/${exits.length}`;
}

function progress(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

/**
 * SUSHI 3.21.0 checks for a newer release on every build (`npm view fsh-sushi version`, and if that
 * fails an HTTPS request to the npm registry) and has no option or environment variable to skip it.
 * A stub `npm` first on the children's PATH answers for that one command, so no request is made.
 */
function writeNpmShim(dir: string, sushiVersion: string): void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'npm');
  writeFileSync(
    file,
    [
      '#!/bin/sh',
      "# medcom-ig bench: answers SUSHI's latest-version check offline; every other npm command fails.",
      `if [ "$1" = "view" ] && [ "$2" = "fsh-sushi" ]; then echo "${sushiVersion}"; exit 0; fi`,
      'echo "npm is not available inside medcom-ig bench" >&2',
      'exit 1',
      '',
    ].join('\n'),
  );
  chmodSync(file, 0o755);
}

const NETWORK_NOTES = [
  'SUSHI/GoFSH load packages only from the private cache: every package they would fetch at "latest" is pinned in each config to a local stub.',
  'SUSHI 3.21.0 has no option or environment variable to skip its latest-version check (`npm view fsh-sushi version`, then an HTTPS GET to the npm registry);',
  "  the bench puts a stub `npm` first on the children's PATH that answers it offline, so no request is made (and SUSHI's times exclude that round trip).",
  'FPL_REGISTRY points at a closed local port (127.0.0.1:9), so any package download attempt would fail at once and show up as a SUSHI error.',
];

interface SushiRow {
  label: string;
  snapshot: boolean;
  perRun: number[];
  perProject: Map<string, number[]>;
  outcome: Map<string, SushiOutcome>;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const sushi = tool('fsh-sushi', 'sushi');
  const gofsh = tool('gofsh', 'gofsh');
  const tsc = tool('typescript', 'tsc');

  const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-bench-'));
  try {
    const home = join(tmp, 'home');
    const cache = join(home, '.fhir', 'packages');
    const shim = join(tmp, 'shim');
    writeNpmShim(shim, sushi.version);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: home,
      PATH: `${shim}${delimiter}${process.env['PATH'] ?? ''}`,
      FPL_REGISTRY: 'http://127.0.0.1:9',
      FORCE_COLOR: '0',
      NO_COLOR: '1',
    };
    const opts: RunOptions = { cwd: root, env };

    // ---- setup (not timed) ----
    progress(`temp folder ${tmp}`);
    const built = join(tmp, 'built');
    const first = runNode(cli, ['build', '--out', built], opts);
    if (first.status !== 0) throw new Error(`our build failed (${exitText(first)}):\n${tail(first)}`);
    const packages = builtPackages(built);
    const ours: KindCounts = packages.map((p) => countKinds(conformanceFiles(p.dir))).reduce(addCounts, emptyCounts());
    progress(`built ${packages.length} packages: ${packages.map((p) => `${p.id}#${p.version}`).join(', ')}`);

    const r4 = runNode(cli, ['r4-cache', '--cache', cache], opts);
    if (r4.status !== 0) throw new Error(`r4-cache failed (${exitText(r4)}):\n${tail(r4)}`);
    for (const p of packages) copyIntoCache(cache, p);
    const stubs: string[] = [];
    for (const p of packages) {
      for (const [id, version] of Object.entries(autoLoadedVersions(p))) {
        if (inCache(cache, id, version)) continue;
        writeStub(cache, id, version);
        stubs.push(`${id}#${version}`);
      }
    }
    progress(`private FHIR cache ${cache}: hl7.fhir.r4.core#4.0.1, ${packages.length} built packages, stubs ${stubs.sort().join(', ')}`);

    const projects: FshProject[] = [];
    for (const p of packages) {
      progress(`GoFSH ${p.id}#${p.version}`);
      projects.push(gofshProject(gofsh.script, p, cache, tmp, opts));
    }

    // ---- timed runs, interleaved so drift hits every tool alike ----
    const oursMs: number[] = [];
    const tscMs: number[] = [];
    let oursExit = '';
    let tscExit = '';
    const sushiRows: SushiRow[] = [true, false].map((snapshot) => ({
      label: snapshot ? 'SUSHI build --snapshot' : 'SUSHI build (no snapshot)',
      snapshot,
      perRun: [],
      perProject: new Map(projects.map((p) => [labelOf(p.manifest), []])),
      outcome: new Map(),
    }));

    for (let run = 1; run <= args.runs; run++) {
      progress(`run ${run}/${args.runs}: medcom-ig build`);
      const out = join(tmp, `ours-${run}`);
      const t = runNode(cli, ['build', '--out', out], opts);
      oursMs.push(t.ms);
      oursExit = exitText(t);
      rmSync(out, { recursive: true, force: true });

      for (const row of sushiRows) {
        progress(`run ${run}/${args.runs}: ${row.label} × ${projects.length}`);
        let total = 0;
        for (const p of projects) {
          rmSync(join(p.dir, 'fsh-generated'), { recursive: true, force: true });
          const s = runNode(sushi.script, ['build', p.dir, ...(row.snapshot ? ['--snapshot'] : [])], opts);
          total += s.ms;
          row.perProject.get(labelOf(p.manifest))!.push(s.ms);
          if (run === args.runs) row.outcome.set(labelOf(p.manifest), sushiOutcome(p.dir, s.stdout, s.stderr, exitText(s)));
        }
        row.perRun.push(total);
      }

      progress(`run ${run}/${args.runs}: tsc --noEmit`);
      const c = runNode(tsc.script, ['-p', join(root, 'tsconfig.build.json'), '--noEmit'], opts);
      tscMs.push(c.ms);
      tscExit = exitText(c);
    }

    // ---- report ----
    const oursS = summarize(oursMs);
    const tscS = summarize(tscMs);
    const sushiS = sushiRows.map((r) => summarize(r.perRun));
    const produced = sushiRows.map((r) => [...r.outcome.values()].map((o) => o.produced).reduce(addCounts, emptyCounts()));
    const countCells = (c: KindCounts): string[] => [String(c.profile), String(c.extension), String(c.valueset), String(c.codesystem)];
    const timeCells = (s: Summary): string[] => [String(s.runs), seconds(s.medianMs), seconds(s.minMs), seconds(s.maxMs)];
    const date = new Date();
    const cpuList = cpus();
    const machine = `${cpuList.length} cores (${cpuList[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

    const lines: string[] = [];
    lines.push(`medcom-ig bench  ${date.toISOString()}`);
    lines.push(`machine: ${machine}`);
    lines.push(
      `tools: SUSHI ${sushi.version}, GoFSH ${gofsh.version}, TypeScript ${tsc.version}; ${args.runs} run(s) each, wall-clock of whole child processes`,
    );
    lines.push('');
    lines.push(
      table(
        ['tool', 'runs', 'median', 'min', 'max', 'profiles', 'extensions', 'valuesets', 'codesystems', 'exit'],
        [
          [`medcom-ig build (${packages.length} packages)`, ...timeCells(oursS), ...countCells(ours), oursExit],
          ...sushiRows.map((r, i) => [
            `${r.label} (${projects.length} projects)`,
            ...timeCells(sushiS[i]!),
            ...countCells(produced[i]!),
            exitSummary([...r.outcome.values()].map((o) => o.exit)),
          ]),
          ['type-check (authoring gate)', ...timeCells(tscS), '', '', '', '', tscExit],
        ],
      ),
    );
    lines.push('');
    const snapRatio = oursS.medianMs / sushiS[0]!.medianMs;
    lines.push(
      `ratio medcom-ig build / SUSHI --snapshot (like for like): ${ratio(oursS.medianMs, sushiS[0]!.medianMs)}  goal ≤ ${GOAL}×: ${snapRatio <= GOAL ? 'met' : 'NOT met'}`,
    );
    lines.push(`ratio medcom-ig build / SUSHI without snapshot:          ${ratio(oursS.medianMs, sushiS[1]!.medianMs)}`);
    lines.push('type-check is not part of either ratio: it is the gate an author runs, not the build.');
    lines.push('');
    lines.push("SUSHI per project (dependency order), median per run, errors/warnings from SUSHI's results box:");
    lines.push(
      table(
        [
          'package',
          'FSH files',
          'GoFSH E/W',
          'SD+VS+CS in',
          'SUSHI out --snapshot',
          'E/W --snapshot',
          'median --snapshot',
          'E/W no snapshot',
          'median no snapshot',
        ],
        projects.map((p) => {
          const id = labelOf(p.manifest);
          const [snap, plain] = sushiRows.map((r) => r.outcome.get(id));
          const total = (c: KindCounts): number => c.profile + c.extension + c.logical + c.valueset + c.codesystem;
          const ew = (o: SushiOutcome | undefined): string =>
            o?.findings ? `${o.findings.errors}/${o.findings.warnings}` : `? (${o?.exit ?? 'not run'})`;
          return [
            id,
            String(p.fshFiles),
            p.gofsh ? `${p.gofsh.errors}/${p.gofsh.warnings}` : '?',
            String(total(p.input)),
            snap ? String(total(snap.produced)) : '?',
            ew(snap),
            seconds(summarize(sushiRows[0]!.perProject.get(id)!).medianMs),
            ew(plain),
            seconds(summarize(sushiRows[1]!.perProject.get(id)!).medianMs),
          ];
        }),
      ),
    );
    const notes: string[] = [];
    for (const p of projects) {
      const id = labelOf(p.manifest);
      if (p.missingDeps.length)
        notes.push(`${id}: declared dependencies not in the private cache, left out of sushi-config.yaml: ${p.missingDeps.join(', ')}`);
      for (const e of p.gofshErrors) notes.push(`${id}: GoFSH error: ${e}`);
      if (p.untypedSlices.length) {
        notes.push(
          `${id}: our differential gives no type (extension profile) for ${p.untypedSlices.length} extension slice(s), so GoFSH writes them as inline extensions: ${p.untypedSlices.join(', ')}`,
        );
      }
      const snap = sushiRows[0]!.outcome.get(id);
      for (const e of snap?.errors ?? []) notes.push(`${id}: SUSHI error: ${e}`);
    }
    if (notes.length) {
      lines.push('');
      lines.push('notes:');
      for (const n of notes) lines.push(`  ${n}`);
    }
    lines.push('');
    lines.push('offline:');
    for (const n of NETWORK_NOTES) lines.push(`  ${n}`);
    lines.push(`  stubs (empty packages) in the private cache: ${stubs.sort().join(', ')}`);
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
            tools: { sushi: sushi.version, gofsh: gofsh.version, typescript: tsc.version },
            runs: args.runs,
            results: [
              { tool: 'medcom-ig build', packages: packages.length, ...oursS, counts: ours, exit: oursExit },
              ...sushiRows.map((r, i) => ({ tool: r.label, projects: projects.length, ...sushiS[i]!, counts: produced[i]! })),
              { tool: 'type-check (authoring gate)', ...tscS, exit: tscExit },
            ],
            ratio: { snapshot: oursS.medianMs / sushiS[0]!.medianMs, noSnapshot: oursS.medianMs / sushiS[1]!.medianMs, goal: GOAL },
            projects: projects.map((p) => ({
              id: p.manifest.id,
              version: p.manifest.version,
              fshFiles: p.fshFiles,
              input: p.input,
              gofsh: p.gofsh ?? null,
              gofshErrors: p.gofshErrors,
              missingDependencies: p.missingDeps,
              untypedExtensionSlices: p.untypedSlices,
              sushi: sushiRows.map((r) => ({
                tool: r.label,
                ...summarize(r.perProject.get(labelOf(p.manifest))!),
                findings: r.outcome.get(labelOf(p.manifest))?.findings ?? null,
                produced: r.outcome.get(labelOf(p.manifest))?.produced ?? null,
                exit: r.outcome.get(labelOf(p.manifest))?.exit ?? null,
                errors: r.outcome.get(labelOf(p.manifest))?.errors ?? [],
              })),
            })),
            offline: { notes: NETWORK_NOTES, stubs },
          },
          null,
          2,
        ) + '\n',
      );
      progress(`wrote ${file}`);
    }
  } finally {
    if (args.keep) progress(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

try {
  main();
} catch (e) {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
