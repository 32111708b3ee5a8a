import type { CodeSystemIR, ConceptIR, ValueSetIncludeIR, ValueSetIR } from '../ir/types.js';
import type { CodeSystemHandle, ValueSetHandle } from './handles.js';
import type { Pkg } from './package.js';
import { callerSource } from './source.js';

type Status = 'draft' | 'active' | 'retired' | 'unknown';

export interface ConceptSpec {
  readonly code: string;
  readonly display?: string;
  readonly definition?: string;
  readonly designation?: ConceptIR['designation'];
  readonly property?: ConceptIR['property'];
  readonly concept?: readonly ConceptSpec[];
}

export interface CodeSystemSpec<Code extends string> {
  readonly id: string;
  readonly name: string;
  readonly title?: string;
  readonly description?: string;
  /** Defaults to `<canonical>/CodeSystem/<id>`; give it for OID or external systems. */
  readonly url?: string;
  /** Defaults to the package version. */
  readonly version?: string;
  readonly status?: Status;
  readonly experimental?: boolean;
  readonly content?: CodeSystemIR['content'];
  readonly caseSensitive?: boolean;
  readonly supplements?: string;
  readonly valueSet?: string;
  readonly hierarchyMeaning?: string;
  readonly identifier?: CodeSystemIR['identifier'];
  readonly property?: CodeSystemIR['property'];
  readonly concepts: readonly (ConceptSpec & { readonly code: Code })[];
  readonly extra?: Readonly<Record<string, unknown>>;
}

function lowerConcept(c: ConceptSpec): ConceptIR {
  const out: ConceptIR = { code: c.code };
  if (c.display !== undefined) out.display = c.display;
  if (c.definition !== undefined) out.definition = c.definition;
  if (c.designation !== undefined) out.designation = c.designation.map((d) => structuredClone(d));
  if (c.property !== undefined) out.property = c.property.map((p) => structuredClone(p));
  if (c.concept !== undefined) out.concept = c.concept.map(lowerConcept);
  return out;
}

/** Define a CodeSystem; its codes become a typed union for use in profiles and examples. */
export function defineCodeSystem<const Code extends string>(pkg: Pkg, spec: CodeSystemSpec<Code>): CodeSystemHandle<Code> {
  const source = callerSource();
  const url = spec.url ?? `${pkg.canonical}/CodeSystem/${spec.id}`;
  const ir: CodeSystemIR = {
    resourceType: 'CodeSystem',
    id: spec.id,
    url,
    version: spec.version ?? pkg.version,
    name: spec.name,
    status: spec.status ?? pkg.status,
    content: spec.content ?? 'complete',
    concept: spec.concepts.map(lowerConcept),
    source,
  };
  if (spec.title !== undefined) ir.title = spec.title;
  if (spec.description !== undefined) ir.description = spec.description;
  if (spec.experimental !== undefined) ir.experimental = spec.experimental;
  if (spec.caseSensitive !== undefined) ir.caseSensitive = spec.caseSensitive;
  if (spec.supplements !== undefined) ir.supplements = spec.supplements;
  if (spec.valueSet !== undefined) ir.valueSet = spec.valueSet;
  if (spec.hierarchyMeaning !== undefined) ir.hierarchyMeaning = spec.hierarchyMeaning;
  if (spec.identifier !== undefined) ir.identifier = spec.identifier.map((i) => ({ ...i }));
  if (spec.property !== undefined) ir.property = spec.property.map((p) => ({ ...p }));
  if (spec.extra !== undefined) ir.extra = { ...spec.extra };
  const codes: Code[] = [];
  const walk = (cs: readonly ConceptSpec[]): void => {
    for (const c of cs) {
      codes.push(c.code as Code);
      if (c.concept) walk(c.concept);
    }
  };
  walk(spec.concepts);
  return { __handle: 'codesystem', url, version: ir.version, ir, codes };
}

/**
 * A CodeSystem spec kept as a value, so that a later version of the package can import it and carry it
 * over or amend it (`{ ...spec, description: '…' }`); keeps the codes' literal types for the handle.
 */
export function codeSystemSpec<const Code extends string>(spec: CodeSystemSpec<Code>): CodeSystemSpec<Code> {
  return spec;
}

