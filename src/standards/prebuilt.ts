import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPackages, packageFromIndex, type IndexEntry } from '../defs/load-package.js';
import type { PackageManifest } from '../defs/package-source.js';
import type { Definitions } from '../defs/registry.js';
import type { FhirResource } from '../defs/resource.js';
import { DEFINITION_TYPES, slimDefinition } from '../defs/slim.js';
import { describeFsError, isCompleteFolder, writeFileAtomic } from '../util/fs-safe.js';
import { ucumLibrary, validUcumCodes } from '../validator/terminology/ucum.js';

/**
 * The IG packages compiled at install time (`npm run compile` writes them to dist/ig), so that
 * `validate` starts without compiling the profiles. Used only when built from the compiled profile
 * modules as they are now (a hash of their code); otherwise the caller compiles in memory.
 */
const here = dirname(fileURLToPath(import.meta.url));
export const PREBUILT_DIR = join(here, '..', '..', 'ig');
const PROFILES_DIR = join(here, '..', '..', 'profiles');
const STAMP = 'prebuilt.json';

/** A package folder of dist/ig as the stamp records it: its package.json and the definitions of its `.index.json`. */
interface StampedPackage {
  folder: string;
  manifest: PackageManifest;
  files: IndexEntry[];
}

/**
 * `dist/ig/prebuilt.json`, written last by stampPrebuilt: the fingerprint of the compiled profile modules the
 * packages were built from, and (so that a start reads one file instead of two per package) every package folder.
 */
interface Stamp {
  profiles?: string;
  /** The content digest of the same modules (profilesDigest), for an installed copy whose modification times differ. */
  profilesDigest?: string;
  packages?: StampedPackage[];
}
/** The base R4 definitions one file per resource (compact flavour), written at install time. */
export const R4_DIST_DIR = join(here, '..', '..', 'r4');

/** dist/r4 when it was written completely (the completion marker; an older write put package.json last). */
export function r4PackageDir(): string | undefined {
  return existsSync(join(R4_DIST_DIR, '.index.json')) && (isCompleteFolder(R4_DIST_DIR) || existsSync(join(R4_DIST_DIR, 'package.json')))
    ? R4_DIST_DIR
    : undefined;
}

/** The compiled profile modules (*.js below `dir`) in name order: relative path, full path and their stat. */
function profileModules(dir: string): { rel: string; path: string; size: number; mtimeMs: number }[] {
  const out: { rel: string; path: string; size: number; mtimeMs: number }[] = [];
  const visit = (d: string, rel: string): void => {
    for (const f of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = `${d}/${f.name}`;
      if (f.isDirectory()) visit(p, `${rel}${f.name}/`);
      else if (f.name.endsWith('.js')) {
        const st = statSync(p);
        out.push({ rel: `${rel}${f.name}`, path: p, size: st.size, mtimeMs: st.mtimeMs });
      }
    }
  };
  if (existsSync(dir)) visit(dir, '');
  return out;
}

/**
 * A fingerprint of the compiled profile modules (*.js below `dir`: relative path, size and
 * modification time of each, in name order). Stat only, no reading: it runs at every start. `npm run
 * compile` rewrites the modules and the prebuilt packages together; a module compiled since (tsc
 * alone), added or removed changes it. Kept as it is in the stamp (a few KB) and compared whole:
 * no hash to compute, so a start does not initialise a hash function for it.
 */
function profilesFingerprint(dir: string): string {
  return profileModules(dir)
    .map((m) => `${m.rel}\0${m.size}\0${m.mtimeMs}\n`)
    .join('');
}

/** A fingerprint without the modification times: relative path and size of each module. */
const withoutTimes = (fingerprint: string): string => fingerprint.replace(/\0[^\0\n]*\n/g, '\n');

/**
 * A digest of the compiled profile modules' content (SHA-256 over relative path and bytes of each, in name order).
 * An installed package (`npm pack`, then `npm install`) has other modification times than the build that stamped it —
 * npm sets one fixed time on every file it packs —, so the stat fingerprint differs there although nothing was
 * recompiled: with the same paths and sizes, the same content says the prebuilt packages are current. Read only then.
 */
