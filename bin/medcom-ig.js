#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm ci` (the `prepare` script) or `npm run compile`.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const main = join(dist, 'cli', 'medcom-ig.js');
if (!existsSync(main)) {
  process.stderr.write('medcom-ig: not compiled yet (dist/cli/medcom-ig.js is missing); run `npm run compile`\n');
  process.exit(2);
}

/**
 * `validate` runs from the bundled CLI (scripts/bundle.ts: a few chunks instead of ≈ 75 modules; a cold start is
 * what a one-bundle run costs) when it was made from the compiled CLI as it is now: its stamp names the size and
 * modification time of dist/cli/medcom-ig.js, which every tsc run rewrites (or, in a copy installed from `npm pack`,
 * where npm gave every file one fixed time, its size and SHA-256). Anything else — another command, a
 * debug run (stack traces through source maps), a missing or older bundle — runs dist/cli.
 */
function bundled() {
  if (process.argv[2] !== 'validate' || process.env['MEDCOM_IG_DEBUG']) return undefined;
  const dir = join(dist, 'src', 'bundle');
  try {
    const stamp = JSON.parse(readFileSync(join(dir, 'stamp.json'), 'utf8'));
    const st = statSync(main);
    if (stamp?.source?.size !== st.size) return undefined;
    if (stamp.source.mtimeMs === st.mtimeMs) return join(dir, 'medcom-ig.js');
    // an installed copy (npm pack sets one fixed time on every file): the same content is the same CLI
    if (typeof stamp.source.sha256 !== 'string') return undefined;
    const { createHash } = process.getBuiltinModule('node:crypto');
    return createHash('sha256').update(readFileSync(main)).digest('hex') === stamp.source.sha256 ? join(dir, 'medcom-ig.js') : undefined;
  } catch {
    return undefined;
  }
}

await import(pathToFileURL(bundled() ?? main).href);
