/**
 * `npm run bench:site [-- --runs N] [-- --json FILE] [-- --keep]`: documentation site generation for
 * all three standards (`medcom-ig docs --out <tmp>`), timed as whole processes (Node start-up, reading
 * the prebuilt packages, rendering and writing every page), one warm-up run (not counted) and N
 * runs (default 5) into fresh folders; median, min and max wall-clock, and the command's own figure
 * (load + generate, without process start-up). The target of issue 7: under 2 s.
 * Offline: nothing here opens a network connection. Exits 0 when the benchmark ran, 2 when it could not.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFlags } from './bench/args.js';
import { exitText, runTimed, tail } from './bench/proc.js';
import { seconds, summarize, table } from './bench/report.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const cli = join(root, 'bin', 'medcom-ig.js');
const TARGET_MS = 2000;
const USAGE = 'usage: npm run bench:site [-- --runs N] [-- --json FILE] [-- --keep]\n';

function parseArgs(raw: readonly string[]): { runs: number; json: string | undefined; keep: boolean } {
  const flags = parseFlags('bench:site', raw, { runs: { type: 'string' }, json: { type: 'string' }, keep: { type: 'boolean' } }, USAGE);
  const runs = flags.runs === undefined ? 5 : Number(flags.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs: expected a whole number ≥ 1');
  return { runs, json: flags.json, keep: flags.keep };
}

function main(): number {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`bench:site: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-bench-site-'));
  try {
    const wall: number[] = [];
    const own: number[] = [];
    let pages = '';
    for (let i = 0; i <= args.runs; i++) {
      const out = join(tmp, `site-${i}`);
      const t = runTimed(process.execPath, [cli, 'docs', '--out', out], { cwd: root, env: process.env, timeoutMs: 5 * 60 * 1000 });
      if (t.status !== 0) {
        process.stderr.write(`bench:site: medcom-ig docs failed (${exitText(t)})\n${tail(t)}\n`);
        return 2;
      }
      const m = /wrote (\d+) pages for ([^(]+)\((\d+) packages, read from ([^)]+)\) to .* in (\d+) ms/.exec(t.stdout);
      if (!m) {
        process.stderr.write(`bench:site: unexpected output of medcom-ig docs:\n${t.stdout}\n`);
        return 2;
      }
      pages = `${m[1]} pages, ${m[3]} packages (${m[2]!.trim()}; packages read from ${m[4]})`;
      if (i === 0) {
        process.stderr.write('bench:site: warm-up done\n');
        continue;
      }
      wall.push(t.ms);
      own.push(Number(m[5]));
      process.stderr.write(`bench:site: run ${i}/${args.runs} ${seconds(t.ms)}\n`);
      if (!args.keep) rmSync(out, { recursive: true, force: true });
    }
    const w = summarize(wall);
    const o = summarize(own);
    const met = w.medianMs < TARGET_MS;
    process.stdout.write(
      `\n# Site generation (medcom-ig docs, all three standards)\n\n${pages}; ${cpus().length} cores, Node ${process.version}\n\n`,
    );
    process.stdout.write(
      table(
        ['measure', 'runs', 'median', 'min', 'max', 'target', ''],
        [
          [
            'whole process (wall-clock)',
            String(w.runs),
            seconds(w.medianMs),
            seconds(w.minMs),
            seconds(w.maxMs),
            `< ${seconds(TARGET_MS)}`,
            met ? 'met' : 'NOT met',
          ],
          ['load + generate (as the command reports)', String(o.runs), seconds(o.medianMs), seconds(o.minMs), seconds(o.maxMs), '', ''],
        ],
      ) + '\n',
    );
    if (args.json !== undefined)
      writeFileSync(args.json, JSON.stringify({ pages, targetMs: TARGET_MS, met, wallClock: w, command: o }, null, 2) + '\n');
    if (args.keep) process.stderr.write(`bench:site: kept ${tmp}\n`);
    return 0;
  } finally {
    if (!args.keep) rmSync(tmp, { recursive: true, force: true });
  }
}

process.exitCode = main();