function profilesDigest(dir: string): string {
  const { createHash } = process.getBuiltinModule('node:crypto');
  const hash = createHash('sha256');
  for (const m of profileModules(dir)) hash.update(`${m.rel}\0`).update(readFileSync(m.path)).update('\0');
  return hash.digest('hex');
}

/**
 * Record that dist/ig matches the compiled profiles (called after `medcom-ig build --out dist/ig`).
 * The definitions there are rewritten as the validator reads them — without narratives, texts and
 * mappings (src/defs/slim.ts), compact — so a cold start parses a fraction of the JSON. dist/ig is
 * the validator's copy; `medcom-ig build` output elsewhere stays complete.
 */
export function stampPrebuilt(dir = PREBUILT_DIR): void {
  const packages: StampedPackage[] = [];
  const ucum = new Set<string>();
  for (const f of readdirSync(dir).sort()) {
    const pkgDir = join(dir, f, 'package');
    if (!f.includes('#') || !isCompleteFolder(join(dir, f)) || !existsSync(join(pkgDir, '.index.json'))) continue;
    const index = JSON.parse(readFileSync(join(pkgDir, '.index.json'), 'utf8')) as { files?: IndexEntry[] };
    const files: IndexEntry[] = [];
    for (const e of index.files ?? []) {
      if (typeof e.filename !== 'string' || typeof e.resourceType !== 'string' || !DEFINITION_TYPES.has(e.resourceType)) continue;
      files.push({
        filename: e.filename,
        resourceType: e.resourceType,
        url: e.url,
        version: e.version,
      });
      const file = join(pkgDir, e.filename);
      const slim = slimDefinition(JSON.parse(readFileSync(file, 'utf8')) as FhirResource);
      collectUcumCodes(slim, ucum);
      // each file replaced whole (a kill leaves it slim or full, both complete)
      writeFileAtomic(file, JSON.stringify(slim));
    }
    packages.push({
      folder: f,
      manifest: JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as PackageManifest,
      files,
    });
  }
  writeUcumTable(dir, ucum);
  // the stamp last: it says the whole folder is current
  const stamp: Stamp = {
    profiles: profilesFingerprint(PROFILES_DIR),
    profilesDigest: profilesDigest(PROFILES_DIR),
    packages,
  };
  writeFileAtomic(join(dir, STAMP), JSON.stringify(stamp) + '\n');
}

const UCUM_SYSTEM = 'http://unitsofmeasure.org';
const UCUM_TABLE = 'ucum-units.json';

/** The UCUM codes `v` names: Codings/Quantities with the UCUM system, and the concepts of a UCUM include of a ValueSet. */
function collectUcumCodes(v: unknown, into: Set<string>): void {
  if (Array.isArray(v)) {
    for (const x of v) collectUcumCodes(x, into);
    return;
  }
  if (typeof v !== 'object' || v === null) return;
  const o = v as Record<string, unknown>;
  if (o['system'] === UCUM_SYSTEM) {
    if (typeof o['code'] === 'string') into.add(o['code']);
    if (Array.isArray(o['concept']))
      for (const c of o['concept'] as unknown[]) {
        const code = (c as { code?: unknown } | null)?.code;
        if (typeof code === 'string') into.add(code);
      }
  }
  for (const x of Object.values(o)) if (typeof x === 'object' && x !== null) collectUcumCodes(x, into);
}

/**
 * `dist/ig/ucum-units.json`: the UCUM units the installed ucum-lhc decides valid among those of the base R4
 * ValueSet ucum-common (dist/r4) and those our packages name, with the library version that decided them.
 * A cold start answers these without loading the library (src/validator/terminology/ucum.ts).
 */
