import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync, type Stats } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
// tar is loaded only when a .tgz is read: a validation from the prebuilt package folders starts without it
import type { Parser as TarParser, ReadEntry } from 'tar';
import { PackageSource, type PackageManifest } from './package-source.js';
import { isResource, type FhirResource } from './resource.js';
import { PACKAGE_DEFINITION_TYPES as DEFINITION_TYPES, slimDefinition } from './slim.js';
import { topLevelStrings } from '../util/json-scan.js';
import { readFileSafe, readHeadSafe, readTextSafe, resolveInside, SafeFileError } from '../util/fs-safe.js';

/** A definitions input the user named that could not be read. Carries the path and the reason. */
export class PackageLoadError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'PackageLoadError';
  }
}

/**
 * A file of a package as text, read safely: a regular file (a FIFO or device is refused without
 * blocking), under the input size cap, and not through a link that leads outside `root` (the
 * folder the user named). A problem is a PackageLoadError naming the file.
 */
function readPackageText(file: string, root: string): string {
  try {
    return readTextSafe(file, { root });
  } catch (e) {
    if (e instanceof SafeFileError) throw new PackageLoadError(file, e.reason);
    throw e;
  }
}

function readJson(file: string, root: string): unknown {
  const text = readPackageText(file, root);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new PackageLoadError(file, `not valid JSON (${(e as Error).message})`);
  }
}

export interface LoadOptions {
  /**
   * Only what validation reads: StructureDefinitions, ValueSets, CodeSystems, NamingSystems and
   * Questionnaires, without their documentation (src/defs/slim.ts). Folders named `example` or `examples` are not
   * read; other files that are not definitions are skipped unparsed where the resourceType leads.
   */
  definitionsOnly?: boolean;
  /**
   * With definitionsOnly: take each definition's resourceType, url and version from the package's
   * `.index.json` instead of the file's first kilobytes — for packages we wrote ourselves (the
   * prebuilt ones), whose index is known to match. Files are still read only when asked for.
   */
  trustIndex?: boolean;
  /**
   * A .tgz is checked before it is extracted: at most this many entries (default 50,000; the FHIR R4
   * core package has some 4,600) …
   */
  maxTarballEntries?: number;
  /** … and at most this many bytes once extracted (default 1 GiB; the R4 core package is some 140 MiB). */
  maxTarballBytes?: number;
  /** Where a .tgz is extracted, in a fresh folder removed again on every path (default: the OS temp folder). */
  tempDir?: string;
}

/** The default caps of a package tarball (LoadOptions). */
export const TARBALL_LIMITS = {
  entries: 50_000,
  bytes: 1024 * 1024 * 1024,
} as const;

/** Folders that hold examples by the FHIR package convention (`package/example`): not read for definitions. */
const EXAMPLE_FOLDERS = new Set(['example', 'examples']);

