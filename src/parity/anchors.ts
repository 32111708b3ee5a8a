import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FhirResource } from '../defs/resource.js';

/** Where the official MedCom packages live: `$MEDCOM_SHARED/anchors/medcom` or `../shared` beside the repo. */
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

export function anchorsDir(): string | undefined {
  const shared = sharedDir();
  return shared ? join(shared, 'anchors', 'medcom') : undefined;
}

export interface AnchorIndex {
  /** `url|version` → resource */
  byCanonical: Map<string, { resource: FhirResource; file: string }>;
}

/** Index every conformance resource of the official packages by `url|version`. */
export function indexAnchors(dir: string): AnchorIndex {
  const byCanonical = new Map<string, { resource: FhirResource; file: string }>();
  const walk = (d: string): void => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) { if (f !== 'examples') walk(p); continue; }
      if (!f.endsWith('.json') || f === 'package.json') continue;
      const r = JSON.parse(readFileSync(p, 'utf8')) as FhirResource;
      if (typeof r.url !== 'string') continue;
      const key = `${r.url}|${r.version ?? ''}`;
      if (!byCanonical.has(key)) byCanonical.set(key, { resource: r, file: p });
    }
  };
  walk(dir);
  return { byCanonical };
}
