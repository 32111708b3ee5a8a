/**
 * The site's input: our compiled packages, complete (with descriptions, definitions and examples),
 * and a `Definitions` over them for canonical resolution and local ValueSet expansion.
 *
 * Where they come from, in order:
 * - `from`: a `medcom-ig build --out` folder (`<id>#<version>/package.tgz` or `<id>#<version>/package/`);
 * - the prebuilt packages `npm run compile` writes to dist/ig, when they match the compiled profiles:
 *   their `package.tgz` (the package folders there are slimmed for the validator, the archives are not);
 * - otherwise the profiles are compiled in memory (slower: seconds).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { list } from 'tar';
import { UsageError } from '../util/errors.js';
import { parseJsonFile } from '../util/json-file.js';
import { isCompleteFolder, readTextSafe } from '../util/fs-safe.js';
import { PREBUILT_DIR, prebuiltCurrent, r4PackageDir } from '../standards/prebuilt.js';
import { BaseR4Source } from '../defs/base-r4.js';
import { PackageSource, compareVersions, type PackageManifest } from '../defs/package-source.js';
import { Definitions } from '../defs/registry.js';
import { isResource, type FhirResource } from '../defs/resource.js';

export interface SitePackage {
  id: string;
  version: string;
  manifest: PackageManifest;
  /** Everything in `package/` except the ImplementationGuide resource, sorted by type and id. */
  resources: FhirResource[];
  /** `package/example/*`, sorted by type and id. */
  examples: FhirResource[];
}

export interface SiteInput {
  packages: SitePackage[];
  definitions: Definitions;
  /** Where the packages were read from (for the CLI's message). */
  origin: string;
}

function byTypeAndId(a: FhirResource, b: FhirResource): number {
  const ka = `${a.resourceType}/${a.id ?? ''}`;
  const kb = `${b.resourceType}/${b.id ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Collect a package from its files (path inside `package/` → text). */
function fromFiles(files: Map<string, string>, where: string): SitePackage {
  const manifestText = files.get('package.json');
  if (manifestText === undefined) throw new UsageError(`${where}: no package/package.json`);
  const manifest = parseJsonFile(`${where}/package.json`, manifestText) as PackageManifest;
  if (typeof manifest.name !== 'string' || typeof manifest.version !== 'string')
    throw new UsageError(`${where}/package.json: name and version are required`);
  const resources: FhirResource[] = [];
  const examples: FhirResource[] = [];
  for (const [name, text] of files) {
    if (!name.endsWith('.json') || name === 'package.json' || name.split('/').pop()!.startsWith('.')) continue;
    const inExample = name.startsWith('example/') || name.startsWith('examples/');
    if (name.includes('/') && !inExample) continue;
    const r = parseJsonFile(`${where}/${name}`, text);
    if (!isResource(r) || r.resourceType === 'ImplementationGuide') continue;
    (inExample ? examples : resources).push(r);
  }
  resources.sort(byTypeAndId);
  examples.sort(byTypeAndId);
  return { id: manifest.name, version: manifest.version, manifest, resources, examples };
}

async function readTgz(file: string): Promise<SitePackage> {
  const files = new Map<string, string>();
  try {
    await list({
      file,
      onReadEntry: (entry) => {
        const path = entry.path.replace(/^package\//, '');
        if (entry.type !== 'File' || !path.endsWith('.json')) {
          entry.resume();
          return;
        }
        const chunks: Buffer[] = [];
        entry.on('data', (c: Buffer) => chunks.push(c));
        entry.on('end', () => files.set(path, Buffer.concat(chunks).toString('utf8')));
      },
    });
  } catch (e) {
    throw new UsageError(`${file}: not a readable package archive (${(e as Error).message})`);
  }
  return fromFiles(files, file);
}

/** A package folder's JSON files (and those of its examples folder), each read safely: regular, size-capped, inside `dir`. */
function readFolder(dir: string): SitePackage {
  const files = new Map<string, string>();
  const visit = (d: string, rel: string): void => {
    for (const f of readdirSync(d, { withFileTypes: true })) {
      if (f.isDirectory()) {
        if (rel === '' && (f.name === 'example' || f.name === 'examples')) visit(join(d, f.name), `${f.name}/`);
      } else if (f.name.endsWith('.json')) files.set(`${rel}${f.name}`, readTextSafe(join(d, f.name), { root: dir }));
    }
  };
  visit(dir, '');
  return fromFiles(files, dir);
}

/**
 * Read a build output folder: one `<id>#<version>` folder per package (archive preferred). A package
 * folder without the completion marker (a build killed mid-write, or one by an older version) is a
 * usage error naming it: its files may be a part of the package.
 */
export async function readBuildFolder(dir: string): Promise<SitePackage[]> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir}: not a folder`);
  const out: SitePackage[] = [];
  for (const f of readdirSync(dir).sort()) {
    if (!f.includes('#') || f.startsWith('.')) continue;
    if (!isCompleteFolder(join(dir, f))) {
      throw new UsageError(
        `${join(dir, f)}: the package folder was not written completely (no completion marker: a build stopped mid-write, or one by an older medcom-ig); run medcom-ig build --out ${dir} again`,
      );
    }
    const tgz = join(dir, f, 'package.tgz');
    const folder = join(dir, f, 'package');
    if (existsSync(tgz)) out.push(await readTgz(tgz));
    else if (existsSync(join(folder, 'package.json'))) out.push(readFolder(folder));
  }
  if (out.length === 0)
    throw new UsageError(
      `${dir}: no packages (expected <id>#<version>/package.tgz or <id>#<version>/package/ as medcom-ig build writes them)`,
    );
  return out;
}

