/** The version-change pages: each package documented in several versions, one page per step. */
import { diffPackages, diffSide } from '../../diff/compare.js';
import { changeGroups } from '../../diff/render.js';
import type { SitePackage } from '../load.js';
import { packagePath, pkgKey, rel, safeSegment, type Link, type Site } from '../site.js';

/** Write the change pages; the links to them, per package version (`id#version`). */
export function writeChanges(site: Site, versionsById: Map<string, SitePackage[]>): Map<string, Link[]> {
  const changeLinks = new Map<string, Link[]>();
  for (const [id, versions] of versionsById) {
    for (let i = 1; i < versions.length; i++) {
      const a = versions[i - 1]!;
      const b = versions[i]!;
      const path = `pkg/${safeSegment(id)}/changes-${safeSegment(a.version)}-to-${safeSegment(b.version)}.html`;
      const diff = diffPackages(diffSide(a, a.resources, pkgKey(a.id, a.version)), diffSide(b, b.resources, pkgKey(b.id, b.version)), {
        structure: (url) => site.input.definitions.base.find(url)?.resource as unknown as fhir4.StructureDefinition | undefined,
      });
      const groups = changeGroups(diff).map((g) => {
        const page = g.resourceType === 'package' ? undefined : site.target(b, g.resource, g.resourceType).path;
        return {
          heading: g.heading,
          ...(page ? { href: rel(path, page) } : {}),
          changes: g.changes.map((c) => ({ impact: c.impact, kind: c.kind, element: c.element ?? '', text: c.text })),
        };
      });
      site.write({
        path,
        title: `${id} ${a.version} → ${b.version}`,
        crumbs: [{ text: pkgKey(id, b.version), path: packagePath(b) }],
        body: site.t.changesPage({
          id,
          from: a.version,
          to: b.version,
          fromHref: rel(path, packagePath(a)),
          toHref: rel(path, packagePath(b)),
          summary: diff.summary,
          groups,
        }),
      });
      for (const v of [a, b]) {
        const key = pkgKey(v.id, v.version);
        changeLinks.set(key, [
          ...(changeLinks.get(key) ?? []),
          { text: `${a.version} → ${b.version}`, title: path, href: rel(packagePath(v), path) },
        ]);
      }
    }
  }
  return changeLinks;
}
