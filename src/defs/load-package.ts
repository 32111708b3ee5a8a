import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PackageSource, type PackageManifest } from './package-source.js';
import type { FhirResource } from './resource.js';
import { DEFINITION_TYPES, slimDefinition } from './slim.js';
import { topLevelStrings } from '../util/json-scan.js';

/** A definitions input the user named that could not be read. Carries the path and the reason. */
export class PackageLoadError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`${path}: ${reason}`);
    this.name = 'PackageLoadError';
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new PackageLoadError(file, `not valid JSON (${(e as Error).message})`);
  }
}

function isResource(x: unknown): x is FhirResource {
  return typeof x === 'object' && x !== null && typeof (x as FhirResource).resourceType === 'string';
}

export interface LoadOptions {
  /**
   * Only what validation reads: StructureDefinitions, ValueSets, CodeSystems and NamingSystems,
   * without their documentation (src/defs/slim.ts). Folders named `example` or `examples` are not
   * read; other files that are not definitions are skipped unparsed where the resourceType leads.
   */
  definitionsOnly?: boolean;
  /**
   * With definitionsOnly: take each definition's resourceType, url and version from the package's
   * `.index.json` instead of the file's first kilobytes — for packages we wrote ourselves (the
   * prebuilt ones), whose index is known to match. Files are still read only when asked for.
   */
  trustIndex?: boolean;
}

/** Folders that hold examples by the FHIR package convention (`package/example`): not read for definitions. */
const EXAMPLE_FOLDERS = new Set(['example', 'examples']);

const LEADING_TYPE = /^\uFEFF?\s*\{\s*"resourceType"\s*:\s*"([A-Za-z]+)"/;

/**
 * Add one resource file to `source`, as the options want it. With definitionsOnly a definition is
 * indexed from its top-level resourceType, url and version and read (again, from the file) only
 * when something asks for it: a validation run touches a few dozen of the hundreds of definitions
 * an official package folder holds. Other files are skipped; unreadable ones too, unless `strict`.
 */
function addResourceFile(source: PackageSource, file: string, options: LoadOptions, strict: boolean): void {
  if (options.definitionsOnly) {
    // a definition's resourceType, url and version usually come within its first kilobytes
    const start = head(file, 16384);
    const lead = LEADING_TYPE.exec(start);
    if (lead && !DEFINITION_TYPES.has(lead[1]!)) return;
    if (lead && addLazyDefinition(source, file, start)) return;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (strict) throw new PackageLoadError(file, (e as Error).message);
    return;
  }
  if (options.definitionsOnly && addLazyDefinition(source, file, text)) return;
  const r = parseResource(file, text, strict);
  const kept = r ? keep(r, options) : undefined;
  if (kept) source.add(kept, file);
}

/**
 * Index a definition from the start of its text (or all of it) when its top-level resourceType,
 * url and version are there: true when done (added, or skipped as not a definition).
 */
function addLazyDefinition(source: PackageSource, file: string, text: string): boolean {
  const top = topLevelStrings(text, ['resourceType', 'url', 'version']);
  const resourceType = top?.get('resourceType');
  if (!top || resourceType === undefined) return false;
  if (!DEFINITION_TYPES.has(resourceType)) return true;
  const url = top.get('url');
  const version = top.get('version');
  source.addLazy({ resourceType, ...(url !== undefined ? { url } : {}), ...(version !== undefined ? { version } : {}) }, () => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new PackageLoadError(file, `could not be read again (${(e as Error).message})`);
    }
    const r = parseResource(file, text, true);
    if (!r) throw new PackageLoadError(file, 'no longer a FHIR resource');
    return slimDefinition(r);
  }, file);
  return true;
}

/** Index the definitions `.index.json` lists (false when there is no usable index). */
function addFromIndex(source: PackageSource, pkgDir: string): boolean {
  const indexFile = join(pkgDir, '.index.json');
  if (!existsSync(indexFile)) return false;
  const index = readJson(indexFile) as { files?: { filename?: unknown; resourceType?: unknown; url?: unknown; version?: unknown }[] };
  if (!Array.isArray(index.files)) return false;
  for (const e of index.files) {
    if (typeof e.filename !== 'string' || typeof e.resourceType !== 'string' || !DEFINITION_TYPES.has(e.resourceType)) continue;
    const file = join(pkgDir, e.filename);
    source.addLazy({
      resourceType: e.resourceType,
      ...(typeof e.url === 'string' ? { url: e.url } : {}),
      ...(typeof e.version === 'string' ? { version: e.version } : {}),
    }, () => {
      const r = parseResource(file, readFileSync(file, 'utf8'), true);
      if (!r) throw new PackageLoadError(file, 'not a FHIR resource');
      return slimDefinition(r);
    }, file);
  }
  return true;
}

