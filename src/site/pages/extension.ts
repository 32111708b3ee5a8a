/** What an extension's page shows beyond a profile's: the types its value may have, and its sub-extensions. */
import type { FhirResource } from '../../defs/resource.js';
import type { SitePackage } from '../load.js';
import { arr, str, type Json, type Site } from '../site.js';
import { typeCells, type TypeCell } from './elements.js';
import { valueText } from '../../util/text.js';

export interface SubExtension {
  name: string;
  card: string;
  url: string;
  types: string[];
}

/** A StructureDefinition that defines an extension (a constraint on Extension). */
export function isExtension(r: FhirResource): boolean {
  return r['type'] === 'Extension' && r['derivation'] === 'constraint';
}

/** The value types and the sub-extensions (complex extensions) of an extension, from its snapshot. */
export function extensionFacts(
  site: Site,
  pkg: SitePackage,
  snapshot: Json[],
  path: string,
): { valueTypes: TypeCell[]; subExtensions: SubExtension[] } {
  const byId = new Map(snapshot.map((e) => [str(e['id']) ?? '', e]));
  const valueTypes = snapshot
    .filter((e) => e['id'] === 'Extension.value[x]' && e['max'] !== '0')
    .flatMap((e) => typeCells(site, pkg, path, e['type']));
  const subExtensions = snapshot
    .filter((e) => /^Extension\.extension:[^.]+$/.test(str(e['id']) ?? '') && e['max'] !== '0')
    .map((e) => {
      const id = str(e['id'])!;
      const urlEl = byId.get(`${id}.url`);
      const valueEl = byId.get(`${id}.value[x]`);
      return {
        name: str(e['sliceName']) ?? id,
        card: `${valueText(e['min'] ?? '')}..${str(e['max']) ?? ''}`,
        url: str(urlEl?.['fixedUri']) ?? '',
        types: arr(valueEl?.['type']).map((t) => str(t['code']) ?? '?'),
      };
    });
  return { valueTypes, subExtensions };
}
