/** The reverse links ("used by"), noted for every page before any page is rendered. */
import type { SitePackage } from '../load.js';
import { arr, pkgKey, resourcePath, str, type Json, type Site } from '../site.js';

/** Note which ValueSets use each CodeSystem and ValueSet, and which profiles bind each ValueSet or derive from each profile. */
export function noteUses(site: Site, packages: readonly SitePackage[]): void {
  for (const p of packages) {
    for (const r of p.resources) {
      const path = resourcePath(p, r);
      const text = `${str(r['title']) ?? str(r.name) ?? r.id ?? '?'} (${pkgKey(p.id, p.version)})`;
      if (r.resourceType === 'ValueSet') {
        const compose = (r['compose'] ?? {}) as Json;
        for (const inc of [...arr(compose['include']), ...arr(compose['exclude'])]) {
          const system = str(inc['system']);
          if (system !== undefined)
            site.noteUse(
              site.target(p, str(inc['version']) !== undefined ? `${system}|${str(inc['version'])}` : system, 'CodeSystem').path,
              path,
              text,
            );
          for (const v of arr<string>(inc['valueSet'])) site.noteUse(site.target(p, v, 'ValueSet').path, path, text);
        }
      } else if (r.resourceType === 'StructureDefinition') {
        const seen = new Set<string>();
        for (const e of arr((r['snapshot'] as Json | undefined)?.['element'])) {
          const vs = str((e['binding'] as Json | undefined)?.['valueSet']);
          if (vs === undefined || seen.has(vs)) continue;
          seen.add(vs);
          site.noteUse(site.target(p, vs, 'ValueSet').path, path, text);
        }
        const parent = str(r['baseDefinition']);
        if (parent !== undefined) site.noteUse(site.target(p, parent, 'StructureDefinition').path, path, text);
      }
    }
  }
}