/** The first `bytes` of a file as text ('' when it cannot be read). */
function head(file: string, bytes: number): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function parseResource(file: string, text: string, strict: boolean): FhirResource | undefined {
  let r: unknown;
  try {
    r = JSON.parse(text);
  } catch (e) {
    if (strict) throw new PackageLoadError(file, `not valid JSON (${(e as Error).message})`);
    return undefined;
  }
  return isResource(r) ? r : undefined;
}

/** The resource as the options want it, or undefined when they leave it out. */
function keep(r: FhirResource, options: LoadOptions): FhirResource | undefined {
  if (!options.definitionsOnly) return r;
  if (!DEFINITION_TYPES.has(r.resourceType)) return undefined;
  return slimDefinition(r);
}

/** Read a FHIR package folder: `<dir>/package/package.json` or `<dir>/package.json` with resources beside it. */
function readPackageDir(pkgDir: string, options: LoadOptions = {}): PackageSource {
  const manifest = readJson(join(pkgDir, 'package.json')) as PackageManifest;
  if (typeof manifest.name !== 'string' || typeof manifest.version !== 'string') {
    throw new PackageLoadError(join(pkgDir, 'package.json'), 'package.json lacks name or version');
  }
  const source = new PackageSource(manifest, pkgDir);
  if (options.definitionsOnly && options.trustIndex && addFromIndex(source, pkgDir)) return source;
  for (const sub of options.definitionsOnly ? ['', 'other'] : ['', 'example', 'examples', 'other']) {
    const dir = join(pkgDir, sub);
    if (sub !== '' && !existsSync(dir)) continue;
    for (const f of readdirSync(dir)) {
      if (!f.endsWith('.json') || f === 'package.json' || f.startsWith('.')) continue;
      const file = join(dir, f);
      if (!statSync(file).isFile()) continue;
      addResourceFile(source, file, options, true);
    }
  }
  return source;
}

/**
 * Read a folder of FHIR JSON resources, recursively. A folder holding `ig/package.json` (the layout
 * of the official packages in ../shared/anchors) is a package of its own, with that identity and
 * dependencies; its resources are those below it that are not in a nested package folder.
 */
function readConformanceFolders(dir: string, options: LoadOptions = {}): PackageSource[] {
  const out: PackageSource[] = [];
  const visit = (root: string): void => {
    const manifestFile = join(root, 'ig', 'package.json');
    const manifest = existsSync(manifestFile) ? (readJson(manifestFile) as PackageManifest) : undefined;
    const source = new PackageSource(manifest ?? { name: `folder:${root}`, version: '0.0.0' }, root);
    out.push(source);
    const walk = (d: string): void => {
      for (const f of readdirSync(d).sort()) {
        if (f.startsWith('.') || f === 'node_modules') continue;
        const p = join(d, f);
        const st = statSync(p);
        if (st.isDirectory()) {
          if (existsSync(join(p, 'ig', 'package.json'))) visit(p);
          else if (!(options.definitionsOnly && EXAMPLE_FOLDERS.has(f))) walk(p);
          continue;
        }
        if (!f.endsWith('.json') || f === 'package.json') continue;
        addResourceFile(source, p, options, false);
      }
    };
    walk(root);
  };
  visit(dir);
  return out.filter((p) => p.size > 0);
}

/**
 * Load FHIR packages from a path: a package folder (with `package/package.json`), a `.tgz`, or any
 * folder of conformance resources (searched recursively; nested official package folders become
 * packages of their own). Never touches the network.
 */
export async function loadPackages(path: string, options: LoadOptions = {}): Promise<PackageSource[]> {
  if (!existsSync(path)) throw new PackageLoadError(path, 'no such file or folder');
  const st = statSync(path);
  if (st.isFile()) {
    if (path.endsWith('.tgz') || path.endsWith('.tar.gz')) return [await loadTarball(path, options)];
    throw new PackageLoadError(path, 'expected a package folder, a .tgz or a folder of resources');
  }
  if (existsSync(join(path, 'package', 'package.json'))) return [readPackageDir(join(path, 'package'), options)];
  if (existsSync(join(path, 'package.json')) && existsSync(join(path, '.index.json'))) return [readPackageDir(path, options)];
  const found = readConformanceFolders(path, options);
  if (found.length === 0) throw new PackageLoadError(path, 'no FHIR resources found');
  return found;
}

