/**
 * Reading the FHIR packages our build wrote, and the private FHIR package cache the benchmark points
 * SUSHI and GoFSH at (`$HOME/.fhir/packages` with HOME set to a temp folder).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The fields of a package's package.json that the benchmark uses. */
export interface Manifest {
  id: string;
  version: string;
  canonical: string;
  title: string;
  author: string;
  date: string;
  dependencies: Record<string, string>;
  /** `<out>/<id>#<version>/package` */
  dir: string;
}

export function readManifest(packageDir: string): Manifest {
  const file = join(packageDir, 'package.json');
  const m = readJson(file);
  if (!isRecord(m)) throw new Error(`${file}: not a JSON object`);
  const id = str(m['name']);
  const version = str(m['version']);
  const canonical = str(m['canonical']);
  if (!id || !version || !canonical) throw new Error(`${file}: name, version or canonical missing`);
  const dependencies: Record<string, string> = {};
  const deps = m['dependencies'];
  if (isRecord(deps)) for (const [k, v] of Object.entries(deps)) if (typeof v === 'string') dependencies[k] = v;
  return {
    id,
    version,
    canonical,
    title: str(m['title']) ?? id,
    author: str(m['author']) ?? 'unknown',
    date: str(m['date']) ?? '',
    dependencies,
    dir: packageDir,
  };
}

/** Every `<id>#<version>/package` folder under a build output folder, in dependency order. */
export function builtPackages(outDir: string): Manifest[] {
  const found = readdirSync(outDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name.includes('#') && existsSync(join(outDir, e.name, 'package', 'package.json')))
    .map((e) => readManifest(join(outDir, e.name, 'package')));
  return dependencyOrder(found);
}

/** `id#version`: packages of ours can share an id (DK Core 3.2.0, 3.4.0, 3.5.0). */
export function labelOf(p: { id: string; version: string }): string {
  return `${p.id}#${p.version}`;
}

/** Topological order (a package after every package of ours it depends on, by id#version); ties by label. */
export function dependencyOrder(pkgs: Manifest[]): Manifest[] {
  const byLabel = new Map(pkgs.map((p) => [labelOf(p), p]));
  const done = new Set<string>();
  const order: Manifest[] = [];
  const visit = (p: Manifest, path: Set<string>): void => {
    const label = labelOf(p);
    if (done.has(label) || path.has(label)) return;
    path.add(label);
    for (const [dep, version] of Object.entries(p.dependencies).sort()) {
      const d = byLabel.get(`${dep}#${version}`);
      if (d) visit(d, path);
    }
    path.delete(label);
    done.add(label);
    order.push(p);
  };
  for (const p of [...pkgs].sort((a, b) => labelOf(a).localeCompare(labelOf(b)))) visit(p, new Set());
  return order;
}

export type Kind = 'profile' | 'extension' | 'logical' | 'valueset' | 'codesystem';
export type KindCounts = Record<Kind, number>;

export function emptyCounts(): KindCounts {
  return { profile: 0, extension: 0, logical: 0, valueset: 0, codesystem: 0 };
}

/** What kind of conformance resource this is, or undefined for anything else (IG, examples, base types). */
export function kindOf(resource: unknown): Kind | undefined {
  if (!isRecord(resource)) return undefined;
  switch (resource['resourceType']) {
    case 'ValueSet':
      return 'valueset';
    case 'CodeSystem':
      return 'codesystem';
    case 'StructureDefinition':
      if (resource['kind'] === 'logical') return 'logical';
      if (resource['derivation'] !== 'constraint') return undefined;
      return resource['type'] === 'Extension' ? 'extension' : 'profile';
    default:
      return undefined;
  }
}

/** The JSON files in a folder (not recursive) that are conformance resources, with their kind. */
export function conformanceFiles(dir: string): { file: string; kind: Kind }[] {
  const out: { file: string; kind: Kind }[] = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json') || name === 'package.json' || name.startsWith('.')) continue;
    const file = join(dir, name);
    const kind = kindOf(readJson(file));
    if (kind) out.push({ file, kind });
  }
  return out;
}

export function countKinds(files: readonly { kind: Kind }[]): KindCounts {
  const c = emptyCounts();
  for (const f of files) c[f.kind] += 1;
  return c;
}