function writeUcumTable(dir: string, codes: Set<string>): void {
  const library = ucumLibrary();
  if (library === undefined) return;
  const common = join(R4_DIST_DIR, 'ValueSet-ucum-common.json');
  if (existsSync(common)) collectUcumCodes(JSON.parse(readFileSync(common, 'utf8')), codes);
  writeFileAtomic(join(dir, UCUM_TABLE), JSON.stringify({ library, units: validUcumCodes(codes) }) + '\n');
}

/**
 * The UCUM units decided valid at install time (writeUcumTable), when `dir` holds a table made by the
 * installed library version; undefined otherwise (every unit then goes to the library).
 */
export function prebuiltUcumUnits(dir = PREBUILT_DIR): ReadonlySet<string> | undefined {
  let table: { library?: { file?: unknown; version?: unknown }; units?: unknown };
  try {
    table = JSON.parse(readFileSync(join(dir, UCUM_TABLE), 'utf8')) as typeof table;
  } catch {
    return undefined;
  }
  const file = table.library?.file;
  if (typeof file !== 'string' || ucumLibrary(file)?.version !== table.library?.version || !Array.isArray(table.units)) return undefined;
  return new Set(table.units.filter((u): u is string => typeof u === 'string'));
}

/** Remove the stamp before dist/ig is rewritten (`build --prebuilt`): a build killed half-way is then not taken as current. */
export function unstampPrebuilt(dir = PREBUILT_DIR): void {
  try {
    rmSync(join(dir, STAMP), { force: true });
  } catch (e) {
    throw describeFsError(join(dir, STAMP), e, 'write');
  }
}

/** Whether the stamp was made from the compiled profile modules as they are: the same stat fingerprint, or the same content. */
function profilesMatch(stamp: Stamp): boolean {
  const now = profilesFingerprint(PROFILES_DIR);
  if (stamp.profiles === now) return true;
  return (
    stamp.profiles !== undefined &&
    stamp.profilesDigest !== undefined &&
    withoutTimes(stamp.profiles) === withoutTimes(now) &&
    profilesDigest(PROFILES_DIR) === stamp.profilesDigest
  );
}

/** Why the prebuilt packages in `dir` cannot be used, or undefined when they are current and complete. */
export function prebuiltProblem(dir = PREBUILT_DIR): string | undefined {
  const checked = checkPrebuilt(dir);
  return 'problem' in checked ? checked.problem : undefined;
}

/** The stamp of the prebuilt packages in `dir` and the package folders there, or why they cannot be used. */
function checkPrebuilt(dir: string): { problem: string } | { stamp: Stamp; folders: string[] } {
  const stampFile = join(dir, STAMP);
  if (!existsSync(stampFile) || !existsSync(PROFILES_DIR)) return { problem: `${dir} has no prebuilt packages` };
  let stamp: Stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as Stamp;
  } catch {
    return { problem: `${stampFile} is not readable` };
  }
  if (!profilesMatch(stamp)) return { problem: `${dir} is older than the compiled profiles` };
  const folders = readdirSync(dir)
    .filter((f) => f.includes('#'))
    .sort();
  const incomplete = folders.filter((f) => !isCompleteFolder(join(dir, f)));
  if (incomplete.length > 0)
    return {
      problem: `${dir} holds package folders not written completely (${incomplete.join(', ')})`,
    };
  return { stamp, folders };
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
  const checked = checkPrebuilt(dir);
  if ('problem' in checked) {
    onStale?.(`${checked.problem}; compiling them in memory (run \`npm run compile\` to refresh it)`);
    return false;
  }
  const { stamp, folders } = checked;
  // the stamp carries each package's package.json and index, when it names exactly the folders there are
  const stamped = stamp.packages;
  if (stamped && stamped.length === folders.length && stamped.every((p, i) => p.folder === folders[i])) {
    for (const p of stamped) defs.addPackage(packageFromIndex(join(dir, p.folder, 'package'), p.manifest, p.files));
    return true;
  }
  for (const f of folders) {
    for (const pkg of await loadPackages(join(dir, f), {
      definitionsOnly: true,
      trustIndex: true,
    }))
      defs.addPackage(pkg);
  }
  return true;
}