/** Load one FHIR package from a path (the first, when a folder holds several). */
export async function loadPackagePath(path: string): Promise<PackageSource> {
  return (await loadPackages(path))[0]!;
}

/** The local FHIR package cache folder (`~/.fhir/packages`, or `$FHIR_PACKAGE_CACHE`). */
export function defaultPackageCache(): string {
  return process.env['FHIR_PACKAGE_CACHE'] ?? join(homedir(), '.fhir', 'packages');
}

/** Load `id#version` from a FHIR package cache folder (no network: a missing package is an error). */
export async function loadFromCache(id: string, version: string, cacheDir = defaultPackageCache(), options: LoadOptions = {}): Promise<PackageSource> {
  return withFpl(cacheDir, async (loader) => {
    const status = await loader.loadPackage(id, version);
    if (status !== 'LOADED') throw new PackageLoadError(join(cacheDir, `${id}#${version}`), 'package is not in the local FHIR package cache');
    return fromLoader(loader, id, version, join(cacheDir, `${id}#${version}`), options);
  });
}

async function loadTarball(path: string, options: LoadOptions = {}): Promise<PackageSource> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'medcom-ig-fpl-'));
  try {
    return await withFpl(cacheDir, async (loader, cache) => {
      // name and version are read back from the tarball's package.json once cached
      const placeholder = `tarball-${basename(path).replace(/[^A-Za-z0-9.-]/g, '_')}`;
      let cachedPath: string;
      try {
        cachedPath = await cache.cachePackageTarball(placeholder, '0.0.0', createReadStream(path));
      } catch (e) {
        throw new PackageLoadError(path, `not a readable package tarball (${(e as Error).message})`);
      }
      const manifestFile = join(cachedPath, 'package', 'package.json');
      if (!existsSync(manifestFile)) throw new PackageLoadError(path, 'tarball has no package/package.json');
      const status = await loader.loadPackage(placeholder, '0.0.0');
      if (status !== 'LOADED') throw new PackageLoadError(path, 'fhir-package-loader could not load the tarball');
      const pkg = fromLoader(loader, placeholder, '0.0.0', path, options);
      return pkg;
    });
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

type Fpl = typeof import('fhir-package-loader');
type Loader = InstanceType<Fpl['BasePackageLoader']>;
type Cache = InstanceType<Fpl['DiskBasedPackageCache']>;

async function withFpl<T>(cacheDir: string, body: (loader: Loader, cache: Cache) => Promise<T>): Promise<T> {
  const fpl = (await import('fhir-package-loader')) as Fpl & { default?: Fpl };
  const lib: Fpl = fpl.BasePackageLoader ? fpl : (fpl.default as Fpl);
  const log = (): void => {};
  const offline = {
    async resolveVersion(name: string, version: string): Promise<string> {
      if (/^\d+\.\d+\.\d+/.test(version)) return version;
      throw new Error(`offline: cannot resolve ${name}#${version}; give an exact version`);
    },
    async download(name: string, version: string): Promise<never> {
      throw new Error(`offline: ${name}#${version} is not in the local package cache`);
    },
  };
  const currentBuild = {
    async downloadCurrentBuild(name: string): Promise<never> { throw new Error(`offline: no current build for ${name}`); },
    async getCurrentBuildDate(): Promise<undefined> { return undefined; },
  };
  const cache = new lib.DiskBasedPackageCache(cacheDir, { log });
  const db = await lib.createSQLJSPackageDB();
  const loader = new lib.BasePackageLoader(db, cache, offline, currentBuild as never, { log, resourceCacheSize: 0 });
  try {
    return await body(loader, cache);
  } finally {
    loader.clear();
  }
}

function fromLoader(loader: Loader, id: string, version: string, location: string, options: LoadOptions = {}): PackageSource {
  const manifest = loader.findPackageJSON(id, version) as PackageManifest;
  const source = new PackageSource(manifest, location);
  const scope = { scope: id };
  for (const r of loader.findResourceJSONs('*', scope) as FhirResource[]) {
    const kept = keep(r, options);
    if (kept) source.add(kept);
  }
  return source;
}
