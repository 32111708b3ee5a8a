import type { ElementRuleIR, SourceInfo } from '../ir/types.js';
import type { ExtensionHandle, StructureHandle } from './handles.js';
import type { TypeAtPath, UnknownPath } from './paths.js';
import { withKey } from './source.js';
import {
  lowerBinding,
  lowerSlicing,
  lowerType,
  parseCard,
  type BindingSpec,
  type Card,
  type Obeys,
  type SlicingSpec,
  type TypeSpec,
} from './types.js';
import type { FhirValue } from './values.js';

type DeepPartial<T> = T extends readonly (infer U)[]
  ? readonly DeepPartial<U>[]
  : T extends object
    ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** Everything an author can say about one element. `T` is the element's type in the path registry. */
export interface ElementSpec<T = unknown> {
  readonly card?: Card;
  /** mustSupport */
  readonly ms?: boolean;
  /** Narrow the allowed types (`only` in FSH). */
  readonly only?: readonly TypeSpec[];
  /** fixed[x]: the instance value must be exactly this. */
  readonly fixed?: FhirValue<T>;
  /** pattern[x]: the instance value must contain this. */
  readonly pattern?: DeepPartial<FhirValue<T>>;
  /** FHIR type of `fixed`/`pattern` when the element allows several types. */
  readonly valueType?: string;
  readonly binding?: BindingSpec;
  readonly slicing?: SlicingSpec;
  /** Slices to create (or constrain, when the parent already has them), by slice name. */
  readonly slices?: { readonly [name: string]: ElementSpec<T> };
  /** Extension slices on an `extension`/`modifierExtension` element: slice name → extension. */
  readonly extensions?: { readonly [name: string]: ExtensionSliceSpec };
  /** Constraints on child elements, with paths relative to this element. */
  readonly elements?: { readonly [path: string]: ElementSpec<unknown> };
  readonly obeys?: Obeys;
  readonly short?: string;
  readonly definition?: string;
  readonly comment?: string;
  readonly requirements?: string;
  readonly alias?: readonly string[];
  readonly maxLength?: number;
  readonly isModifier?: boolean;
  readonly isModifierReason?: string;
  readonly isSummary?: boolean;
  readonly condition?: readonly string[];
  /** Any other ElementDefinition field, set as given (FSH caret rules). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface ExtensionSliceSpec extends Omit<ElementSpec, 'only'> {
  readonly extension: ExtensionHandle | StructureHandle | string;
}

type JoinPath<A extends string, B extends string> = B extends '.' ? (A extends '' ? '.' : A) : A extends '' | '.' ? B : `${A}.${B}`;

/**
 * Checks every key of an `elements` map against the structure `K`, recursively into slices and
 * nested `elements` (whose keys are relative to their element; slice children are the sliced
 * element's children, so a new slice needs no entry of its own).
 */
export type CheckElements<K extends string, E, Prefix extends string = ''> = {
  [P in keyof E]: P extends string
    ? [TypeAtPath<K, JoinPath<Prefix, P>>] extends [never]
      ? UnknownPath<JoinPath<Prefix, P>, K>
      : CheckSpec<K, JoinPath<Prefix, P>, E[P]>
    : never;
};

type CheckSpec<K extends string, Path extends string, X> = Omit<ElementSpec<TypeAtPath<K, Path>>, 'elements' | 'slices'> &
  (X extends { readonly elements: infer N } ? { readonly elements: CheckElements<K, N, Path> } : { readonly elements?: never }) &
  (X extends { readonly slices: infer S }
    ? { readonly slices: { readonly [N in keyof S]: CheckSpec<K, Path, S[N]> } }
    : { readonly slices?: never });

function join(prefix: string, key: string): string {
  if (key === '.' || key === '') return prefix === '' ? '.' : prefix;
  return prefix === '' || prefix === '.' ? key : `${prefix}.${key}`;
}

/** Lower one element spec (and everything nested in it) to IR rules, in authoring order. */
export function lowerElementSpec(path: string, spec: ElementSpec<unknown>, source: SourceInfo, out: ElementRuleIR[]): void {
  const rule: ElementRuleIR = { path, source: withKey(source, path) };
  if (spec.card !== undefined) Object.assign(rule, parseCard(spec.card));
  if (spec.ms !== undefined) rule.mustSupport = spec.ms;
  if (spec.only !== undefined) rule.types = spec.only.map(lowerType);
  if (spec.fixed !== undefined) rule.fixed = { value: spec.fixed, ...(spec.valueType ? { type: spec.valueType } : {}) };
  if (spec.pattern !== undefined) rule.pattern = { value: spec.pattern, ...(spec.valueType ? { type: spec.valueType } : {}) };
  if (spec.binding !== undefined) rule.binding = lowerBinding(spec.binding);
  if (spec.slicing !== undefined) rule.slicing = lowerSlicing(spec.slicing);
  if (spec.obeys !== undefined) rule.constraints = spec.obeys.map((i) => i.ir);
  if (spec.short !== undefined) rule.short = spec.short;
  if (spec.definition !== undefined) rule.definition = spec.definition;
  if (spec.comment !== undefined) rule.comment = spec.comment;
  if (spec.requirements !== undefined) rule.requirements = spec.requirements;
  if (spec.alias !== undefined) rule.alias = [...spec.alias];
  if (spec.maxLength !== undefined) rule.maxLength = spec.maxLength;
  if (spec.isModifier !== undefined) rule.isModifier = spec.isModifier;
  if (spec.isModifierReason !== undefined) rule.isModifierReason = spec.isModifierReason;
  if (spec.isSummary !== undefined) rule.isSummary = spec.isSummary;
  if (spec.condition !== undefined) rule.condition = [...spec.condition];
  if (spec.extra !== undefined) rule.extra = { ...spec.extra };
  const contains: { name: string; profile?: string }[] = [];
  for (const [name, ext] of Object.entries(spec.extensions ?? {})) {
    const url = typeof ext.extension === 'string' ? ext.extension : ext.extension.url;
    contains.push({ name, profile: url });
  }
  if (contains.length) rule.contains = contains;
  out.push(rule);
  for (const [name, s] of Object.entries(spec.extensions ?? {})) {
    const { extension: _ext, ...rest } = s;
    lowerElementSpec(`${path}[${name}]`, rest, source, out);
  }
  // as in a differential (snapshot order): the sliced element's children before its slices, so
  // that a slice copied from this profile's element (publisher-2026) sees the children's rules
  for (const [sub, s] of Object.entries(spec.elements ?? {})) lowerElementSpec(join(path, sub), s, source, out);
  const slices = Object.keys(spec.slices ?? {});
  if (slices.length) out.push({ path, source: withKey(source, path), contains: slices.map((name) => ({ name })) });
  for (const [name, s] of Object.entries(spec.slices ?? {})) lowerElementSpec(`${path}[${name}]`, s, source, out);
}

export function lowerElements(elements: Readonly<Record<string, ElementSpec<unknown>>> | undefined, source: SourceInfo): ElementRuleIR[] {
  const out: ElementRuleIR[] = [];
  for (const [key, spec] of Object.entries(elements ?? {})) lowerElementSpec(join('', key), spec, source, out);
  return out;
}
