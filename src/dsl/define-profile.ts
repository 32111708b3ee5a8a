import type { StructureDefinitionIR } from '../ir/types.js';
import { type CheckElements, type ElementSpec, lowerElements } from './elements.js';
import type { ProfileHandle, StructureHandle } from './handles.js';
import type { Pkg } from './package.js';
import { callerSource } from './source.js';
import type { Obeys } from './types.js';

export interface ProfileSpec {
  readonly id: string;
  readonly name: string;
  readonly title?: string;
  readonly description?: string;
  readonly purpose?: string;
  readonly status?: 'draft' | 'active' | 'retired' | 'unknown';
  readonly experimental?: boolean;
  /** Invariants on the root element. */
  readonly obeys?: Obeys;
  /** Root element texts. */
  readonly short?: string;
  readonly definition?: string;
  /** Element rules keyed by FSH-style path relative to the root (`code.coding[ICPC2code].code`). */
  readonly elements?: { readonly [path: string]: ElementSpec<unknown> };
  /** Extra StructureDefinition fields. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** The registry key of a profile: `<canonical>/StructureDefinition/<id>|<version>`. */
export type ProfileKey<C extends string, Id extends string, V extends string> = `${C}/StructureDefinition/${Id}|${V}`;

type Checked<K extends string, S> = S extends { readonly elements: infer E }
  ? Omit<S, 'elements'> & { readonly elements: CheckElements<K, E> }
  : S;

/**
 * Define a profile of `parent` in package `pkg`. Element keys are checked by `tsc` against the
 * parent's snapshot (and the data types below it): a typo or a slice the parent lacks is a type error.
 */
export function defineProfile<const C extends string, const V extends string, PK extends string, const S extends ProfileSpec>(
  pkg: Pkg<C, V>,
  parent: StructureHandle<PK>,
  spec: S & Checked<PK, S>,
): ProfileHandle<ProfileKey<C, S['id'], V>> {
  const source = callerSource();
  const url = `${pkg.canonical}/StructureDefinition/${spec.id}`;
  const rules = [];
  if (spec.obeys || spec.short !== undefined || spec.definition !== undefined) {
    rules.push({
      path: '.',
      source,
      ...(spec.obeys ? { constraints: spec.obeys.map((i) => i.ir) } : {}),
      ...(spec.short !== undefined ? { short: spec.short } : {}),
      ...(spec.definition !== undefined ? { definition: spec.definition } : {}),
    });
  }
  rules.push(...lowerElements(spec.elements, source));
  const ir: StructureDefinitionIR = {
    resourceType: 'StructureDefinition',
    kind: 'profile',
    id: spec.id,
    url,
    version: pkg.version,
    name: spec.name,
    status: spec.status ?? pkg.status,
    parent: { url: parent.url, version: parent.version },
    rules,
    source,
  };
  if (spec.title !== undefined) ir.title = spec.title;
  if (spec.description !== undefined) ir.description = spec.description;
  if (spec.purpose !== undefined) ir.purpose = spec.purpose;
  if (spec.experimental !== undefined) ir.experimental = spec.experimental;
  if (spec.extra !== undefined) ir.extra = { ...spec.extra };
  return {
    __handle: 'structure',
    url,
    version: pkg.version,
    type: parent.type,
    kind: parent.kind,
    key: `${url}|${pkg.version}` as ProfileKey<C, S['id'], V>,
    ir,
  };
}
