/** The home page of a standard (`ig/<alias>/`) and the pages of our example bundles for it. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { IGS, type IgAlias } from '../../standards/igs.js';
import { compareVersions } from '../../defs/package-source.js';
import type { FhirResource } from '../../defs/resource.js';
import { IG_FACTS } from '../ig-facts.js';
import type { SitePackage } from '../load.js';
import { arr, igPath, packagePath, rel, safeSegment, str, type Site } from '../site.js';
import { dependencyRows, resourceGroups } from './package.js';
import { resourceBody, type SourceForm } from './resource.js';

export interface IgExample {
  name: string;
  path: string;
  forms: SourceForm[];
  resource: FhirResource;
}

function igExamples(examplesDir: string, alias: IgAlias): IgExample[] {
  const dir = join(examplesDir, alias, 'valid');
  if (!existsSync(dir)) return [];
  const out: IgExample[] = [];
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.json')) continue;
    const stem = f.slice(0, -5);
    const text = readFileSync(join(dir, f), 'utf8');
    const where = join('examples', alias, 'valid', f).split(sep).join('/');
    let resource: FhirResource;
    let forms: SourceForm[];
    try {
      resource = JSON.parse(text) as FhirResource;
      forms = [{ label: `JSON (${where})`, text: JSON.stringify(resource, null, 2) }];
    } catch (e) {
      // shown as written, with the reason (the example tests fail on such a file)
      resource = { resourceType: 'Unreadable' };
      forms = [{ label: `JSON (${where}) — not valid JSON: ${(e as Error).message}`, text }];
    }
    const xml = join(dir, `${stem}.xml`);
    if (existsSync(xml))
      forms.push({
        label: `XML (${join('examples', alias, 'valid', `${stem}.xml`).split(sep).join('/')})`,
        text: readFileSync(xml, 'utf8').replace(/\r\n?/g, '\n'),
      });
    out.push({ name: stem, path: `ig/${alias}/examples/${safeSegment(stem)}.html`, forms, resource });
  }
  return out;
}

/**
 * Write the pages of a standard: its examples (from `examplesDir`, when found) and its home page.
 * `chain` is the standard's package and its dependencies, its own package first.
 */
export function writeIg(site: Site, alias: IgAlias, chain: SitePackage[], examplesDir: string | undefined): void {
  const ig = IGS[alias];
  const facts = IG_FACTS[alias];
  const own = chain[0]!;
  const path = igPath(alias);
  const examples = examplesDir !== undefined ? igExamples(examplesDir, alias) : [];
  for (const ex of examples) {
    site.write({
      path: ex.path,
      title: `${facts.title} example ${ex.name}`,
      crumbs: [{ text: facts.title, path }],
      body: resourceBody(site, own, ex.resource, ex.path, ex.forms),
    });
  }
  site.write({
    path,
    title: facts.title,
    crumbs: [],
    body: site.t.igPage({
      alias,
      title: facts.title,
      titleDa: facts.titleDa,
      status: facts.status,
      kind: facts.kind,
      purpose: facts.purpose,
      packageId: ig.packageId,
      version: ig.version,
      packageHref: rel(path, packagePath(own)),
      canonical: str(own.manifest.canonical) ?? '',
      fhirVersion: arr<string>(own.manifest.fhirVersions).join(', '),
      bundleProfile: site.canonical(own, path, ig.bundleProfile, 'StructureDefinition'),
      dependencies: dependencyRows(site, own, path),
      examples: examples.map((e) => ({ name: e.name, href: rel(path, e.path), forms: e.forms.map((f) => f.label.split(' ')[0]!) })),
      examplesNote:
        examplesDir === undefined
          ? 'The examples/ folder of the medcom-ig checkout was not found, so our example bundles are not shown.'
          : undefined,
      packages: [...chain]
        .sort((a, b) => (a === own ? -1 : b === own ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : compareVersions(a.version, b.version)))
        .map((p) => ({
          id: p.id,
          version: p.version,
          title: str(p.manifest.title),
          href: rel(path, packagePath(p)),
          groups: resourceGroups(p, path),
        })),
      rulesHref: rel(path, 'rules/index.html'),
    }),
  });
}
