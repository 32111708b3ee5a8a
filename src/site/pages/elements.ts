/** The element tables of a StructureDefinition page (differential and snapshot), and slicing in words. */
import type { SitePackage } from '../load.js';
import { arr, compact, str, type Json, type Link, type Site } from '../site.js';
import { valueText } from '../../util/text.js';

export interface TypeCell {
  code: string;
  profiles: Link[];
  targets: Link[];
}

export function typeCells(site: Site, pkg: SitePackage, from: string, types: unknown): TypeCell[] {
  return arr(types).map((t) => ({
    code: (str(t['code']) ?? '?').replace(/^http:\/\/hl7\.org\/fhirpath\//, ''),
    profiles: arr<string>(t['profile']).map((p) => site.canonical(pkg, from, p, 'StructureDefinition')),
    targets: arr<string>(t['targetProfile']).map((p) => site.canonical(pkg, from, p, 'StructureDefinition')),
  }));
}

export function anchorOf(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_.:-]/g, '_')}`;
}

export function elementRows(site: Site, pkg: SitePackage, from: string, elements: Json[], prefix: string, snapshot: boolean): Json[] {
  return elements.map((e) => {
    const id = str(e['id']) ?? str(e['path']) ?? '?';
    const segments = id.split('.');
    const last = segments[segments.length - 1]!;
    const min = e['min'];
    const max = str(e['max']);
    const flags: { text: string; title: string }[] = [];
    if (e['mustSupport'] === true) flags.push({ text: 'S', title: 'must support' });
    if (e['isModifier'] === true)
      flags.push({ text: '?!', title: `modifier${str(e['isModifierReason']) ? `: ${str(e['isModifierReason'])}` : ''}` });
    if (e['isSummary'] === true) flags.push({ text: 'Σ', title: 'in summary' });
    const constraints = arr(e['constraint'])
      .map((c) => str(c['key']) ?? '?')
      .filter((k) => k !== 'ele-1');
    if (constraints.length) flags.push({ text: 'I', title: `invariants: ${constraints.join(', ')}` });
    const values: { kind: string; text: string }[] = [];
    for (const k of Object.keys(e).sort()) {
      if (/^(fixed|pattern)[A-Z]/.test(k)) values.push({ kind: k.startsWith('fixed') ? 'fixed' : 'pattern', text: compact(e[k]) });
    }
    const binding = e['binding'] as Json | undefined;
    const slicing = e['slicing'] as Json | undefined;
    const card = snapshot || min !== undefined || max !== undefined ? `${min === undefined ? '' : valueText(min)}..${max ?? ''}` : '';
    return {
      id,
      anchor: anchorOf(prefix, id),
      depth: Math.min(segments.length - 1, 23),
      name: last.includes(':') ? last.slice(0, last.indexOf(':')) : last,
      sliceName: str(e['sliceName']),
      flags,
      card,
      prohibited: max === '0',
      types: typeCells(site, pkg, from, e['type']),
      binding: binding
        ? {
            strength: str(binding['strength']) ?? '',
            valueSet:
              binding['valueSet'] !== undefined
                ? site.canonical(pkg, from, str(binding['valueSet']), 'ValueSet')
                : { text: str(binding['description']) ?? '' },
          }
        : undefined,
      values,
      slicing: slicing ? slicingText(slicing) : undefined,
      short: str(e['short']) ?? '',
      constraints,
    };
  });
}

export function discriminators(slicing: Json): { type: string; path: string }[] {
  return arr(slicing['discriminator']).map((d) => ({ type: str(d['type']) ?? '?', path: str(d['path']) ?? '?' }));
}

function slicingText(slicing: Json): string {
  const d = discriminators(slicing)
    .map((x) => `${x.type} ${x.path}`)
    .join(', ');
  return `${d || 'no discriminator'}; ${str(slicing['rules']) ?? '?'}${slicing['ordered'] === true ? '; ordered' : ''}`;
}
