/** The page of a CodeSystem: its properties and its concepts (hierarchy, designations, property values). */
import type { FhirResource } from '../../defs/resource.js';
import type { SitePackage } from '../load.js';
import { arr, markdownField, packagePath, pkgKey, rel, str, type Json, type Site } from '../site.js';
import { valueText } from '../../util/text.js';

function propertyValue(p: Json): string {
  for (const k of ['valueCode', 'valueString', 'valueBoolean', 'valueDateTime', 'valueInteger', 'valueDecimal']) {
    if (p[k] !== undefined) return valueText(p[k]);
  }
  const coding = p['valueCoding'] as Json | undefined;
  if (coding) return `${str(coding['system']) ?? ''}#${str(coding['code']) ?? ''}`;
  return '';
}

const SNOMED_SYNONYM = '900000000000013009';

function designationLabel(d: Json): string {
  const use = d['use'] as Json | undefined;
  const code = str(use?.['code']);
  const useText = code === SNOMED_SYNONYM ? 'Short name (synonym)' : (str(use?.['display']) ?? code ?? 'Designation');
  const language = str(d['language']);
  return language !== undefined ? `${useText} (${language === 'da' || language.startsWith('da-') ? 'Danish' : language})` : useText;
}

export function codeSystemBody(site: Site, pkg: SitePackage, cs: FhirResource, path: string): string {
  const flat: { c: Json; depth: number }[] = [];
  const visit = (list: Json[], depth: number): void => {
    for (const c of list) {
      flat.push({ c, depth: Math.min(depth, 23) });
      visit(arr(c['concept']), depth + 1);
    }
  };
  visit(arr(cs['concept']), 0);
  const dColumns: string[] = [];
  const pColumns: string[] = arr(cs['property']).map((p) => str(p['code']) ?? '?');
  for (const { c } of flat) {
    for (const d of arr(c['designation'])) {
      const l = designationLabel(d);
      if (!dColumns.includes(l)) dColumns.push(l);
    }
    for (const p of arr(c['property'])) {
      const k = str(p['code']) ?? '?';
      if (!pColumns.includes(k)) pColumns.push(k);
    }
  }
  const concepts = flat.map(({ c, depth }) => ({
    depth,
    code: str(c['code']) ?? '',
    display: str(c['display']) ?? '',
    definition: str(c['definition']) ?? '',
    designations: dColumns.map((col) =>
      arr(c['designation'])
        .filter((d) => designationLabel(d) === col)
        .map((d) => str(d['value']) ?? '')
        .join('; '),
    ),
    properties: pColumns.map((col) =>
      arr(c['property'])
        .filter((p) => p['code'] === col)
        .map(propertyValue)
        .join('; '),
    ),
  }));
  return site.t.codeSystemPage({
    usedBy: site.usesOf(path),
    title: str(cs['title']) ?? str(cs.name) ?? cs.id,
    url: cs.url,
    version: cs.version,
    status: str(cs['status']) ?? '',
    description: markdownField(cs['description']),
    packageHref: rel(path, packagePath(pkg)),
    packageLabel: pkgKey(pkg.id, pkg.version),
    content: str(cs['content']) ?? '',
    caseSensitive: cs['caseSensitive'] === undefined ? 'not stated' : valueText(cs['caseSensitive']),
    language: str(cs['language']),
    valueSet: cs['valueSet'] !== undefined ? site.canonical(pkg, path, str(cs['valueSet']), 'ValueSet') : undefined,
    supplements: cs['supplements'] !== undefined ? site.canonical(pkg, path, str(cs['supplements']), 'CodeSystem') : undefined,
    properties: arr(cs['property']).map((p) => ({
      code: str(p['code']) ?? '',
      type: str(p['type']) ?? '',
      description: str(p['description']) ?? '',
    })),
    count: flat.length,
    designationColumns: dColumns,
    propertyColumns: pColumns,
    concepts,
  });
}