const LEADING_TYPE = /^\uFEFF?\s*\{\s*"resourceType"\s*:\s*"([A-Za-z]+)"/;

/**
 * Add one resource file to `source`, as the options want it. With definitionsOnly a definition is
 * indexed from its top-level resourceType, url and version and read (again, from the file) only
 * when something asks for it: a validation run touches a few dozen of the hundreds of definitions
 * an official package folder holds. Other files are skipped; unreadable ones too, unless `strict`.
 */
function addResourceFile(source: PackageSource, file: string, options: LoadOptions, strict: boolean, root: string): void {
  let text: string;
  try {
    if (options.definitionsOnly) {
      // a definition's resourceType, url and version usually come within its first kilobytes
      const start = readHeadSafe(file, 16384, { root }).toString('utf8');
      const lead = LEADING_TYPE.exec(start);
      if (lead && !DEFINITION_TYPES.has(lead[1]!)) return;
      if (lead && addLazyDefinition(source, file, start, root)) return;
    }
    text = readPackageText(file, root);
  } catch (e) {
    if (!(e instanceof SafeFileError || e instanceof PackageLoadError)) throw e;
    if (strict) throw e instanceof SafeFileError ? new PackageLoadError(file, e.reason) : e;
    return;
  }
  if (options.definitionsOnly && addLazyDefinition(source, file, text, root)) return;
  const r = parseResource(file, text, strict);
  const kept = r ? keep(r, options) : undefined;
  if (kept) source.add(kept, file);
}

/**
 * Index a definition from the start of its text (or all of it) when its top-level resourceType,
 * url and version are there: true when done (added, or skipped as not a definition).
 */
function addLazyDefinition(source: PackageSource, file: string, text: string, root: string): boolean {
  const top = topLevelStrings(text, ['resourceType', 'url', 'version']);
  const resourceType = top?.get('resourceType');
  if (!top || resourceType === undefined) return false;
  if (!DEFINITION_TYPES.has(resourceType)) return true;
  const url = top.get('url');
  const version = top.get('version');
  source.addLazy(
    {
      resourceType,
      ...(url !== undefined ? { url } : {}),
      ...(version !== undefined ? { version } : {}),
    },
    () => {
      let text: string;
      try {
        text = readTextSafe(file, { root });
      } catch (e) {
        if (e instanceof SafeFileError) throw new PackageLoadError(file, `could not be read again (${e.reason})`);
        throw e;
      }
      const r = parseResource(file, text, true);
      if (!r) throw new PackageLoadError(file, 'no longer a FHIR resource');
      return slimDefinition(r);
    },
    file,
  );
  return true;
}

/** What `.index.json` says of one file (the fields the definitions need). */
export interface IndexEntry {
  filename?: unknown;
  resourceType?: unknown;
  url?: unknown;
  version?: unknown;
}

/** Index the definitions `.index.json` lists (false when there is no usable index). */
function addFromIndex(source: PackageSource, pkgDir: string, root: string): boolean {
  const indexFile = join(pkgDir, '.index.json');
  if (!existsSync(indexFile)) return false;
  const index = readJson(indexFile, root) as { files?: IndexEntry[] };
  if (!Array.isArray(index.files)) return false;
  addIndexEntries(source, pkgDir, index.files, root);
  return true;
}

/** The definitions of `files` (a package's `.index.json` entries), each read from `pkgDir` when first asked for. */
function addIndexEntries(source: PackageSource, pkgDir: string, files: readonly IndexEntry[], root: string, slim = true): void {
  for (const e of files) {
    if (typeof e.filename !== 'string' || typeof e.resourceType !== 'string' || !DEFINITION_TYPES.has(e.resourceType)) continue;
    const file = join(pkgDir, e.filename);
    source.addLazy(
      {
        resourceType: e.resourceType,
        ...(typeof e.url === 'string' ? { url: e.url } : {}),
        ...(typeof e.version === 'string' ? { version: e.version } : {}),
      },
      () => {
        // the index names the file: read only inside the package folder
        const r = parseResource(file, readPackageText(file, root), true);
        if (!r) throw new PackageLoadError(file, 'not a FHIR resource');
        return slim ? slimDefinition(r) : r;
      },
      file,
    );
  }
}

/**
 * A package folder (`<dir>/package`) whose package.json and `.index.json` were read before and are handed
 * over (the prebuilt packages: their stamp carries both, src/standards/prebuilt.ts): what
 * `loadPackages(dir, { definitionsOnly: true, trustIndex: true })` gives for it, without reading those two
 * files again. The definitions are still read from the folder, safely, when first asked for.
 */
export function packageFromIndex(pkgDir: string, manifest: PackageManifest, files: readonly IndexEntry[]): PackageSource {
  if (typeof manifest.name !== 'string' || typeof manifest.version !== 'string') {
    throw new PackageLoadError(join(pkgDir, 'package.json'), 'package.json lacks name or version');
  }
  const source = new PackageSource(manifest, pkgDir);
  // written slim by stampPrebuilt (src/standards/prebuilt.ts): not walked again
  addIndexEntries(source, pkgDir, files, pkgDir, false);
  return source;
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

/**
 * The entries of a folder with what they lead to: a symbolic link is followed only when it stays
 * inside `root` (one that does not, dangles or loops is passed on with its problem).
 */
function listFolder(dir: string, root: string): { name: string; path: string; st?: Stats; problem?: SafeFileError }[] {
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const path = join(dir, name);
      try {
        const lst = lstatSync(path);
        if (!lst.isSymbolicLink()) return { name, path, st: lst };
        resolveInside(path, { root });
        return { name, path, st: statSync(path) };
      } catch (e) {
        return {
          name,
          path,
          problem: e instanceof SafeFileError ? e : new SafeFileError(path, (e as Error).message, 'io'),
        };
      }
    });
}

/**
 * Read a FHIR package folder: `<dir>/package/package.json` or `<dir>/package.json` with resources
 * beside it. Every file is read safely inside `root`; a resource file that cannot be (a link out of
 * the folder, a FIFO, a dangling link) is an error naming it.
 */
