#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm ci` (the `prepare` script) or `npm run compile`.
// CommonJS (bin/package.json), so that a bundled `validate` never starts Node's ES module loader (docs/bench.md).
'use strict';
const { existsSync, readFileSync, statSync } = require('node:fs');
const { pathToFileURL } = require('node:url');
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist');
const main = join(dist, 'cli', 'medcom-ig.js');
if (!existsSync(main)) {
  process.stderr.write('medcom-ig: not compiled yet (dist/cli/medcom-ig.js is missing); run `npm run compile`\n');
  process.exit(2);
}

/**
 * `validate` runs from the bundled CLI (scripts/bundle.ts: a few CommonJS chunks instead of ≈ 75 modules, with
 * V8's code cache — src/util/script-cache.ts; a cold start is what a one-bundle run costs) when it was made from
 * the compiled CLI as it is now: its stamp names the size and modification time of dist/cli/medcom-ig.js, which
 * every tsc run rewrites (or, in a copy installed from `npm pack`, where npm gave every file one fixed time, its
 * size and SHA-256). Anything else — another command, a debug run (stack traces through source maps), a missing
 * or older bundle — runs dist/cli.
 */
function bundled() {
  if (process.argv[2] !== 'validate' || process.env['MEDCOM_IG_DEBUG']) return undefined;
  const dir = join(dist, 'src', 'bundle');
  try {
    const stamp = JSON.parse(readFileSync(join(dir, 'stamp.json'), 'utf8'));
    const st = statSync(main);
    const bundle = join(dir, 'medcom-ig.cjs');
    if (stamp?.source?.size !== st.size || !existsSync(join(dir, 'script-cache.cjs'))) return undefined;
    if (stamp.source.mtimeMs === st.mtimeMs) return bundle;
    // an installed copy (npm pack sets one fixed time on every file): the same content is the same CLI
    if (typeof stamp.source.sha256 !== 'string') return undefined;
    const { createHash } = require('node:crypto');
    return createHash('sha256').update(readFileSync(main)).digest('hex') === stamp.source.sha256 ? bundle : undefined;
  } catch {
    return undefined;
  }
}

const bundle = bundled();
if (bundle) {
  const { runCachedScript } = require(join(dist, 'src', 'bundle', 'script-cache.cjs'));
  runCachedScript(bundle, { writeCache: process.env['MEDCOM_IG_WRITE_CODE_CACHE'] === '1' });
} else {
  import(pathToFileURL(main).href).catch((e) => {
    process.stderr.write(`medcom-ig: cannot start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  });
}
