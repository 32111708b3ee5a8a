import type { ElementRuleIR, StructureDefinitionIR } from '../ir/types.js';
import { type CheckElements, type ElementSpec, lowerElements } from './elements.js';
import type { ExtensionHandle } from './handles.js';
import type { Pkg } from './package.js';
import type { ProfileKey } from './define-profile.js';
import { callerSource, withKey } from './source.js';
import { lowerType, parseCard, type Card, type TypeSpec, type Obeys } from './types.js';

export type ContextSpec = string | { readonly type: 'element' | 'extension' | 'fhirpath'; readonly expression: string };

/** A sub-extension of a complex extension: its url is its slice name. */
export interface SubExtensionSpec {
  readonly card?: Card;
  readonly ms?: boolean;
  readonly short?: string;
  readonly definition?: string;
  readonly value: readonly TypeSpec[];
}

export interface ExtensionSpec {
  readonly id: string;
  readonly name: string;
  readonly title?: string;
  readonly description?: string;
  readonly status?: 'draft' | 'active' | 'retired' | 'unknown';
  readonly experimental?: boolean;
  /** Where the extension may be used: element paths (`Patient`, `Element`) or explicit contexts. */
  readonly context: readonly ContextSpec[];
  readonly short?: string;
  readonly definition?: string;
  readonly obeys?: Obeys;
  /** A simple extension's value types (`value[x] only …`). */
  readonly value?: readonly TypeSpec[];
  /** Sub-extensions of a complex extension (then `value[x]` is 0..0). */
  readonly extensions?: { readonly [url: string]: SubExtensionSpec };
  /** Further rules, relative to `Extension` (`value[x]`, `valueCoding.system` …). */
  readonly elements?: { readonly [path: string]: ElementSpec<unknown> };
  readonly extra?: Readonly<Record<string, unknown>>;
}

const EXTENSION = 'http://hl7.org/fhir/StructureDefinition/Extension';

type Checked<S> = S extends { readonly elements: infer E } ? Omit<S, 'elements'> & { readonly elements: CheckElements<'Extension', E> } : S;

/**
 * Define an extension. Like SUSHI, the compiler is told to fix `Extension.url` to the canonical,
 * to forbid sub-extensions on a simple extension and to narrow `value[x]` to the given types.
 */
export function defineExtension<const C extends string, const V extends string, const S extends ExtensionSpec>(
  pkg: Pkg<C, V>,
  spec: S & Checked<S>,
): ExtensionHandle<ProfileKey<C, S['id'], V>> {
  const source = callerSource();
  const url = `${pkg.canonical}/StructureDefinition/${spec.id}`;
  const rules: ElementRuleIR[] = [];
  const at = (path: string): ElementRuleIR => ({ path, source: withKey(source, path) });
  if (spec.obeys || spec.short !== undefined || spec.definition !== undefined) {
    const root = at('.');
    if (spec.obeys) root.constraints = spec.obeys.map((i) => i.ir);
    if (spec.short !== undefined) root.short = spec.short;
    if (spec.definition !== undefined) root.definition = spec.definition;
    rules.push(root);
  }
  const subs = Object.entries(spec.extensions ?? {});
  if (subs.length === 0) {
    rules.push({ ...at('extension'), max: '0' });
  } else {
    rules.push({ ...at('extension'), contains: subs.map(([name]) => ({ name })) });
    for (const [name, sub] of subs) {
      const slice = at(`extension[${name}]`);
      if (sub.card) Object.assign(slice, parseCard(sub.card));
      if (sub.ms !== undefined) slice.mustSupport = sub.ms;
      if (sub.short !== undefined) slice.short = sub.short;
      if (sub.definition !== undefined) slice.definition = sub.definition;
      rules.push(slice);
      rules.push({ ...at(`extension[${name}].extension`), max: '0' });
      rules.push({ ...at(`extension[${name}].url`), fixed: { value: name, type: 'uri' } });
      rules.push({ ...at(`extension[${name}].value[x]`), types: sub.value.map(lowerType) });
    }
  }
  rules.push({ ...at('url'), fixed: { value: url, type: 'uri' } });
  if (subs.length > 0) rules.push({ ...at('value[x]'), max: '0' });
  else if (spec.value) rules.push({ ...at('value[x]'), types: spec.value.map(lowerType) });
  rules.push(...lowerElements(spec.elements, source));
  const ir: StructureDefinitionIR = {
    resourceType: 'StructureDefinition',
    kind: 'extension',
    id: spec.id,
    url,
    version: pkg.version,
    name: spec.name,
    status: spec.status ?? pkg.status,
    parent: { url: EXTENSION },
    context: spec.context.map((c) => (typeof c === 'string' ? { type: 'element' as const, expression: c } : { ...c })),
    rules,
    source,
  };
  if (spec.title !== undefined) ir.title = spec.title;
  if (spec.description !== undefined) ir.description = spec.description;
  if (spec.experimental !== undefined) ir.experimental = spec.experimental;
  if (spec.extra !== undefined) ir.extra = { ...spec.extra };
  return {
    __handle: 'structure',
    url,
    version: pkg.version,
    type: 'Extension',
    kind: 'complex-type',
    key: `${url}|${pkg.version}` as ProfileKey<C, S['id'], V>,
    ir,
  };
}