/** A code system we do not author (SNOMED CT, LOINC, an OID system …), named by its url. */
export function externalCodeSystem<const Code extends string = string>(url: string, codes: readonly Code[] = []): CodeSystemHandle<Code> {
  return { __handle: 'codesystem', url, codes };
}

export interface IncludeSpec {
  /** A code system handle or url. */
  readonly system?: CodeSystemHandle | string;
  readonly version?: string;
  readonly concepts?: readonly (
    string | { readonly code: string; readonly display?: string; readonly designation?: ConceptIR['designation'] }
  )[];
  readonly filter?: readonly { readonly property: string; readonly op: string; readonly value: string }[];
  readonly valueSet?: readonly (ValueSetHandle | string)[];
}

export interface ValueSetSpec {
  readonly id: string;
  readonly name: string;
  readonly title?: string;
  readonly description?: string;
  readonly url?: string;
  readonly version?: string;
  readonly status?: Status;
  readonly experimental?: boolean;
  readonly identifier?: ValueSetIR['identifier'];
  readonly include: readonly IncludeSpec[];
  readonly exclude?: readonly IncludeSpec[];
  readonly extra?: Readonly<Record<string, unknown>>;
}

function lowerInclude(i: IncludeSpec): ValueSetIncludeIR {
  const out: ValueSetIncludeIR = {};
  if (i.system !== undefined) out.system = typeof i.system === 'string' ? i.system : i.system.url;
  if (i.version !== undefined) out.version = i.version;
  if (i.concepts !== undefined) {
    out.concept = i.concepts.map((c) => {
      if (typeof c === 'string') return { code: c };
      const o: { code: string; display?: string; designation?: ConceptIR['designation'] } = { code: c.code };
      if (c.display !== undefined) o.display = c.display;
      if (c.designation !== undefined) o.designation = c.designation.map((d) => structuredClone(d));
      return o;
    });
  }
  if (i.filter !== undefined) out.filter = i.filter.map((f) => ({ ...f }));
  if (i.valueSet !== undefined) out.valueSet = i.valueSet.map((v) => (typeof v === 'string' ? v : v.url));
  return out;
}

export function defineValueSet(pkg: Pkg, spec: ValueSetSpec): ValueSetHandle {
  const source = callerSource();
  const url = spec.url ?? `${pkg.canonical}/ValueSet/${spec.id}`;
  const ir: ValueSetIR = {
    resourceType: 'ValueSet',
    id: spec.id,
    url,
    version: spec.version ?? pkg.version,
    name: spec.name,
    status: spec.status ?? pkg.status,
    compose: { include: spec.include.map(lowerInclude) },
    source,
  };
  if (spec.exclude?.length) ir.compose.exclude = spec.exclude.map(lowerInclude);
  if (spec.title !== undefined) ir.title = spec.title;
  if (spec.description !== undefined) ir.description = spec.description;
  if (spec.experimental !== undefined) ir.experimental = spec.experimental;
  if (spec.identifier !== undefined) ir.identifier = spec.identifier.map((i) => ({ ...i }));
  if (spec.extra !== undefined) ir.extra = { ...spec.extra };
  return { __handle: 'valueset', url, version: ir.version, ir };
}

/** A ValueSet spec kept as a value, so that a later version of the package can import and amend it. */
export function valueSetSpec(spec: ValueSetSpec): ValueSetSpec {
  return spec;
}

/**
 * A value set we do not author (FHIR core, THO, IHE …), named by its canonical url; with `version`, the
 * handle's canonical is pinned to it (`url|version`), as a binding that names a version writes it.
 */
export function externalValueSet(url: string, version?: string): ValueSetHandle {
  return version === undefined ? { __handle: 'valueset', url } : { __handle: 'valueset', url: `${url}|${version}`, version };
}

/**
 * One of our value sets, its canonical pinned to its version (`url|version`), for a binding that names the version
 * as published. The handle is for binding only: it carries no IR, so a package cannot ship it a second time.
 */
export function pinnedValueSet(vs: ValueSetHandle): ValueSetHandle {
  if (vs.version === undefined) throw new Error(`${vs.url} has no version to pin`);
  return { __handle: 'valueset', url: `${vs.url}|${vs.version}`, version: vs.version };
}