export function addCounts(a: KindCounts, b: KindCounts): KindCounts {
  return {
    profile: a.profile + b.profile,
    extension: a.extension + b.extension,
    logical: a.logical + b.logical,
    valueset: a.valueset + b.valueset,
    codesystem: a.codesystem + b.codesystem,
  };
}

/**
 * Packages SUSHI (and GoFSH, through SUSHI's loader) load on their own for an R4 project, at version
 * "latest" unless the project names a version itself: "latest" is a registry look-up. The benchmark
 * writes an empty stub of each into the private cache and names its version in every configuration.
 */
export const AUTO_LOADED = ['hl7.fhir.uv.tools.r4', 'hl7.terminology.r4', 'hl7.fhir.uv.extensions.r4'] as const;

/** Stub version used for an auto-loaded package that none of our packages names a version of. */
export const DEFAULT_STUB_VERSION = '0.0.0-bench-stub';

/** `<cache>/<id>#<version>/package` */
export function cachedPackageDir(cache: string, id: string, version: string): string {
  return join(cache, `${id}#${version}`, 'package');
}

export function inCache(cache: string, id: string, version: string): boolean {
  return existsSync(join(cachedPackageDir(cache, id, version), 'package.json'));
}

/** Copy a built package (its package/ folder only) into the cache. */
export function copyIntoCache(cache: string, m: Manifest): void {
  cpSync(m.dir, cachedPackageDir(cache, m.id, m.version), { recursive: true });
}

/** An empty FHIR package: a package.json and an empty .index.json, nothing to load. */
export function writeStub(cache: string, id: string, version: string): void {
  const dir = cachedPackageDir(cache, id, version);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: id,
        version,
        description: 'Empty stand-in written by medcom-ig bench so that no tool downloads the real package',
        fhirVersions: ['4.0.1'],
        dependencies: { 'hl7.fhir.r4.core': '4.0.1' },
      },
      null,
      2,
    ) + '\n',
  );
  writeFileSync(join(dir, '.index.json'), JSON.stringify({ 'index-version': 2, files: [] }) + '\n');
}

/**
 * The explicit version of each auto-loaded package a project should name: the version the package
 * itself depends on when it names one, else the default stub version.
 */
export function autoLoadedVersions(m: Manifest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of AUTO_LOADED) out[id] = m.dependencies[id] ?? DEFAULT_STUB_VERSION;
  return out;
}

/**
 * A project's dependencies for GoFSH and SUSHI: the package's own dependencies that are in the cache
 * (FHIR core left out: both tools add it from fhirVersion), then the pinned auto-loaded stubs.
 * Also returns the declared dependencies that are not in the cache, to report.
 */
export function projectDependencies(m: Manifest, cache: string): { deps: [string, string][]; missing: string[] } {
  const deps: [string, string][] = [];
  const missing: string[] = [];
  const auto = autoLoadedVersions(m);
  for (const [id, version] of Object.entries(m.dependencies)) {
    if (id === 'hl7.fhir.r4.core' || id in auto) continue;
    if (inCache(cache, id, version)) deps.push([id, version]);
    else missing.push(`${id}#${version}`);
  }
  for (const [id, version] of Object.entries(auto)) deps.push([id, version]);
  return { deps, missing };
}

/**
 * Extension slices in a StructureDefinition differential that name no type (so no extension profile),
 * as `<StructureDefinition id>: <element id>`. GoFSH can only write such a slice as an inline extension.
 */
export function untypedExtensionSlices(files: readonly { file: string }[]): string[] {
  const out: string[] = [];
  for (const { file } of files) {
    const sd = readJson(file);
    if (!isRecord(sd) || sd['resourceType'] !== 'StructureDefinition' || sd['type'] === 'Extension') continue;
    const diff = sd['differential'];
    const elements = isRecord(diff) && Array.isArray(diff['element']) ? (diff['element'] as unknown[]) : [];
    for (const e of elements) {
      if (!isRecord(e) || typeof e['path'] !== 'string' || typeof e['sliceName'] !== 'string') continue;
      if (!/\.(extension|modifierExtension)$/.test(e['path']) || e['type'] !== undefined) continue;
      out.push(`${String(sd['id'])}: ${String(e['id'])}`);
    }
  }
  return out;
}
