/** The page of a package version: what it is, who uses it, its dependencies, its version changes, its resources by kind. */
import type { IgAlias } from '../../standards/igs.js';
import type { FhirResource } from '../../defs/resource.js';
import { IG_FACTS } from '../ig-facts.js';
import type { SitePackage } from '../load.js';
import {
  arr,
  igPath,
  markdownField,
  packagePath,
  pkgKey,
  plainSummary,
  rel,
  resourcePath,
  str,
  type Json,
  type Link,
  type Site,
} from '../site.js';
import { codeSystemBody } from './code-system.js';
import { resourceBody } from './resource.js';
import { structureBody } from './structure.js';
import { valueSetBody } from './value-set.js';

type Group = { label: string; items: { name: string; id: string; description: string; href: string }[] };

export function resourceGroups(pkg: SitePackage, from: string): Group[] {
  const item = (r: FhirResource, example = false): Group['items'][number] => ({
    name: str(r['title']) ?? str(r.name) ?? r.id ?? '?',
    id: r.id ?? '',
    description: plainSummary(r['description']),
    href: rel(from, resourcePath(pkg, r, example)),
  });
  const sds = pkg.resources.filter((r) => r.resourceType === 'StructureDefinition');
  const isExt = (r: FhirResource): boolean => r['type'] === 'Extension' && r['derivation'] === 'constraint';
  const groups: Group[] = [
    {
      label: 'Resource profiles',
      items: sds.filter((r) => !isExt(r) && r['derivation'] === 'constraint' && r['kind'] === 'resource').map((r) => item(r)),
    },
    {
      label: 'Data type profiles',
      items: sds.filter((r) => !isExt(r) && r['derivation'] === 'constraint' && r['kind'] !== 'resource').map((r) => item(r)),
    },
    { label: 'Extensions', items: sds.filter(isExt).map((r) => item(r)) },
    { label: 'Other StructureDefinitions', items: sds.filter((r) => !isExt(r) && r['derivation'] !== 'constraint').map((r) => item(r)) },
    { label: 'ValueSets', items: pkg.resources.filter((r) => r.resourceType === 'ValueSet').map((r) => item(r)) },
    { label: 'CodeSystems', items: pkg.resources.filter((r) => r.resourceType === 'CodeSystem').map((r) => item(r)) },
    {
      label: 'Other resources',
      items: pkg.resources.filter((r) => !['StructureDefinition', 'ValueSet', 'CodeSystem'].includes(r.resourceType)).map((r) => item(r)),
    },
    { label: 'Examples', items: pkg.examples.map((r) => item(r, true)) },
  ];
  return groups.filter((g) => g.items.length > 0 || g.label === 'Resource profiles');
}

/** The dependencies of a package, each linked to its page when documented, else why not. */
export function dependencyRows(site: Site, p: SitePackage, from: string): Json[] {
  return Object.entries(p.manifest.dependencies ?? {}).map(([id, version]) => {
    const page = site.packagePages.get(pkgKey(id, version));
    const built = site.input.packages.some((q) => q.id === id && q.version === version);
    const others = site.input.packages.filter((q) => q.id === id).map((q) => q.version);
    const note = page
      ? 'documented here'
      : built
        ? 'built, not documented for the chosen standards'
        : others.length
          ? `not built in this version (this project builds ${others.join(', ')})`
          : 'not built by this project';
    return { id, version, ...(page ? { href: rel(from, page) } : {}), note };
  });
}

/** The package page body. */
export function packageBody(site: Site, p: SitePackage, usedBy: readonly IgAlias[], changes: Link[]): string {
  const path = packagePath(p);
  return site.t.packagePage({
    id: p.id,
    version: p.version,
    title: str(p.manifest.title),
    description: markdownField(p.manifest.description),
    canonical: str(p.manifest.canonical) ?? '',
    fhirVersion: arr<string>(p.manifest.fhirVersions).join(', '),
    usedBy: usedBy.map((a) => ({ text: IG_FACTS[a].title, href: rel(path, igPath(a)) })),
    dependencies: dependencyRows(site, p, path),
    changes,
    groups: resourceGroups(p, path),
  });
}

/** Write a package version's page and the pages of its resources and examples. */
export function writePackage(site: Site, p: SitePackage, usedBy: readonly IgAlias[], changes: Link[]): void {
  const crumbs = [{ text: pkgKey(p.id, p.version), path: packagePath(p) }];
  site.write({ path: packagePath(p), title: pkgKey(p.id, p.version), crumbs: [], body: packageBody(site, p, usedBy, changes) });
  for (const r of p.resources) {
    const path = resourcePath(p, r);
    const title = str(r['title']) ?? str(r.name) ?? `${r.resourceType}/${r.id ?? ''}`;
    let body: string;
    if (r.resourceType === 'StructureDefinition') body = structureBody(site, p, r, path);
    else if (r.resourceType === 'ValueSet') body = valueSetBody(site, p, r, path);
    else if (r.resourceType === 'CodeSystem') body = codeSystemBody(site, p, r, path);
    else body = resourceBody(site, p, r, path, [{ label: 'JSON', text: JSON.stringify(r, null, 2) }]);
    site.write({ path, title, crumbs, body });
  }
  for (const r of p.examples) {
    const path = resourcePath(p, r, true);
    site.write({
      path,
      title: `Example ${r.resourceType}/${r.id ?? ''}`,
      crumbs,
      body: resourceBody(site, p, r, path, [{ label: 'JSON', text: JSON.stringify(r, null, 2) }]),
    });
  }
}
