import type { FhirResource } from '../defs/resource.js';
import { stableStringify } from '../util/json.js';

type ED = fhir4.ElementDefinition & Record<string, unknown>;

/** The element properties parity is measured on. */
export const PARITY_FIELDS = [
  'sliceName',
  'min',
  'max',
  'mustSupport',
  'type',
  'fixed',
  'pattern',
  'binding',
  'slicing',
  'constraint',
  'maxLength',
] as const;
export type ParityField = (typeof PARITY_FIELDS)[number];

export interface ElementDifference {
  id: string;
  field: ParityField | 'presence' | 'order' | 'designation' | 'property';
  ours: unknown;
  official: unknown;
}

export interface StructureParity {
  url: string;
  version: string;
  kind: 'StructureDefinition';
  elements: number;
  matching: number;
  differences: ElementDifference[];
}

export interface TerminologyParity {
  url: string;
  version: string;
  kind: 'ValueSet' | 'CodeSystem';
  /** Codes (CodeSystem) or include/exclude entries (ValueSet) compared. */
  elements: number;
  matching: number;
  differences: ElementDifference[];
}

function normType(types: fhir4.ElementDefinitionType[] | undefined): unknown {
  return (types ?? [])
    .map((t) => ({
      code: t.code,
      profile: [...(t.profile ?? [])].sort(),
      targetProfile: [...(t.targetProfile ?? [])].sort(),
      aggregation: [...(t.aggregation ?? [])].sort(),
    }))
    .sort((a, b) => stableStringify(a).localeCompare(stableStringify(b)));
}

function valuesOf(el: ED, prefix: 'fixed' | 'pattern'): unknown {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(el)) if (k.startsWith(prefix) && k.length > prefix.length) out[k] = el[k];
  return Object.keys(out).length ? out : undefined;
}

function fieldValue(el: ED, field: ParityField): unknown {
  switch (field) {
    case 'mustSupport':
      return el.mustSupport === true;
    case 'type':
      return normType(el.type);
    case 'fixed':
      return valuesOf(el, 'fixed');
    case 'pattern':
      return valuesOf(el, 'pattern');
    case 'binding':
      return el.binding ? { strength: el.binding.strength, valueSet: el.binding.valueSet } : undefined;
    case 'slicing':
      return el.slicing
        ? {
            discriminator: (el.slicing.discriminator ?? []).map((d) => ({ type: d.type, path: d.path })),
            rules: el.slicing.rules,
            ordered: el.slicing.ordered === true,
          }
        : undefined;
    case 'constraint':
      return (el.constraint ?? [])
        .map((c) => ({ key: c.key, severity: c.severity, human: c.human, expression: c.expression }))
        .sort((a, b) => a.key.localeCompare(b.key));
    default:
      return el[field];
  }
}

/** Compare two snapshots element by element (matched by element id). */
export function compareStructure(ours: FhirResource, official: FhirResource): StructureParity {
  const a = (ours['snapshot'] as { element?: ED[] } | undefined)?.element ?? [];
  const b = (official['snapshot'] as { element?: ED[] } | undefined)?.element ?? [];
  const aById = new Map(a.map((e) => [e.id!, e]));
  const bById = new Map(b.map((e) => [e.id!, e]));
  const ids = [...new Set([...b.map((e) => e.id!), ...a.map((e) => e.id!)])];
  const differences: ElementDifference[] = [];
  let matching = 0;
  for (const id of ids) {
    const x = aById.get(id);
    const y = bById.get(id);
    if (!x || !y) {
      differences.push({ id, field: 'presence', ours: x ? 'present' : 'missing', official: y ? 'present' : 'missing' });
      continue;
    }
    let same = true;
    for (const f of PARITY_FIELDS) {
      const u = fieldValue(x, f);
      const v = fieldValue(y, f);
      if (stableStringify(u) !== stableStringify(v)) {
        differences.push({ id, field: f, ours: u, official: v });
        same = false;
      }
    }
    if (same) matching++;
  }
  const orderA = a.map((e) => e.id).filter((id) => bById.has(id!));
  const orderB = b.map((e) => e.id).filter((id) => aById.has(id!));
  if (stableStringify(orderA) !== stableStringify(orderB)) {
    const at = orderA.findIndex((id, i) => id !== orderB[i]);
    differences.push({ id: orderA[at] ?? '?', field: 'order', ours: orderA.slice(at, at + 3), official: orderB.slice(at, at + 3) });
  }
  return { url: String(ours.url), version: String(ours.version), kind: 'StructureDefinition', elements: ids.length, matching, differences };
}

