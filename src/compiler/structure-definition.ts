import type { Resolver } from '../defs/registry.js';
import type { ElementRuleIR, StructureDefinitionIR } from '../ir/types.js';
import { applyBinding } from './apply/binding.js';
import { applyCard } from './apply/card.js';
import { applyConstraints } from './apply/constraints.js';
import type { ApplyContext } from './apply/context.js';
import { applyFlags } from './apply/flags.js';
import { applyContains, applySlicing, createTypeSlice } from './apply/slicing.js';
import { applyTypes } from './apply/type.js';
import { applyValues } from './apply/value.js';
import type { Diagnostics } from './diagnostics.js';
import { computeDifferential } from './differential.js';
import { ElementList, isCoreDefinition, pinCoreCanonicals, UnfoldError, type ED, type SD } from './element-list.js';
import { parseFshPath } from './paths.js';
import { finishSnapshot } from './post-process.js';
import type { SnapshotRules } from './snapshot-rules.js';
import { SNAPSHOT_RULES } from './snapshot-rules.js';

export interface CompileOptions {
  /** StructureDefinition-level fields every resource of the package carries (publisher, contact…). */
  defaults?: Record<string, unknown>;
  rules?: SnapshotRules;
  /** `url|version` for an inherited canonical the package pins (see `pinInheritedCanonicals`), else undefined. */
  pin?: (url: string) => string | undefined;
  /** Canonicals to pin in the snapshot (url → version), see PackageIR.snapshotPins. */
  pins?: Readonly<Record<string, string>>;
}

/** Element ids a profile's rules addressed (directly, or by creating them). */
export type Touched = Set<string>;

/** Resolve an FSH path to an element index, unfolding and creating type slices on the way. */
function resolvePath(
  list: ElementList,
  path: string,
  touched: Touched,
): { index: number } | { error: string; kind: 'path' | 'slice' | 'unfold' } {
  let segments;
  try {
    segments = parseFshPath(path);
  } catch (e) {
    return { error: (e as Error).message, kind: 'path' };
  }
  let i = 0;
  for (const seg of segments) {
    let r;
    try {
      r = list.child(i, seg);
    } catch (e) {
      if (e instanceof UnfoldError) return { error: e.message, kind: 'unfold' };
      throw e;
    }
    if ('error' in r) return r;
    if ('choice' in r) {
      i = createTypeSlice(list, r.choice.index, r.choice.name, r.choice.typeCode);
      touched.add(list.elements[i]!.id!);
      for (const s of seg.slices) {
        const next = list.indexOf(`${list.elements[i]!.id}:${s}`);
        if (next === undefined) return { error: `${list.elements[i]!.id} has no slice '${s}'`, kind: 'slice' };
        i = next;
      }
      continue;
    }
    i = r.index;
  }
  return { index: i };
}

const APPLY_ORDER = [applySlicing, applyTypes, applyCard, applyFlags, applyBinding, applyValues, applyConstraints, applyContains];

/**
 * Compile one profile or extension: clone the parent's snapshot, apply the rules in order, finish
 * the snapshot the way the FHIR snapshot generator does, and derive the differential from what
 * changed.
 */
export function compileStructureDefinition(
  ir: StructureDefinitionIR,
  resolver: Resolver,
  diagnostics: Diagnostics,
  options: CompileOptions = {},
): SD | undefined {
  const parentRef = ir.parent.version ? `${ir.parent.url}|${ir.parent.version}` : ir.parent.url;
  const parentHit = resolver.resolve(parentRef, 'StructureDefinition');
  if (!parentHit) {
    diagnostics.report('compile/unresolved-canonical', `parent ${parentRef} of ${ir.id} cannot be resolved`, {
      resource: ir.url,
      source: ir.source,
    });
    return undefined;
  }
  const parent = parentHit.resource as unknown as SD;
  if (!parent.snapshot?.element?.length) {
    diagnostics.report('compile/unresolved-canonical', `parent ${parentRef} has no snapshot`, { resource: ir.url, source: ir.source });
    return undefined;
  }
  const rules: SnapshotRules = options.rules ?? SNAPSHOT_RULES['publisher-2025'];
  const elements = structuredClone(parent.snapshot.element) as ED[];
  fillConstraintSources(elements, parent.url);
  if (rules.pinCoreCanonicals && isCoreDefinition(parent)) pinCoreCanonicals(elements);
  if (options.pin) pinCanonicals(elements, options.pin);
  const list = new ElementList(
    elements,
    resolver,
    rules.pinCoreCanonicals === true,
    rules.sliceFromProfileElement === true,
    rules.keepUnresolvedTypeProfiles === true,
  );
  const parentIds = new Set(elements.map((e) => e.id!));
  const touched: Touched = new Set();

  for (const rule of ir.rules) {
    const found = resolvePath(list, rule.path, touched);
    list.capture();
    if ('error' in found) {
      const id = found.kind === 'slice' ? 'compile/unknown-slice' : found.kind === 'unfold' ? 'compile/unfoldable' : 'compile/unknown-path';
      diagnostics.report(id, `${ir.id}: ${rule.path}: ${found.error}`, { resource: ir.url, source: rule.source });
      continue;
    }
    touched.add(list.elements[found.index]!.id!);
    const ctx = makeContext(list, found.index, rule, ir, resolver, diagnostics, rules);
    for (const apply of APPLY_ORDER) {
      ctx.el = list.elements[ctx.index]!;
      apply(ctx);
      ctx.index = list.indexOf(ctx.el.id!)!;
    }
    for (const c of rule.contains ?? []) touched.add(`${ctx.el.id}:${c.name}`);
  }

  // the differential states the rules as authored; the snapshot also gets what the snapshot
  // generator derives from them (type-slicing closure), as in published packages
  const differential = computeDifferential(list.elements, list.originalMap, parentIds);
  finishSnapshot(list, { ir, resolver, diagnostics, touched, parent, parentIds, rules });
  if (options.pins) pinSnapshotCanonicals(list.elements, options.pins);
  return buildSd(ir, parent, list.elements, differential, options);
}

