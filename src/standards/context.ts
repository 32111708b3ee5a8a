/**
 * `--context <folder|package>`: the resources a validated file's references may resolve to outside the
 * file, as the IG Publisher resolves an IG's examples among each other. A folder (or one file) of FHIR JSON
 * and XML resources is read through the one safe reader; a FHIR package (a package folder, a `.tgz`, or
 * `id#version` from the local package cache) gives all its resources, examples included. What is read is
 * a plain list of resources, so that a run can hand it to its worker threads.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BaseR4Source } from '../defs/base-r4.js';
import { loadFromCache, loadPackages, PackageLoadError } from '../defs/load-package.js';
import { Definitions } from '../defs/registry.js';
import { UsageError } from '../util/errors.js';
import { readTextSafe, SafeFileError, walkFiles, type SafeReadOptions } from '../util/fs-safe.js';
import { isObject, type Json } from '../util/json.js';
import { ContextResources } from '../validator/load/context.js';
import { readJson } from '../validator/load/json.js';
import { InputError } from '../validator/load/source.js';
import { FhirModel } from '../validator/model.js';
import { r4PackageDir } from './prebuilt.js';

const RESOURCE_FILE = /\.(json|xml)$/i;
const PACKAGE_PIN = /^([a-z0-9][a-z0-9._-]*)#([0-9][A-Za-z0-9.-]*)$/i;

/** How context files are read: links out of the folder, the size cap (the run's input options). */
export type ContextReadOptions = Pick<SafeReadOptions, 'followSymlinks' | 'maxBytes'>;

/** Is `path` a FHIR package (not a plain folder of resources)? */
function isPackage(path: string): boolean {
  if (/\.(tgz|tar\.gz)$/i.test(path)) return true;
  return (
    existsSync(join(path, 'package', 'package.json')) || (existsSync(join(path, 'package.json')) && existsSync(join(path, '.index.json')))
  );
}

/**
 * Read the resources of each `--context` path, in order (the first resource with a `Type/id` or url wins).
 * A path that does not exist, holds no FHIR resource, or a file that cannot be read or parsed is a
 * UsageError naming it and why.
 */
export async function loadContext(paths: readonly string[], options: ContextReadOptions = {}): Promise<Json[]> {
  const out: Json[] = [];
  let model: FhirModel | undefined;
  const xmlModel = (): FhirModel => {
    // converting XML to FHIR JSON needs only base R4's element types
    const packageDir = r4PackageDir();
    model ??= new FhirModel(new Definitions(new BaseR4Source({ flavor: 'min', ...(packageDir ? { packageDir } : {}) })).all());
    return model;
  };
  for (const path of paths) {
    const before = out.length;
    const pin = PACKAGE_PIN.exec(path);
    try {
      if (pin && !existsSync(path)) {
        const pkg = await loadFromCache(pin[1]!, pin[2]!);
        for (const r of pkg.all()) out.push(r.resource);
      } else if (!existsSync(path)) {
        throw new UsageError(`--context ${path}: no such file or folder`);
      } else if (isPackage(path)) {
        for (const pkg of await loadPackages(path)) for (const r of pkg.all()) out.push(r.resource);
      } else {
        const st = statSync(path);
        const files = st.isDirectory()
          ? walkFiles(path, (name) => RESOURCE_FILE.test(name), options.followSymlinks ? { followSymlinks: true } : {})
          : [{ file: path, size: st.size }];
        for (const entry of files) {
          if (entry.problem) throw new UsageError(`--context ${path}: ${entry.file}: ${entry.problem.reason}`);
          const root = st.isDirectory() ? path : undefined;
          const resource = await readResource(entry.file, { ...options, ...(root !== undefined ? { root } : {}) }, xmlModel);
          if (resource) out.push(resource);
        }
      }
    } catch (e) {
      if (e instanceof UsageError) throw e;
      if (e instanceof PackageLoadError || e instanceof SafeFileError || e instanceof InputError)
        throw new UsageError(`--context ${path}: ${e.message}`);
      throw e;
    }
    if (out.length === before) throw new UsageError(`--context ${path}: no FHIR resources found`);
  }
  return out;
}

/** One file's resource (undefined for JSON that is not a resource: a package.json, an index). */
async function readResource(file: string, options: SafeReadOptions, xmlModel: () => FhirModel): Promise<Json | undefined> {
  const text = readTextSafe(file, options);
  if (
    text
      .replace(/^\uFEFF/, '')
      .trimStart()
      .startsWith('<')
  ) {
    const { readXml } = await import('../validator/load/xml.js');
    const value = readXml(file, text, xmlModel()).value;
    return isObject(value) && typeof value['resourceType'] === 'string' ? value : undefined;
  }
  const value = readJson(file, text).value;
  return isObject(value) && typeof value['resourceType'] === 'string' ? value : undefined;
}

/** The context resources indexed for resolution (ContextResources), from what loadContext read. */
export function contextIndex(resources: readonly Json[]): ContextResources {
  const index = new ContextResources();
  for (const r of resources) index.add(r);
  return index;
}
