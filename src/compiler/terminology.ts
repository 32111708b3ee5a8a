import type { CodeSystemIR, ValueSetIR } from '../ir/types.js';

const VS_ORDER = [
  'resourceType',
  'id',
  'meta',
  'implicitRules',
  'language',
  'extension',
  'url',
  'identifier',
  'version',
  'name',
  'title',
  'status',
  'experimental',
  'date',
  'publisher',
  'contact',
  'description',
  'useContext',
  'jurisdiction',
  'immutable',
  'purpose',
  'copyright',
  'compose',
];
const CS_ORDER = [
  'resourceType',
  'id',
  'meta',
  'implicitRules',
  'language',
  'extension',
  'url',
  'identifier',
  'version',
  'name',
  'title',
  'status',
  'experimental',
  'date',
  'publisher',
  'contact',
  'description',
  'useContext',
  'jurisdiction',
  'purpose',
  'copyright',
  'caseSensitive',
  'valueSet',
  'hierarchyMeaning',
  'compositional',
  'versionNeeded',
  'content',
  'supplements',
  'count',
  'filter',
  'property',
  'concept',
];

function ordered(obj: Record<string, unknown>, order: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of order) if (obj[k] !== undefined) out[k] = obj[k];
  for (const k of Object.keys(obj)) if (!(k in out) && obj[k] !== undefined) out[k] = obj[k];
  return out;
}

export function compileValueSet(ir: ValueSetIR, defaults: Record<string, unknown>): fhir4.ValueSet {
  const { source: _s, extra, ...rest } = ir;
  return ordered(
    { ...structuredClone(defaults), ...structuredClone(rest), ...structuredClone(extra ?? {}) },
    VS_ORDER,
  ) as unknown as fhir4.ValueSet;
}

function countConcepts(cs: { concept?: unknown[] }[]): number {
  let n = 0;
  for (const c of cs) {
    n++;
    if (c.concept) n += countConcepts(c.concept as { concept?: unknown[] }[]);
  }
  return n;
}

export function compileCodeSystem(ir: CodeSystemIR, defaults: Record<string, unknown>): fhir4.CodeSystem {
  const { source: _s, extra, ...rest } = ir;
  const out: Record<string, unknown> = { ...structuredClone(defaults), ...structuredClone(rest), ...structuredClone(extra ?? {}) };
  if (ir.content === 'complete' || ir.content === 'fragment') out['count'] = countConcepts(ir.concept);
  if (ir.concept.length === 0) delete out['concept'];
  return ordered(out, CS_ORDER) as unknown as fhir4.CodeSystem;
}