function makeContext(
  list: ElementList,
  index: number,
  rule: ElementRuleIR,
  ir: StructureDefinitionIR,
  resolver: Resolver,
  diagnostics: Diagnostics,
  rules: SnapshotRules,
): ApplyContext {
  return {
    list,
    index,
    el: list.elements[index]!,
    rule,
    resolver,
    diagnostics,
    rules,
    sdUrl: ir.url,
    report: (id, message) => diagnostics.report(id, `${ir.id}: ${message}`, { resource: ir.url, source: rule.source }),
  };
}

/** Constraints inherited without a `source` get the url of the definition they came from. */
function fillConstraintSources(elements: ED[], url: string): void {
  for (const e of elements) for (const c of e.constraint ?? []) if (c.source === undefined) c.source = url;
}

/**
 * Pin the unversioned canonicals of inherited elements (before this profile's rules, so that what
 * the profile authors stays as written and the differential does not list the pins).
 */
export function pinCanonicals(elements: ED[], pin: (url: string) => string | undefined): void {
  const pinned = (url: string): string => (url.includes('|') ? url : (pin(url) ?? url));
  for (const e of elements) {
    for (const t of e.type ?? []) {
      if (t.profile) t.profile = t.profile.map(pinned);
      if (t.targetProfile) t.targetProfile = t.targetProfile.map(pinned);
    }
    if (e.binding?.valueSet) e.binding.valueSet = pinned(e.binding.valueSet);
    for (const c of e.constraint ?? []) if (c.source) c.source = pinned(c.source);
  }
}

const SD_FIELD_ORDER = [
  'resourceType',
  'id',
  'meta',
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
  'keyword',
  'fhirVersion',
  'mapping',
  'kind',
  'abstract',
  'context',
  'contextInvariant',
  'type',
  'baseDefinition',
  'derivation',
  'snapshot',
  'differential',
];

function buildSd(ir: StructureDefinitionIR, parent: SD, snapshot: ED[], differential: ED[], options: CompileOptions): SD {
  const sd: Record<string, unknown> = {
    resourceType: 'StructureDefinition',
    id: ir.id,
    url: ir.url,
    version: ir.version,
    name: ir.name,
    status: ir.status,
    fhirVersion: '4.0.1',
    kind: parent.kind,
    abstract: false,
    type: parent.type,
    baseDefinition: parent.url,
    derivation: 'constraint',
    snapshot: { element: snapshot },
    differential: { element: differential },
  };
  for (const [k, v] of Object.entries(options.defaults ?? {})) sd[k] = structuredClone(v);
  if (ir.title !== undefined) sd['title'] = ir.title;
  if (ir.description !== undefined) sd['description'] = ir.description;
  if (ir.purpose !== undefined) sd['purpose'] = ir.purpose;
  if (ir.experimental !== undefined) sd['experimental'] = ir.experimental;
  if (parent.mapping) sd['mapping'] = structuredClone(parent.mapping);
  if (ir.context) sd['context'] = ir.context.map((c) => ({ ...c }));
  for (const [k, v] of Object.entries(ir.extra ?? {})) sd[k] = structuredClone(v);
  const ordered: Record<string, unknown> = {};
  for (const k of SD_FIELD_ORDER) if (k in sd) ordered[k] = sd[k];
  for (const k of Object.keys(sd)) if (!(k in ordered)) ordered[k] = sd[k];
  return ordered as unknown as SD;
}

/** Pin the listed canonicals where a snapshot's type profiles name them unversioned. */
function pinSnapshotCanonicals(elements: ED[], pins: Readonly<Record<string, string>>): void {
  const pin = (u: string): string => (pins[u] !== undefined ? `${u}|${pins[u]}` : u);
  for (const e of elements) for (const t of e.type ?? []) if (t.profile) t.profile = t.profile.map(pin);
}
