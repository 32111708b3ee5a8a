/** The page of a StructureDefinition: a profile (resource or data type), an extension, or a base definition. */
import type { FhirResource } from '../../defs/resource.js';
import type { SitePackage } from '../load.js';
import { arr, markdownField, packagePath, pkgKey, rel, str, type Json, type Link, type Site } from '../site.js';
import { anchorOf, discriminators, elementRows } from './elements.js';
import { extensionFacts, isExtension } from './extension.js';

export function structureBody(site: Site, pkg: SitePackage, sd: FhirResource, path: string): string {
  const snapshot = arr((sd['snapshot'] as Json | undefined)?.['element']);
  const differential = arr((sd['differential'] as Json | undefined)?.['element']);
  const extension = isExtension(sd);
  const kind = str(sd['kind']) ?? '';
  const kindLabel = extension
    ? 'Extension'
    : sd['derivation'] === 'constraint'
      ? kind === 'resource'
        ? 'Resource profile'
        : 'Data type profile'
      : `StructureDefinition (${kind})`;
  const { valueTypes, subExtensions } = extension ? extensionFacts(site, pkg, snapshot, path) : { valueTypes: [], subExtensions: [] };
  const slicings = snapshot
    .filter((e) => e['slicing'] !== undefined)
    .map((e) => {
      const s = e['slicing'] as Json;
      const id = str(e['id']) ?? '?';
      return {
        id,
        anchor: anchorOf('s', id),
        discriminators: discriminators(s),
        rules: str(s['rules']) ?? '',
        ordered: s['ordered'] === true ? 'yes' : 'no',
        description: str(s['description']) ?? '',
      };
    });
  const invariants = new Map<string, { key: string; severity: string; human: string; expression: string; source: Link; paths: string[] }>();
  for (const e of snapshot) {
    for (const c of arr(e['constraint'])) {
      const key = str(c['key']) ?? '?';
      const expression = str(c['expression']) ?? '';
      const k = `${key}\u0000${expression}`;
      let inv = invariants.get(k);
      if (!inv) {
        inv = {
          key,
          severity: str(c['severity']) ?? '',
          human: str(c['human']) ?? '',
          expression,
          source: site.canonical(pkg, path, str(c['source']), 'StructureDefinition'),
          paths: [],
        };
        invariants.set(k, inv);
      }
      inv.paths.push(str(e['id']) ?? '?');
    }
  }
  const contexts = arr(sd['context']).map((c) => ({ type: str(c['type']) ?? '', expression: str(c['expression']) ?? '' }));
  return site.t.structurePage({
    title: str(sd['title']) ?? str(sd.name) ?? sd.id,
    kindLabel,
    kindNoun: extension ? 'extension' : 'profile',
    url: sd.url,
    version: sd.version,
    status: str(sd['status']) ?? '',
    description: markdownField(sd['description']),
    purpose: markdownField(sd['purpose']),
    type: str(sd['type']) ?? '',
    parent: site.canonical(pkg, path, str(sd['baseDefinition']), 'StructureDefinition'),
    packageHref: rel(path, packagePath(pkg)),
    packageLabel: pkgKey(pkg.id, pkg.version),
    contexts,
    valueTypes,
    subExtensions,
    differential: { rows: elementRows(site, pkg, path, differential, 'd', false) },
    snapshot: { rows: elementRows(site, pkg, path, snapshot, 's', true) },
    slicings,
    usedBy: site.usesOf(path),
    invariants: [...invariants.values()].map((i) => ({
      ...i,
      elements: i.paths.length > 4 ? `${i.paths.slice(0, 3).join(', ')} … (${i.paths.length} elements)` : i.paths.join(', '),
    })),
  });
}