interface Designation {
  language?: string;
  use?: { system?: string; code?: string };
  value?: string;
}
interface Concept {
  code: string;
  display?: string;
  designation?: Designation[];
  property?: Record<string, unknown>[];
  concept?: Concept[];
}

function flatten(cs: Concept[] | undefined, out: Map<string, Concept> = new Map()): Map<string, Concept> {
  for (const c of cs ?? []) {
    out.set(c.code, c);
    flatten(c.concept, out);
  }
  return out;
}

/** A concept's designations as compared: language, use (system + code) and value, in order. */
function normDesignations(c: Concept): Designation[] {
  return (c.designation ?? []).map((d) => {
    const out: Designation = {};
    if (d.language !== undefined) out.language = d.language;
    if (d.use !== undefined) {
      out.use = {};
      if (d.use.system !== undefined) out.use.system = d.use.system;
      if (d.use.code !== undefined) out.use.code = d.use.code;
    }
    if (d.value !== undefined) out.value = d.value;
    return out;
  });
}

function designations(c: Concept): string {
  return stableStringify(normDesignations(c));
}

/** A concept's properties as compared: code and value, in order. */
function properties(c: Concept): string {
  return stableStringify(c.property ?? []);
}

/**
 * Compare code lists: a CodeSystem's concepts (one item per code: display, designations — language, use,
 * value — and properties), a ValueSet's compose (system + codes with display and designations + filters).
 */
export function compareTerminology(ours: FhirResource, official: FhirResource): TerminologyParity {
  const kind = ours.resourceType as 'ValueSet' | 'CodeSystem';
  const differences: ElementDifference[] = [];
  let elements = 0;
  let matching = 0;
  if (kind === 'CodeSystem') {
    const a = flatten(ours['concept'] as Concept[] | undefined);
    const b = flatten(official['concept'] as Concept[] | undefined);
    for (const code of new Set([...b.keys(), ...a.keys()])) {
      elements++;
      if (!a.has(code) || !b.has(code)) differences.push({ id: code, field: 'presence', ours: a.has(code), official: b.has(code) });
      else {
        const x = a.get(code)!;
        const y = b.get(code)!;
        if ((x.display ?? '') !== (y.display ?? '')) differences.push({ id: code, field: 'fixed', ours: x.display, official: y.display });
        else if (designations(x) !== designations(y))
          differences.push({ id: code, field: 'designation', ours: x.designation, official: y.designation });
        else if (properties(x) !== properties(y)) differences.push({ id: code, field: 'property', ours: x.property, official: y.property });
        else matching++;
      }
    }
    for (const f of ['content', 'caseSensitive'] as const) {
      elements++;
      if (stableStringify(ours[f]) !== stableStringify(official[f]))
        differences.push({ id: f, field: 'fixed', ours: ours[f], official: official[f] });
      else matching++;
    }
  } else {
    type Inc = { system?: string; version?: string; concept?: Concept[]; filter?: unknown[]; valueSet?: string[] };
    const norm = (list: Inc[] | undefined): string[] =>
      (list ?? []).map((i) =>
        stableStringify({
          system: i.system,
          version: i.version,
          valueSet: i.valueSet ?? [],
          filter: i.filter ?? [],
          concept: (i.concept ?? []).map((c) =>
            c.designation?.length
              ? { code: c.code, display: c.display, designation: normDesignations(c) }
              : { code: c.code, display: c.display },
          ),
        }),
      );
    const compose = (r: FhirResource): { include?: Inc[]; exclude?: Inc[] } =>
      (r['compose'] as { include?: Inc[]; exclude?: Inc[] } | undefined) ?? {};
    for (const part of ['include', 'exclude'] as const) {
      const a = norm(compose(ours)[part]);
      const b = norm(compose(official)[part]);
      const n = Math.max(a.length, b.length);
      for (let i = 0; i < n; i++) {
        elements++;
        if (a[i] === b[i]) matching++;
        else
          differences.push({
            id: `compose.${part}[${i}]`,
            field: 'fixed',
            ours: a[i] && JSON.parse(a[i]!),
            official: b[i] && JSON.parse(b[i]!),
          });
      }
    }
  }
  return { url: String(ours.url), version: String(ours.version), kind, elements, matching, differences };
}
