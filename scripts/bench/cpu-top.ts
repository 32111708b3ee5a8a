/**
 * `node dist/scripts/bench/cpu-top.js FILE.cpuprofile… [--top N] [--base DIR]`: the top N (default 10) functions
 * by self time and by inclusive time of V8 CPU profiles, added up (`node --cpu-prof`), as markdown tables; file paths relative to
 * `--base` (default: the current folder). Issue 18 (docs/bench.md, "Issue 18: against the machine's limit").
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { asCpuProfile, renderCpuSummary, summarizeProfiles } from './cpu-profile.js';

const USAGE = 'usage: node dist/scripts/bench/cpu-top.js FILE.cpuprofile… [--top N] [--base DIR]\n';

function main(): void {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { top: { type: 'string' }, base: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const top = values.top === undefined ? 10 : Number(values.top);
  if (positionals.length === 0 || !Number.isInteger(top) || top < 1) {
    process.stderr.write(USAGE);
    process.exitCode = 2;
    return;
  }
  const profiles = positionals.map((f) => asCpuProfile(JSON.parse(readFileSync(f, 'utf8')) as unknown));
  process.stdout.write(renderCpuSummary(summarizeProfiles(profiles, top, values.base ?? process.cwd())) + '\n');
}

try {
  main();
} catch (e) {
  process.stderr.write(`cpu-top: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  process.exitCode = 2;
}
