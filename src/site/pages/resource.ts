/** The page of any other resource, and of an example: what it is, its profiles, and its text (JSON, XML). */
import type { FhirResource } from '../../defs/resource.js';
import type { SitePackage } from '../load.js';
import { arr, markdownField, packagePath, pkgKey, rel, str, type Json, type Site } from '../site.js';

export interface SourceForm {
  label: string;
  text: string;
}

export function resourceBody(site: Site, pkg: SitePackage, r: FhirResource, path: string, forms: SourceForm[]): string {
  const meta = r['meta'] as Json | undefined;
  return site.t.resourcePage({
    title: str(r['title']) ?? str(r.name) ?? `${r.resourceType}/${r.id ?? ''}`,
    resourceType: r.resourceType,
    url: r.url,
    description: markdownField(r['description']),
    packageHref: rel(path, packagePath(pkg)),
    packageLabel: pkgKey(pkg.id, pkg.version),
    profiles: arr<string>(meta?.['profile']).map((p) => site.canonical(pkg, path, p, 'StructureDefinition')),
    forms,
  });
}
