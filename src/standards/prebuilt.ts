import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPackages } from '../defs/load-package.js';
import type { Definitions } from '../defs/registry.js';
import type { FhirResource } from '../defs/resource.js';
import { DEFINITION_TYPES, slimDefinition } from '../defs/slim.js';
import { describeFsError, isCompleteFolder, writeFileAtomic } from '../util/fs-safe.js';

/**
 * The IG packages compiled at install time (`npm run compile` writes them to dist/ig), so that
 * `validate` starts without compiling the profiles. Used only when built from the compiled profile
 * modules as they are now (a hash of their code); otherwise the caller compiles in memory.
 */
const here = dirname(fileURLToPath(import.meta.url));
export const PREBUILT_DIR = join(here, '..', '..', 'ig');
const PROFILES_DIR = join(here, '..', '..', 'profiles');
const STAMP = 'prebuilt.json';
/** The base R4 definitions one file per resource (compact flavour), written at install time. */
export const R4_DIST_DIR = join(here, '..', '..', 'r4');

/** dist/r4 when it was written completely (the completion marker; an older write put package.json last). */
export function r4PackageDir(): string | undefined {
  return existsSync(join(R4_DIST_DIR, '.index.json')) && (isCompleteFolder(R4_DIST_DIR) || existsSync(join(R4_DIST_DIR, 'package.json')))
    ? R4_DIST_DIR
    : undefined;
}

/**
 * A fingerprint of the compiled profile modules (*.js below `dir`: relative path, size and
 * modification time of each, in name order). Stat only, no reading: it runs at every start. `npm run
 * compile` rewrites the modules and the prebuilt packages together; a module compiled since (tsc
 * alone), added or removed changes it. Kept as it is in the stamp (a few KB) and compared whole:
 * no hash to compute, so a start does not initialise a hash function for it.
 */
function profilesFingerprint(dir: string): string {
  let out = '';
  const visit = (d: string, rel: string): void => {
    for (const f of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = `${d}/${f.name}`;
      if (f.isDirectory()) visit(p, `${rel}${f.name}/`);
      else if (f.name.endsWith('.js')) {
        const st = statSync(p);
        out += `${rel}${f.name}\0${st.size}\0${st.mtimeMs}\n`;
      }
    }
  };
  if (existsSync(dir)) visit(dir, '');
  return out;
}

/**
 * Record that dist/ig matches the compiled profiles (called after `medcom-ig build --out dist/ig`).
 * The definitions there are rewritten as the validator reads them — without narratives, texts and
 * mappings (src/defs/slim.ts), compact — so a cold start parses a fraction of the JSON. dist/ig is
 * the validator's copy; `medcom-ig build` output elsewhere stays complete.
 */
export function stampPrebuilt(dir = PREBUILT_DIR): void {
  for (const f of readdirSync(dir)) {
    const pkgDir = join(dir, f, 'package');
    if (!f.includes('#') || !isCompleteFolder(join(dir, f)) || !existsSync(join(pkgDir, '.index.json'))) continue;
    const index = JSON.parse(readFileSync(join(pkgDir, '.index.json'), 'utf8')) as {
      files?: { filename?: unknown; resourceType?: unknown }[];
    };
    for (const e of index.files ?? []) {
      if (typeof e.filename !== 'string' || typeof e.resourceType !== 'string' || !DEFINITION_TYPES.has(e.resourceType)) continue;
      const file = join(pkgDir, e.filename);
      // each file replaced whole (a kill leaves it slim or full, both complete)
      writeFileAtomic(file, JSON.stringify(slimDefinition(JSON.parse(readFileSync(file, 'utf8')) as FhirResource)));
    }
  }
  // the stamp last: it says the whole folder is current
  writeFileAtomic(join(dir, STAMP), JSON.stringify({ profiles: profilesFingerprint(PROFILES_DIR) }) + '\n');
}

/** Remove the stamp before dist/ig is rewritten (`build --prebuilt`): a build killed half-way is then not taken as current. */
export function unstampPrebuilt(dir = PREBUILT_DIR): void {
  try {
    rmSync(join(dir, STAMP), { force: true });
  } catch (e) {
    throw describeFsError(join(dir, STAMP), e, 'write');
  }
}

/** Why the prebuilt packages in `dir` cannot be used, or undefined when they are current and complete. */
export function prebuiltProblem(dir = PREBUILT_DIR): string | undefined {
  const stampFile = join(dir, STAMP);
  if (!existsSync(stampFile) || !existsSync(PROFILES_DIR)) return `${dir} has no prebuilt packages`;
  let stamp: { profiles?: string };
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { profiles?: string };
  } catch {
    return `${stampFile} is not readable`;
  }
  if (stamp.profiles !== profilesFingerprint(PROFILES_DIR)) return `${dir} is older than the compiled profiles`;
  const incomplete = readdirSync(dir)
    .filter((f) => f.includes('#') && !isCompleteFolder(join(dir, f)))
    .sort();
  if (incomplete.length > 0) return `${dir} holds package folders not written completely (${incomplete.join(', ')})`;
  return undefined;
}

/** Whether `dir` holds prebuilt packages made from the compiled profile modules as they are now. */
export function prebuiltCurrent(dir = PREBUILT_DIR): boolean {
  return prebuiltProblem(dir) === undefined;
}

/**
 * Add the prebuilt packages to `defs`; false when there are none or they are stale. `onStale`
 * hears of stale ones (e.g. `tsc` alone rewrote dist/profiles: correct, but every start then
 * compiles in memory, which takes seconds); the library itself prints nothing.
 */
export async function loadPrebuilt(defs: Definitions, dir = PREBUILT_DIR, onStale?: (message: string) => void): Promise<boolean> {
  if (!existsSync(join(dir, STAMP))) return false;
  const problem = prebuiltProblem(dir);
  if (problem !== undefined) {
    onStale?.(`${problem}; compiling them in memory (run \`npm run compile\` to refresh it)`);
    return false;
  }
  for (const f of readdirSync(dir).sort()) {
    if (!f.includes('#')) continue;
    for (const pkg of await loadPackages(join(dir, f), { definitionsOnly: true, trustIndex: true })) defs.addPackage(pkg);
  }
  return true;
}