export interface LoadSiteOptions {
  /** A `medcom-ig build --out` folder; default: the prebuilt packages, else compile in memory. */
  from?: string;
  /** Where the prebuilt packages are (tests); default dist/ig. */
  prebuiltDir?: string;
}

function sortPackages(list: SitePackage[]): SitePackage[] {
  return [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : compareVersions(a.version, b.version)));
}

function definitionsOver(packages: SitePackage[]): Definitions {
  const packageDir = r4PackageDir();
  const defs = new Definitions(new BaseR4Source({ flavor: 'min', ...(packageDir ? { packageDir } : {}) }));
  for (const p of packages) {
    const src = new PackageSource(p.manifest);
    for (const r of p.resources) src.add(r);
    defs.addPackage(src);
  }
  return defs;
}

export async function loadSiteInput(options: LoadSiteOptions = {}): Promise<SiteInput> {
  if (options.from !== undefined) {
    const packages = sortPackages(await readBuildFolder(options.from));
    return { packages, definitions: definitionsOver(packages), origin: options.from };
  }
  const prebuilt = options.prebuiltDir ?? PREBUILT_DIR;
  if (prebuiltCurrent(prebuilt)) {
    const packages = sortPackages(await readBuildFolder(prebuilt));
    return { packages, definitions: definitionsOver(packages), origin: prebuilt };
  }
  const [{ buildIg }, { igPackages }] = await Promise.all([import('../package/build.js'), import('../standards/packages.js')]);
  const result = await buildIg({ packages: await igPackages() });
  if (result.diagnostics.hasErrors)
    throw new UsageError(`the profiles do not compile (${result.diagnostics.errors.length} error(s)); run medcom-ig build to see them`);
  const packages = sortPackages(
    result.packages.map((c) => ({
      id: c.manifest.name,
      version: c.manifest.version,
      manifest: c.manifest,
      resources: [...c.resources].sort(byTypeAndId),
      examples: [...c.examples].sort(byTypeAndId),
    })),
  );
  return { packages, definitions: result.definitions, origin: 'compiled in memory' };
}
