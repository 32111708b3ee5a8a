/**
 * `npm run compile`, after tsc: the CLI as one bundled module graph in dist/src/bundle/ (rolldown), so that a
 * `medcom-ig validate` run loads a handful of chunks instead of resolving and compiling ≈ 75 modules one by one
 * (docs/bench.md, cold start). bin/medcom-ig.js runs `validate` from it when its stamp matches the compiled CLI;
 * every other command, a debug run (MEDCOM_IG_DEBUG: stack traces through source maps) and a bundle older than
 * the last tsc run use dist/cli as before.
 *
 * The chunks sit two folders below dist/ like the modules they come from (dist/src/<folder>/), so the paths the
 * code derives from import.meta.url (dist/ig, dist/r4, dist/profiles, the worker script in dist/src/api, the
 * packages createRequire finds) are the same. Packages from node_modules stay imports.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(dist, 'src', 'bundle');
const entry = join(dist, 'cli', 'medcom-ig.js');

/**
 * What the launcher compares: the compiled CLI module the bundle was made from (tsc rewrites it every run) — its size
 * and modification time, and its SHA-256 for an installed copy (`npm pack` gives every file one fixed time).
 */
function bundleSource(file: string): { size: number; mtimeMs: number; sha256: string } {
  const st = statSync(file);
  return { size: st.size, mtimeMs: st.mtimeMs, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') };
}

async function main(): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  let rolldown: typeof import('rolldown').rolldown;
  try {
    ({ rolldown } = await import('rolldown'));
  } catch {
    process.stderr.write('medcom-ig: rolldown is not installed: no bundled CLI (validate starts from dist/cli, slower)\n');
    return;
  }
  const source = bundleSource(entry);
  const bundle = await rolldown({
    input: { 'medcom-ig': entry },
    // packages stay imports; only our own modules (relative paths) are bundled
    external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
    platform: 'node',
    logLevel: 'warn',
  });
  await bundle.write({ dir: out, format: 'esm' });
  await bundle.close();
  if (!existsSync(join(out, 'medcom-ig.js'))) throw new Error(`rolldown wrote no ${join(out, 'medcom-ig.js')}`);
  // the stamp last: it says the folder is complete and which compiled CLI it was made from
  writeFileSync(join(out, 'stamp.json'), JSON.stringify({ source }) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`medcom-ig: bundling the CLI failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