function readPackageDir(pkgDir: string, options: LoadOptions = {}, root: string = pkgDir): PackageSource {
  const manifest = readJson(join(pkgDir, 'package.json'), root) as PackageManifest;
  if (typeof manifest.name !== 'string' || typeof manifest.version !== 'string') {
    throw new PackageLoadError(join(pkgDir, 'package.json'), 'package.json lacks name or version');
  }
  const source = new PackageSource(manifest, pkgDir);
  if (options.definitionsOnly && options.trustIndex && addFromIndex(source, pkgDir, root)) return source;
  for (const sub of options.definitionsOnly ? ['', 'other'] : ['', 'example', 'examples', 'other']) {
    const dir = join(pkgDir, sub);
    if (sub !== '' && !existsSync(dir)) continue;
    for (const entry of listFolder(dir, root)) {
      if (!entry.name.endsWith('.json') || entry.name === 'package.json' || entry.name.startsWith('.')) continue;
      if (entry.problem) throw new PackageLoadError(entry.path, entry.problem.reason);
      if (entry.st?.isDirectory()) continue;
      addResourceFile(source, entry.path, options, true, root);
    }
  }
  return source;
}

/**
 * Read a folder of FHIR JSON resources, recursively. A folder holding `ig/package.json` (the layout
 * of the official packages in ../shared/anchors) is a package of its own, with that identity and
 * dependencies; its resources are those below it that are not in a nested package folder. Links
 * that lead outside `dir`, special files and files that cannot be read are skipped.
 */
function readConformanceFolders(dir: string, options: LoadOptions = {}): PackageSource[] {
  const out: PackageSource[] = [];
  const seen = new Set<string>();
  const visit = (folder: string): void => {
    const manifestFile = join(folder, 'ig', 'package.json');
    const manifest = existsSync(manifestFile) ? (readJson(manifestFile, dir) as PackageManifest) : undefined;
    const source = new PackageSource(manifest ?? { name: `folder:${folder}`, version: '0.0.0' }, folder);
    out.push(source);
    const walk = (d: string): void => {
      // a folder reached twice through links is read once
      let real: string;
      try {
        real = realpathSync(d);
      } catch {
        return;
      }
      if (seen.has(real)) return;
      seen.add(real);
      let entries: ReturnType<typeof listFolder>;
      try {
        entries = listFolder(d, dir);
      } catch {
        return;
      }
      for (const { name: f, path: p, st, problem } of entries) {
        if (f.startsWith('.') || f === 'node_modules' || problem || !st) continue;
        if (st.isDirectory()) {
          if (existsSync(join(p, 'ig', 'package.json'))) visit(p);
          else if (!(options.definitionsOnly && EXAMPLE_FOLDERS.has(f))) walk(p);
          continue;
        }
        if (!f.endsWith('.json') || f === 'package.json' || !st.isFile()) continue;
        addResourceFile(source, p, options, false, dir);
      }
    };
    walk(folder);
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
  if (!st.isDirectory())
    throw new PackageLoadError(path, 'not a regular file or a folder; expected a package folder, a .tgz or a folder of resources');
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
export async function loadFromCache(
  id: string,
  version: string,
  cacheDir = defaultPackageCache(),
  options: LoadOptions = {},
): Promise<PackageSource> {
  return withFpl(cacheDir, async (loader, LOADED) => {
    const status = await loader.loadPackage(id, version);
    if (status !== LOADED) throw new PackageLoadError(join(cacheDir, `${id}#${version}`), 'package is not in the local FHIR package cache');
    return fromLoader(loader, id, version, join(cacheDir, `${id}#${version}`), options);
  });
}

/** Entry types extracted from a package tarball: files and folders (no links, devices or FIFOs). */
const TAR_KEPT_TYPES = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory']);

/**
 * Read a .tgz through its headers without writing anything: a PackageLoadError as soon as it holds
 * more entries or more extracted bytes than the caps allow (so a small archive that would expand to
 * gigabytes, or hold hundreds of thousands of entries, is refused early), or is not a tar archive.
 */
function checkTarball(Parser: typeof TarParser, path: string, data: Buffer, limits: { entries: number; bytes: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    let entries = 0;
    let bytes = 0;
    let settled = false;
    const fail = (reason: string): void => {
      if (!settled) {
        settled = true;
        reject(new PackageLoadError(path, reason));
      }
    };
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        entries++;
        bytes += entry.size ?? 0;
        if (entries > limits.entries)
          fail(`the tarball holds more than ${limits.entries} entries; refused before extracting (a tar bomb?)`);
        else if (bytes > limits.bytes)
          fail(`the tarball expands to more than ${Math.round(limits.bytes / 1048576)} MiB; refused before extracting (a tar bomb?)`);
        entry.resume();
      },
    });
    parser.on('error', (e: Error) => fail(`not a readable package tarball (${e.message})`));
    parser.on('end', () => {
      if (!settled) {
        settled = true;
        resolve();
      }
    });
    // fed in slices so that the check stops as soon as a cap is passed
    const slice = 64 * 1024;
    for (let off = 0; off < data.length && !settled; off += slice) parser.write(data.subarray(off, off + slice));
    if (settled) parser.abort(new Error('refused'));
    else parser.end();
  });
}

