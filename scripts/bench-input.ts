/**
 * `npm run bench:input [-- --mb N] [-- --json FILE] [-- --keep]`: the input readers under hostile and
 * large input (issue 12, point 2), medcom-ig beside @medplum/core where medplum can read the input (JSON).
 *
 * Inputs, generated into a temp folder (scripts/bench/input-gen.ts):
 * - one XML element with 20,000 and with 200,000 attributes (`<Patient a0="x" a1="x" …>`), and the
 *   JSON counterparts (a Patient with 20,000 / 200,000 unknown properties);
 * - a collection Bundle of Patient/Observation pairs of about N MB (default 20), as JSON and as XML.
 *
 * 1. Time to validate: one child process per file (scripts/bench/input-child.ts): load (not counted),
 *    then read + parse + validate the file, timed; the child's peak RSS and RSS once loaded.
 *    Memory per input byte = (peak RSS − RSS once loaded) / file size.
 * 2. The command as a user runs it: `node bin/medcom-ig.js validate FILE --format json --out <tmp>`
 *    on each Bundle and on a one-line Patient (the baseline), wall-clock and peak RSS from
 *    `/usr/bin/time -f %M`; per input byte = (peak − baseline peak) / file size.
 * The target of the issue (20,000 attributes in under 3 s) is printed as met / NOT met.
 * Offline. Exits 0 when the benchmark ran, 2 when it could not.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFlags } from './bench/args.js';
import type { InputChildResult } from './bench/input-child.js';
import { bigBundleJson, bigBundleXml, manyAttributesXml, manyPropertiesJson } from './bench/input-gen.js';
import { exitText, runNode, runTimed, tail, type RunOptions } from './bench/proc.js';
import { seconds, table } from './bench/report.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const cli = join(root, 'bin', 'medcom-ig.js');
const TIME = '/usr/bin/time';
const RSS_MARK = 'BENCH_MAXRSS_KIB=';
const TARGET_20K_MS = 3000;
const USAGE = 'usage: npm run bench:input [-- --mb N] [-- --json FILE] [-- --keep]\n';

interface Args {
  mb: number;
  json: string | undefined;
  keep: boolean;
}

function parseArgs(raw: readonly string[]): Args {
  const flags = parseFlags('bench:input', raw, { mb: { type: 'string' }, json: { type: 'string' }, keep: { type: 'boolean' } }, USAGE);
  const mb = flags.mb === undefined ? 20 : Number(flags.mb);
  if (!Number.isFinite(mb) || mb <= 0 || mb > 200) throw new Error('--mb: expected a size in MB, more than 0 and at most 200');
  return { mb, json: flags.json, keep: flags.keep };
}

function progress(text: string): void {
  process.stderr.write(`bench:input: ${text}\n`);
}

function isChildResult(v: unknown): v is InputChildResult {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r['tool'] === 'string' &&
    typeof r['validateMs'] === 'number' &&
    typeof r['maxRssKiB'] === 'number' &&
    typeof r['loadedRssKiB'] === 'number' &&
    typeof r['bytes'] === 'number' &&
    typeof r['issues'] === 'number'
  );
}

function child(tool: 'ours' | 'medplum', file: string, opts: RunOptions): InputChildResult {
  const t = runNode(join(here, 'bench', 'input-child.js'), [tool, file], opts);
  const last = t.stdout.trimEnd().split('\n').pop() ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(last) as unknown;
  } catch {
    parsed = undefined;
  }
  if (t.status !== 0 || !isChildResult(parsed)) throw new Error(`input-child ${tool} ${file} failed (${exitText(t)}):\n${tail(t)}`);
  return parsed;
}

interface CliRun {
  ms: number;
  maxRssKiB: number;
  exit: string;
}

function cliRun(file: string, out: string, opts: RunOptions): CliRun {
  const t = runTimed(TIME, ['-f', `${RSS_MARK}%M`, process.execPath, cli, 'validate', file, '--format', 'json', '--out', out], opts);
  const mark = t.stderr.split('\n').find((l) => l.startsWith(RSS_MARK));
  const rss = mark ? Number(mark.slice(RSS_MARK.length)) : NaN;
  if (!Number.isFinite(rss) || (t.status !== 0 && t.status !== 1))
    throw new Error(`medcom-ig validate ${file} failed (${exitText(t)}):\n${tail(t)}`);
  return { ms: t.ms, maxRssKiB: rss, exit: exitText(t) };
}

const mib = (kib: number): string => `${(kib / 1024).toFixed(0)} MiB`;
const size = (bytes: number): string => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(0)} kB`);
/** Bytes of RSS per input byte; not shown below 1 MB of input (the load's own peak would dominate). */
const perByte = (kib: number, bytes: number): string => (bytes < 1e6 ? '–' : `${((kib * 1024) / bytes).toFixed(1)}`);
const num = (n: number): string => n.toLocaleString('en-US');

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(TIME)) throw new Error(`${TIME} is needed for the peak RSS of the command`);
  const dir = mkdtempSync(join(tmpdir(), 'medcom-bench-input-'));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
    const opts: RunOptions = { cwd: root, env, timeoutMs: 10 * 60 * 1000 };
    const write = (name: string, text: string): string => {
      const f = join(dir, name);
      writeFileSync(f, text);
      return f;
    };
    progress(`writing inputs into ${dir}`);
    const bytes = Math.round(args.mb * 1e6);
    const files = {
      x20k: write('attributes-20000.xml', manyAttributesXml(20_000)),
      x200k: write('attributes-200000.xml', manyAttributesXml(200_000)),
      j20k: write('properties-20000.json', manyPropertiesJson(20_000)),
      j200k: write('properties-200000.json', manyPropertiesJson(200_000)),
      bundleJson: write(`bundle-${args.mb}MB.json`, bigBundleJson(bytes)),
      bundleXml: write(`bundle-${args.mb}MB.xml`, bigBundleXml(bytes)),
      tiny: write('tiny.json', '{"resourceType":"Patient","id":"p1"}'),
    };

    const cases: { label: string; file: string; medplum: boolean }[] = [
      { label: 'XML, 20,000 attributes on one element', file: files.x20k, medplum: false },
      { label: 'XML, 200,000 attributes on one element', file: files.x200k, medplum: false },
      { label: 'JSON, 20,000 unknown properties on one object', file: files.j20k, medplum: true },
      { label: 'JSON, 200,000 unknown properties on one object', file: files.j200k, medplum: true },
      { label: `JSON Bundle, ${args.mb} MB`, file: files.bundleJson, medplum: true },
      { label: `XML Bundle, ${args.mb} MB (same entries as far as the size goes)`, file: files.bundleXml, medplum: false },
    ];
    const results: { label: string; ours: InputChildResult; medplum: InputChildResult | undefined }[] = [];
    for (const c of cases) {
      progress(`${c.label}: medcom-ig`);
      const ours = child('ours', c.file, opts);
      let mp: InputChildResult | undefined;
      if (c.medplum) {
        progress(`${c.label}: @medplum/core`);
        mp = child('medplum', c.file, opts);
      }
      results.push({ label: c.label, ours, medplum: mp });
    }
    progress('the command: baseline (a one-line Patient), then each Bundle');
    const out = join(dir, 'report.json');
    const base = cliRun(files.tiny, out, opts);
    const cliJson = cliRun(files.bundleJson, out, opts);
    const cliXml = cliRun(files.bundleXml, out, opts);

    const cpuList = cpus();
    const lines: string[] = [];
    lines.push(`medcom-ig input bench  ${new Date().toISOString()}`);
    lines.push(
      `machine: ${cpuList.length} cores (${cpuList[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    );
    lines.push(
      `tools: ${results[0]!.ours.tool} (dist/), ${results.find((r) => r.medplum)?.medplum?.tool ?? '@medplum/core'} (JSON only: it does not read FHIR XML)`,
    );
    lines.push('');
    lines.push('Read + parse + validate one file (child process, after load); memory = (peak RSS − RSS once loaded) / input bytes');
    const cell = (r: InputChildResult | undefined): string[] =>
      r ? [seconds(r.validateMs), mib(r.maxRssKiB), perByte(r.maxRssKiB - r.loadedRssKiB, r.bytes), num(r.issues)] : ['n/a', '', '', ''];
    lines.push(
      table(
        ['input', 'size', 'medcom-ig', 'peak RSS', 'B/byte', 'findings (+ counted)', '@medplum/core', 'peak RSS', 'B/byte', 'findings'],
        results.map((r) => {
          const o = cell(r.ours);
          return [
            r.label,
            size(r.ours.bytes),
            o[0]!,
            o[1]!,
            o[2]!,
            `${num(r.ours.issues)}${r.ours.omitted ? ` (+${num(r.ours.omitted)})` : ''}`,
            ...cell(r.medplum),
          ];
        }),
      ),
    );
    lines.push('');
    lines.push(
      '`node bin/medcom-ig.js validate FILE --format json --out …` (whole process); per byte = (peak − baseline peak) / input bytes',
    );
    lines.push(
      table(
        ['input', 'size', 'wall-clock', 'peak RSS', 'B/byte', 'exit'],
        [
          [
            'a one-line Patient (baseline)',
            size(Buffer.byteLength('{"resourceType":"Patient","id":"p1"}')),
            seconds(base.ms),
            mib(base.maxRssKiB),
            '',
            base.exit,
          ],
          [
            `JSON Bundle, ${args.mb} MB`,
            size(results[4]!.ours.bytes),
            seconds(cliJson.ms),
            mib(cliJson.maxRssKiB),
            perByte(cliJson.maxRssKiB - base.maxRssKiB, results[4]!.ours.bytes),
            cliJson.exit,
          ],
          [
            `XML Bundle, ${args.mb} MB`,
            size(results[5]!.ours.bytes),
            seconds(cliXml.ms),
            mib(cliXml.maxRssKiB),
            perByte(cliXml.maxRssKiB - base.maxRssKiB, results[5]!.ours.bytes),
            cliXml.exit,
          ],
        ],
      ),
    );
    const x20k = results[0]!.ours.validateMs;
    lines.push('');
    lines.push(
      `Target (issue 12: "20,000 attributes validate in under 3 s"): ${seconds(x20k)}: ${x20k < TARGET_20K_MS ? 'met' : 'NOT met'}`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
    if (args.json) {
      writeFileSync(
        args.json,
        `${JSON.stringify({ date: new Date().toISOString(), mb: args.mb, results, cli: { baseline: base, json: cliJson, xml: cliXml }, target20kMet: x20k < TARGET_20K_MS }, null, 2)}\n`,
      );
    }
    return 0;
  } finally {
    if (args.keep) progress(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

try {
  process.exitCode = main();
} catch (e) {
  process.stderr.write(`bench:input: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
