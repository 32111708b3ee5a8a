/** The page of a ValueSet: its definition (includes and excludes) and its expansion by the local terminology. */
import type { FhirResource } from '../../defs/resource.js';
import type { SitePackage } from '../load.js';
import { arr, compact, markdownField, packagePath, pkgKey, rel, str, type Json, type Site } from '../site.js';

const EXPANSION_LIMIT = 2000;

export function valueSetBody(site: Site, pkg: SitePackage, vs: FhirResource, path: string): string {
  const compose = (vs['compose'] ?? {}) as Json;
  const part = (inc: Json, kind: string): Json => {
    const system = str(inc['system']);
    const version = str(inc['version']);
    return {
      kind,
      system:
        system !== undefined ? site.canonical(pkg, path, version !== undefined ? `${system}|${version}` : system, 'CodeSystem') : undefined,
      systemUri: system,
      version,
      valueSets: arr<string>(inc['valueSet']).map((v) => site.canonical(pkg, path, v, 'ValueSet')),
      filters: arr(inc['filter']).map((f) => ({ property: str(f['property']) ?? '', op: str(f['op']) ?? '', value: compact(f['value']) })),
      whole: system !== undefined && inc['concept'] === undefined && inc['filter'] === undefined,
      concepts: arr(inc['concept']).map((c) => ({
        code: str(c['code']) ?? '',
        display: str(c['display']) ?? '',
        designations: arr(c['designation']).map((d) => `${str(d['value']) ?? ''}${str(d['language']) ? ` (${str(d['language'])})` : ''}`),
      })),
    };
  };
  const parts = [
    ...arr(compose['include']).map((i, n) => part(i, `Include ${n + 1}`)),
    ...arr(compose['exclude']).map((i, n) => part(i, `Exclude ${n + 1}`)),
  ];
  const canonical = vs.version !== undefined ? `${vs.url ?? ''}|${vs.version}` : (vs.url ?? '');
  const listed = site.terminology(pkg).listExpansion(canonical);
  const shown = listed.codes.slice(0, EXPANSION_LIMIT);
  const complete = listed.incomplete.length === 0;
  const summary =
    listed.codes.length === 0
      ? complete
        ? 'The expansion is empty.'
        : 'Not expanded by the local terminology.'
      : `${listed.codes.length} code${listed.codes.length === 1 ? '' : 's'}${complete ? '' : ' known to be in the value set (the expansion is not complete here)'}${shown.length < listed.codes.length ? `; the first ${shown.length} are shown` : ''}, as the validator's local terminology expands it.`;
  // where the local terminology leaves a whole-system include undecided (an external system such as
  // NPU, which wherever else it is bound means all of NPU), show what the package's own CodeSystem
  // resource lists, labelled as such
  const listedBySystem = complete
    ? []
    : arr(compose['include']).flatMap((inc) => {
        const system = str(inc['system']);
        if (system === undefined || inc['concept'] !== undefined || inc['filter'] !== undefined) return [];
        const cs = site
          .resolver(pkg)
          .resolve(str(inc['version']) !== undefined ? `${system}|${str(inc['version'])}` : system, 'CodeSystem');
        if (!cs || cs.resource['content'] !== 'complete') return [];
        const codes: { code: string; display: string }[] = [];
        const visit = (list: Json[]): void => {
          for (const c of list) {
            codes.push({ code: str(c['code']) ?? '', display: str(c['display']) ?? '' });
            visit(arr(c['concept']));
          }
        };
        visit(arr(cs.resource['concept']));
        return [{ system, link: site.canonical(pkg, path, system, 'CodeSystem'), codes }];
      });
  return site.t.valueSetPage({
    usedBy: site.usesOf(path),
    listedBySystem,
    title: str(vs['title']) ?? str(vs.name) ?? vs.id,
    url: vs.url,
    version: vs.version,
    status: str(vs['status']) ?? '',
    description: markdownField(vs['description']),
    packageHref: rel(path, packagePath(pkg)),
    packageLabel: pkgKey(pkg.id, pkg.version),
    parts,
    expansion: {
      summary,
      codes: shown.map((c) => ({ system: c.system, code: c.code, display: c.display ?? '' })),
      incomplete: listed.incomplete,
    },
  });
}
