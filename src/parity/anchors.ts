import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FhirResource } from '../defs/resource.js';

/** Where the shared folder lives: `$MEDCOM_SHARED`, or `../shared` beside the repository. */
export function sharedDir(): string | undefined {
  const env = process.env['MEDCOM_SHARED'];
  if (env) return existsSync(env) ? resolve(env) : undefined;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, '..', 'shared');
    if (existsSync(join(candidate, 'anchors', 'medcom'))) return resolve(candidate);
    dir = join(dir, '..');
  }
  return undefined;
}

/** The official MedCom packages (`<shared>/anchors/medcom`), when present. */
export function anchorsDir(): string | undefined {
  const shared = sharedDir();
  return shared ? join(shared, 'anchors', 'medcom') : undefined;
}

export interface AnchorPackage {
  /** `name#version` from the package's package.json. */
  label: string;
  dir: string;
  /** canonical url → resource */
  resources: Map<string, { resource: FhirResource; file: string }>;
}

export interface AnchorIndex {
  packages: Map<string, AnchorPackage>;
}

const RESOURCE_FOLDERS = ['sd', 'vs', 'cs', 'other'];

/**
 * Index the official packages. A folder is a package when it has `ig/package.json`; its
 * conformance resources are the JSON files in its `sd/`, `vs/`, `cs/` and `other/` folders.
 * (Packages are kept apart: the same url|version can appear with different content in two
 * published packages, e.g. terminology 2.0.2 re-publishes artifacts versioned 1.8.1.)
 */
export function indexAnchors(dir: string): AnchorIndex {
  const packages = new Map<string, AnchorPackage>();
  const walk = (d: string): void => {
    const manifest = join(d, 'ig', 'package.json');
    if (existsSync(manifest)) {
      const m = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string; version: string };
      const pkg: AnchorPackage = { label: `${m.name}#${m.version}`, dir: d, resources: new Map() };
      for (const sub of RESOURCE_FOLDERS) {
        const folder = join(d, sub);
        if (!existsSync(folder)) continue;
        for (const f of readdirSync(folder).sort()) {
          if (!f.endsWith('.json')) continue;
          const file = join(folder, f);
          const r = JSON.parse(readFileSync(file, 'utf8')) as FhirResource;
          if (typeof r.url === 'string') pkg.resources.set(r.url, { resource: r, file });
        }
      }
      packages.set(pkg.label, pkg);
    }
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory() && !['ig', 'examples', ...RESOURCE_FOLDERS].includes(f)) walk(p);
    }
  };
  walk(dir);
  return { packages };
}
