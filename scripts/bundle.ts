/**
 * `npm run compile`, after tsc: the CLI as one bundled module graph in dist/src/bundle/ (rolldown), so that a
 * `medcom-ig validate` run loads a handful of chunks instead of resolving and compiling ≈ 75 modules one by one
 * (docs/bench.md, cold start). bin/medcom-ig.js runs `validate` from it when its stamp matches the compiled CLI;
 * every other command, a debug run (MEDCOM_IG_DEBUG: stack traces through source maps) and a bundle older than
 * the last tsc run use dist/cli as before.
 *
 * The bundle is CommonJS (`*.cjs`) so that it can run with V8's code cache (src/util/script-cache.ts; Node 20 has
 * none for ES modules): after writing the chunks this script runs the bundled CLI once on the bundled examples of
 * every standard with the cache writer on (TRAINING), which leaves `<chunk>.cache` — the bytecode of every function that run
 * compiled — beside each chunk it loaded. commander (the one package a validate run loads) is bundled in; other
 * packages stay `require`s and `import()`s.
 *
 * The chunks sit two folders below dist/ like the modules they come from (dist/src/<folder>/), so the paths the
 * code derives from import.meta.url (here `__filename`: dist/ig, dist/r4, dist/profiles, the worker script in
 * dist/src/api, the packages createRequire finds) are the same.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(dist, 'src', 'bundle');
const entry = join(dist, 'cli', 'medcom-ig.js');
const repo = join(dist, '..');

/**
 * The runs that fill the code cache, one after another (each starts from the cache the one before wrote, so the
 * last holds what all of them compiled): a valid and an invalid bundle of each standard, JSON and XML, the
 * standard detected and named, the text and the json report.
 */
const TRAINING: readonly (readonly string[])[] = [
  [
    '--format',
    'json',
    'examples/hco/valid/new-message-quantity.xml',
    'examples/hco/invalid',
    'examples/notes/invalid',
    'examples/conditionlist/invalid',
  ],
  ['--ig', 'hco', 'examples/hco/valid/new-message-quantity.json', 'examples/hco/1.2.1/valid'],
  ['--ig', 'notes', 'examples/notes/valid/encounter-note-organization.json'],
  ['--ig', 'conditionlist', 'examples/conditionlist/valid/minimal-one-condition.json'],
];

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
    // the launcher requires script-cache.cjs to run the bundle (bin/medcom-ig.js is CommonJS)
    input: { 'medcom-ig': entry, 'script-cache': join(dist, 'src', 'util', 'script-cache.js') },
    // packages stay imports (commander, which every run loads, aside); our own modules (relative paths) are bundled
    external: (id) =>
      !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && id !== 'commander' && !id.startsWith('commander/'),
    platform: 'node',
    logLevel: 'warn',
  });
  // import() of a package or node: module becomes require(): a vm.Script (the code cache) has no import() of its own
  await bundle.write({
    dir: out,
    format: 'cjs',
    entryFileNames: '[name].cjs',
    chunkFileNames: '[name]-[hash].cjs',
    dynamicImportInCjs: false,
  });
  await bundle.close();
  const main = join(out, 'medcom-ig.cjs');
  if (!existsSync(main)) throw new Error(`rolldown wrote no ${main}`);
  // the stamp: which compiled CLI the bundle was made from (bin/medcom-ig.js runs validate from it when it matches)
  writeFileSync(join(out, 'stamp.json'), JSON.stringify({ source }) + '\n');
  // the code cache: runs of the bundled CLI over the examples (after the prebuilt definitions are written, so that
  // they take the path a user's run takes), each writing every loaded chunk's cache on exit
  for (const args of TRAINING) {
    const trained = spawnSync(process.execPath, [join(repo, 'bin', 'medcom-ig.js'), 'validate', ...args], {
      cwd: repo,
      env: { ...process.env, MEDCOM_IG_DEBUG: '', MEDCOM_IG_WRITE_CODE_CACHE: '1' },
      encoding: 'utf8',
    });
    if (trained.status !== 0 && trained.status !== 1) {
      rmSync(out, { recursive: true, force: true });
      throw new Error(`the code-cache run \`validate ${args.join(' ')}\` failed (exit ${trained.status}): ${trained.stderr}`);
    }
  }
  if (!readdirSync(out).some((f) => f.endsWith('.cache'))) {
    rmSync(out, { recursive: true, force: true });
    throw new Error('the code-cache runs wrote no cache');
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`medcom-ig: bundling the CLI failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
