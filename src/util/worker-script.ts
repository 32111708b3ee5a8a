/**
 * Where a worker thread's compiled script is: a worker runs JavaScript, so when the toolkit runs
 * from its TypeScript sources (tests) the script is taken from the compiled copy in dist/.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `src/<folder>/<name>` compiled: beside the running code in dist/, or dist/ when running from sources. */
export function compiledScript(folder: string, name: string): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url)); // src/util or dist/src/util
  for (const candidate of [join(here, '..', folder, name), join(here, '..', '..', 'dist', 'src', folder, name)]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
