import type { BindingIR, DiscriminatorIR, SlicingIR, TypeRefIR } from '../ir/types.js';
import type { InvariantHandle, StructureHandle, ValueSetHandle } from './handles.js';

/** `1..1`, `0..*`, `1..` (min only), `..1` (max only). */
export type Card = `${number}..${number | '*'}` | `${number}..` | `..${number | '*'}`;

export function parseCard(card: string): { min?: number; max?: string } {
  const m = /^(\d*)\.\.(\d+|\*)?$/.exec(card);
  if (!m) throw new Error(`invalid cardinality '${card}'`);
  const out: { min?: number; max?: string } = {};
  if (m[1]) out.min = Number(m[1]);
  if (m[2]) out.max = m[2];
  return out;
}

/** A Reference(...) or canonical(...) type with target profiles. */
export interface RefTypeSpec {
  readonly __type: 'ref';
  readonly code: 'Reference' | 'canonical' | 'CodeableReference';
  readonly targets: readonly (StructureHandle | string)[];
  readonly aggregation?: readonly ('contained' | 'referenced' | 'bundled')[];
  /** The same reference, restricted to targets contained in the Bundle (`aggregation = bundled`). */
  bundled(): RefTypeSpec;
}

function ref(code: RefTypeSpec['code'], targets: (StructureHandle | string)[], aggregation?: RefTypeSpec['aggregation']): RefTypeSpec {
  const spec: RefTypeSpec = {
    __type: 'ref',
    code,
    targets,
    ...(aggregation ? { aggregation } : {}),
    bundled: () => ref(code, targets, [...(aggregation ?? []), 'bundled']),
  };
  return spec;
}

/** `Reference(Patient, DkCoreRelatedPerson)`: targets are handles or canonical urls. */
export function Reference(...targets: (StructureHandle | string)[]): RefTypeSpec {
  return ref('Reference', targets);
}

export function Canonical(...targets: (StructureHandle | string)[]): RefTypeSpec {
  return ref('canonical', targets);
}

/** An allowed type: a FHIR type code, a profile handle (data type or extension profile) or a reference. */
export type TypeSpec = string | StructureHandle | RefTypeSpec;

const FHIR_SD = 'http://hl7.org/fhir/StructureDefinition/';

function targetUrl(t: StructureHandle | string): string {
  if (typeof t !== 'string') return t.url;
  return t.includes('/') ? t : FHIR_SD + t;
}

export function lowerType(t: TypeSpec): TypeRefIR {
  if (typeof t === 'string') return { code: t };
  if ('__type' in t) {
    const out: TypeRefIR = { code: t.code, targetProfile: t.targets.map(targetUrl) };
    if (t.aggregation) out.aggregation = [...t.aggregation];
    return out;
  }
  // a base FHIR type handle narrows to the type; a profile handle narrows to the profile
  if (t.ir === undefined && t.url === FHIR_SD + t.type) return { code: t.type };
  return { code: t.type, profile: [t.url] };
}

export type Strength = BindingIR['strength'];

/**
 * A binding names its value set by handle, never by a bare url string: `defineValueSet` for ours,
 * `externalValueSet(url, version?)` for one we do not author (base R4, THO, IHE …), `pinnedValueSet(handle)` for
 * a binding that names a version. So a typo in one of our value sets' names fails `tsc`, and every binding to
 * something outside our packages is spelled out as such.
 */
export interface BindingSpec {
  readonly strength: Strength;
  readonly valueSet: ValueSetHandle;
  readonly description?: string;
}

const binding = (strength: Strength, valueSet: ValueSetHandle, description?: string): BindingSpec => ({
  strength,
  valueSet,
  ...(description !== undefined ? { description } : {}),
});

export const required = (valueSet: ValueSetHandle, description?: string): BindingSpec => binding('required', valueSet, description);
export const extensible = (valueSet: ValueSetHandle, description?: string): BindingSpec => binding('extensible', valueSet, description);
export const preferred = (valueSet: ValueSetHandle, description?: string): BindingSpec => binding('preferred', valueSet, description);
export const example = (valueSet: ValueSetHandle, description?: string): BindingSpec => binding('example', valueSet, description);

export function lowerBinding(b: BindingSpec): BindingIR {
  const out: BindingIR = { strength: b.strength, valueSet: b.valueSet.url };
  if (b.description !== undefined) out.description = b.description;
  return out;
}

export interface SlicingSpec {
  readonly discriminator: readonly DiscriminatorIR[];
  readonly rules: SlicingIR['rules'];
  readonly ordered?: boolean;
  readonly description?: string;
}

/** Slicing shorthands: `slicing.value('system')`, `slicing.type('$this.resource')`, … (open, unordered). */
export const slicing = {
  value: (path: string, rules: SlicingIR['rules'] = 'open'): SlicingSpec => ({ discriminator: [{ type: 'value', path }], rules }),
  pattern: (path: string, rules: SlicingIR['rules'] = 'open'): SlicingSpec => ({ discriminator: [{ type: 'pattern', path }], rules }),
  type: (path: string, rules: SlicingIR['rules'] = 'open'): SlicingSpec => ({ discriminator: [{ type: 'type', path }], rules }),
  profile: (path: string, rules: SlicingIR['rules'] = 'open'): SlicingSpec => ({ discriminator: [{ type: 'profile', path }], rules }),
  exists: (path: string, rules: SlicingIR['rules'] = 'open'): SlicingSpec => ({ discriminator: [{ type: 'exists', path }], rules }),
};

export function lowerSlicing(s: SlicingSpec): SlicingIR {
  const out: SlicingIR = { discriminator: s.discriminator.map((d) => ({ type: d.type, path: d.path })), rules: s.rules };
  if (s.ordered !== undefined) out.ordered = s.ordered;
  if (s.description !== undefined) out.description = s.description;
  return out;
}

export type Obeys = readonly InvariantHandle[];
