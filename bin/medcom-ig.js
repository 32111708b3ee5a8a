#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm ci` (the `prepare` script) or `npm run compile`.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const main = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'medcom-ig.js');
if (!existsSync(main)) {
  process.stderr.write('medcom-ig: not compiled yet (dist/cli/medcom-ig.js is missing); run `npm run compile`\n');
  process.exit(2);
}
await import(pathToFileURL(main).href);
