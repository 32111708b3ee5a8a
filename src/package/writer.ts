import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { create } from 'tar';
import type { CompiledPackage } from '../compiler/compile-package.js';
import type { FhirResource } from '../defs/resource.js';
import { describeFsError, writeFolderAtomic } from '../util/fs-safe.js';

export interface WrittenPackage {
  /** `<out>/<id>#<version>` */
  dir: string;
  /** `<out>/<id>#<version>/package` */
  packageDir: string;
  tgz: string;
  files: number;
}

/** A fixed timestamp for tar entries, so the same build gives the same bytes. */
const TAR_MTIME = new Date('2000-01-01T00:00:00Z');

function fileName(r: FhirResource): string {
  return `${r.resourceType}-${r.id ?? 'unknown'}.json`;
}

function indexEntry(r: FhirResource, filename: string): Record<string, unknown> {
  const e: Record<string, unknown> = { filename, resourceType: r.resourceType, id: r.id };
  for (const k of ['url', 'version', 'kind', 'type', 'supplements', 'content'] as const) {
    const v = r[k];
    if (typeof v === 'string') e[k] = v;
  }
  return e;
}

function pick(from: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (from[k] !== undefined) out[k] = structuredClone(from[k]);
  return out;
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** The ImplementationGuide resource a package carries, listing what it defines. */
export function implementationGuide(pkg: CompiledPackage): FhirResource {
  const { ir } = pkg;
  const depends = Object.entries(ir.dependencies)
    .filter(([id]) => id !== 'hl7.fhir.r4.core')
    .map(([id, version]) => ({ id: id.replace(/[^A-Za-z0-9]/g, '_'), packageId: id, version, uri: `urn:package:${id}` }));
  const resources = [...pkg.resources, ...pkg.examples].map((r) => ({
    reference: { reference: `${r.resourceType}/${r.id}` },
    ...(typeof r['name'] === 'string' ? { name: r['name'] } : {}),
    exampleBoolean: pkg.examples.includes(r),
  }));
  return {
    resourceType: 'ImplementationGuide',
    id: ir.id,
    url: `${ir.canonical}/ImplementationGuide/${ir.id}`,
    version: ir.version,
    name: ir.name,
    title: ir.title,
    status: 'active',
    ...pick(ir.defaults, ['date', 'publisher', 'contact']),
    ...(ir.description !== undefined ? { description: ir.description } : {}),
    ...pick(ir.defaults, ['jurisdiction', 'copyright']),
    ...(typeof ir.extra?.['license'] === 'string' ? { license: ir.extra['license'] } : {}),
    packageId: ir.id,
    fhirVersion: ['4.0.1'],
    dependsOn: depends,
    definition: { resource: resources },
  };
}

/**
 * Write `<out>/<id>#<version>/package/` (package.json, .index.json, one JSON file per resource,
 * examples under `example/`) and `<out>/<id>#<version>/package.tgz`. Atomic: the whole
 * `<id>#<version>` folder is staged beside it and renamed complete, with the completion marker
 * (src/util/fs-safe.ts), so a build killed mid-write leaves the old folder or none, never a part;
 * readers (`docs --from`, the prebuilt packages) refuse a folder without the marker.
 */
export async function writePackage(outDir: string, pkg: CompiledPackage): Promise<WrittenPackage> {
  const dir = join(outDir, `${pkg.manifest.name}#${pkg.manifest.version}`);
  const all = [...pkg.resources, implementationGuide(pkg)];
  await writeFolderAtomic(dir, async (staging) => {
    const packageDir = join(staging, 'package');
    const put = (path: string, text: string): void => {
      try {
        writeFileSync(join(packageDir, path), text);
      } catch (e) {
        throw describeFsError(join(dir, 'package', path), e, 'write'); // the path the user knows, not the staging one
      }
    };
    try {
      mkdirSync(join(packageDir, 'example'), { recursive: true });
    } catch (e) {
      throw describeFsError(join(dir, 'package'), e, 'write');
    }
    put('package.json', json(pkg.manifest));
    const index: Record<string, unknown>[] = [];
    for (const r of all) {
      const name = fileName(r);
      put(name, json(r));
      index.push(indexEntry(r, name));
    }
    put('.index.json', json({ 'index-version': 1, files: index }));
    const exampleIndex: Record<string, unknown>[] = [];
    for (const r of pkg.examples) {
      const name = fileName(r);
      put(join('example', name), json(r));
      exampleIndex.push(indexEntry(r, name));
    }
    put(join('example', '.index.json'), json({ 'index-version': 1, files: exampleIndex }));
    try {
      await create({ gzip: true, file: join(staging, 'package.tgz'), cwd: staging, portable: true, mtime: TAR_MTIME }, ['package']);
    } catch (e) {
      throw describeFsError(join(dir, 'package.tgz'), e, 'write');
    }
  });
  return { dir, packageDir: join(dir, 'package'), tgz: join(dir, 'package.tgz'), files: all.length + pkg.examples.length };
}
