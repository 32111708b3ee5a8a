/**
 * The limit child of the validator benchmark (issue 18): `node dist/scripts/bench/validate-limit.js DIR…`.
 * One pass over every `*.json` file below the folders: read from disk, `JSON.parse`, visit every node (limit-walk.ts).
 * Prints one JSON line: files, bytes, nodes, the pass's milliseconds (`workMs`: listing the folders included) and
 * the time from process start until the pass ended (`sinceStartMs`, performance.now() counts from the process's time
 * origin). The parent times the whole process (spawn to exit) itself.
 */
import { jsonFiles, limitPass } from './limit-walk.js';

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  process.stderr.write('usage: node dist/scripts/bench/validate-limit.js DIR…\n');
  process.exitCode = 2;
} else {
  try {
    const t0 = performance.now();
    const pass = limitPass(jsonFiles(dirs));
    const sinceStartMs = performance.now();
    const workMs = sinceStartMs - t0;
    process.stdout.write(JSON.stringify({ files: pass.files, bytes: pass.bytes, nodes: pass.nodes, workMs, sinceStartMs }) + '\n');
  } catch (e) {
    process.stderr.write(`validate-limit: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  }
}