/**
 * Load a package tarball: read it (a regular file under the input cap), check its entries and
 * extracted size against the caps, then extract its files and folders (no links) into a fresh
 * temporary package cache that is removed again on every path, and load it from there.
 */
async function loadTarball(path: string, options: LoadOptions = {}): Promise<PackageSource> {
  let data: Buffer;
  try {
    data = readFileSafe(path);
  } catch (e) {
    if (e instanceof SafeFileError) throw new PackageLoadError(path, e.reason);
    throw e;
  }
  const limits = {
    entries: options.maxTarballEntries ?? TARBALL_LIMITS.entries,
    bytes: options.maxTarballBytes ?? TARBALL_LIMITS.bytes,
  };
  // loaded with the first tarball (streams and tar cost a cold start that reads none)
  const [{ Parser, x: extractTar }, { Readable }, { pipeline }] = await Promise.all([
    import('tar'),
    import('node:stream'),
    import('node:stream/promises'),
  ]);
  await checkTarball(Parser, path, data, limits);
  const cacheDir = mkdtempSync(join(options.tempDir ?? tmpdir(), 'medcom-ig-fpl-'));
  try {
    // name and version are read back from the tarball's package.json once cached
    const placeholder = `tarball-${basename(path).replace(/[^A-Za-z0-9.-]/g, '_')}`;
    const cachedPath = join(cacheDir, `${placeholder}#0.0.0`);
    mkdirSync(cachedPath);
    try {
      let entries = 0;
      let bytes = 0;
      await pipeline(
        Readable.from([data]),
        extractTar({
          cwd: cachedPath,
          strict: true,
          filter: (_p: string, entry: Stats | ReadEntry) => {
            // the data is the buffer checked above; the caps hold here too (nothing past them is written)
            const e = entry as ReadEntry;
            entries++;
            bytes += e.size ?? 0;
            return entries <= limits.entries && bytes <= limits.bytes && TAR_KEPT_TYPES.has(e.type);
          },
        }),
      );
    } catch (e) {
      throw new PackageLoadError(path, `not a readable package tarball (${(e as Error).message})`);
    }
    const manifestFile = join(cachedPath, 'package', 'package.json');
    if (!existsSync(manifestFile)) throw new PackageLoadError(path, 'tarball has no package/package.json');
    return await withFpl(cacheDir, async (loader, LOADED) => {
      const status = await loader.loadPackage(placeholder, '0.0.0');
      if (status !== LOADED) throw new PackageLoadError(path, 'fhir-package-loader could not load the tarball');
      return fromLoader(loader, placeholder, '0.0.0', path, options);
    });
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

type Fpl = typeof import('fhir-package-loader');
type Loader = InstanceType<Fpl['BasePackageLoader']>;
type Loaded = Fpl['LoadStatus']['LOADED'];

/** Run `body` with an offline fhir-package-loader over `cacheDir`; `LOADED` is the load status that means success. */
async function withFpl<T>(cacheDir: string, body: (loader: Loader, LOADED: Loaded) => Promise<T>): Promise<T> {
  const fpl = (await import('fhir-package-loader')) as Fpl & { default?: Fpl };
  const lib: Fpl = fpl.BasePackageLoader ? fpl : (fpl.default as Fpl);
  const log = (): void => {};
  const offline = {
    resolveVersion(name: string, version: string): Promise<string> {
      if (/^\d+\.\d+\.\d+/.test(version)) return Promise.resolve(version);
      return Promise.reject(new Error(`offline: cannot resolve ${name}#${version}; give an exact version`));
    },
    download(name: string, version: string): Promise<never> {
      return Promise.reject(new Error(`offline: ${name}#${version} is not in the local package cache`));
    },
  };
  const currentBuild = {
    downloadCurrentBuild(name: string): Promise<never> {
      return Promise.reject(new Error(`offline: no current build for ${name}`));
    },
    getCurrentBuildDate(): Promise<undefined> {
      return Promise.resolve(undefined);
    },
  };
  const cache = new lib.DiskBasedPackageCache(cacheDir, { log });
  const db = await lib.createSQLJSPackageDB();
  const loader = new lib.BasePackageLoader(db, cache, offline, currentBuild as never, { log, resourceCacheSize: 0 });
  try {
    return await body(loader, lib.LoadStatus.LOADED);
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
