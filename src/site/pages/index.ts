/** The site's index page: the standards, and every package documented with its resource counts. */
import { IGS, listStandards, type IgAlias } from '../../standards/igs.js';
import type { FhirResource } from '../../defs/resource.js';
import { IG_FACTS } from '../ig-facts.js';
import type { SitePackage } from '../load.js';
import { igPath, packagePath, pkgKey, str, type Site } from '../site.js';
import { isExtension } from './extension.js';

export function writeIndex(
  site: Site,
  igs: readonly IgAlias[],
  packages: readonly SitePackage[],
  usedBy: ReadonlyMap<string, IgAlias[]>,
): void {
  const count = (p: SitePackage, f: (r: FhirResource) => boolean): number => p.resources.filter(f).length;
  const isExt = (r: FhirResource): boolean => r.resourceType === 'StructureDefinition' && isExtension(r);
  const listed = listStandards();
  site.write({
    path: 'index.html',
    title: 'MedCom FHIR Implementation Guides',
    crumbs: [],
    body: site.t.indexPage({
      igs: igs.map((a) => {
        const s = listed.find((x) => x.alias === a)!;
        // every version we build, the current one marked, each linking to its package page when documented
        const versions = s.versions.map((v) => {
          const p = packages.find((x) => x.id === s.packageId && x.version === v.version);
          return { version: v.version, current: v.current, href: p ? packagePath(p) : '' };
        });
        return { ...IG_FACTS[a], packageId: IGS[a].packageId, version: IGS[a].version, href: igPath(a), versions };
      }),
      packages: packages.map((p) => ({
        id: p.id,
        version: p.version,
        title: str(p.manifest.title) ?? '',
        href: packagePath(p),
        profiles: count(p, (r) => r.resourceType === 'StructureDefinition' && !isExt(r) && r['derivation'] === 'constraint'),
        extensions: count(p, isExt),
        valueSets: count(p, (r) => r.resourceType === 'ValueSet'),
        codeSystems: count(p, (r) => r.resourceType === 'CodeSystem'),
        usedBy: (usedBy.get(pkgKey(p.id, p.version)) ?? []).map((a) => IG_FACTS[a].title),
      })),
      rulesHref: 'rules/index.html',
    }),
  });
}
