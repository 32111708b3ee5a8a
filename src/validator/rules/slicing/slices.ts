import type { ElementPlan, StructurePlan } from '../../plan/plan.js';
import { findingKey, placeKey, RecordingSink, underKey, type IssueSink, type Json, type WalkContext, type Where } from '../../context.js';
import { NotEvaluable, Undecided, type Target } from './memo.js';
import type { RuleId } from '../registry.js';
import { equalsFixed, matchesPattern } from '../../../fhir/values.js';
import { parseReference } from '../../../fhir/references.js';
import { isObject } from '../../../util/json.js';
import { capitalize } from '../../../util/text.js';

interface Item {
  value: unknown;
  type: string;
}

/** `Type/id` (optionally `/_history/<v>`), relative or at the end of an absolute http(s) URL: the type a reference names. */
/** The type a relative or RESTful absolute reference names (`Patient/1`, `https://x/fhir/Patient/1`), else undefined. */
function namedType(ref: string): string | undefined {
  const p = parseReference(ref);
  return p.kind === 'relative' || p.kind === 'absolute' ? p.type : undefined;
}

/**
 * The instance values a discriminator path selects from an item. `typeOnly` (a type discriminator): a
 * reference that does not resolve still tells its target's type when `resolve()` ends the path and its URL
 * names one. Throws Undecided when `resolve()` meets a standalone resource's reference to a resource elsewhere.
 */
function select(item: Item, path: string, where: Where, ctx: WalkContext, typeOnly = false): Item[] {
  let current: Item[] = [item];
  const segments = ctx.slicing.segments(path);
  for (const [i, seg] of segments.entries()) {
    const next: Item[] = [];
    for (const c of current) {
      if (seg === '$this') {
        next.push(c);
        continue;
      }
      if (seg === 'resolve()') {
        const ref = isObject(c.value) ? c.value['reference'] : typeof c.value === 'string' ? c.value : undefined;
        if (typeof ref !== 'string') continue;
        const target = ctx.resolveReference(ref, where);
        if (target) {
          next.push({ value: target, type: String(target['resourceType']) });
          continue;
        }
        // a `#id` that is not there, or a Bundle entry's reference to what the Bundle lacks, is decided: no target
        if (ref.startsWith('#') || where.bundle !== undefined) continue;
        const named = namedType(ref);
        if (typeOnly && i === segments.length - 1 && named !== undefined && ctx.model.structure(named)?.kind === 'resource') {
          next.push({ value: { resourceType: named }, type: named });
          continue;
        }
        throw new Undecided(ref);
      }
      const ext = /^extension\(['"](.+)['"]\)$/.exec(seg);
      if (ext) {
        const list = isObject(c.value) && Array.isArray(c.value['extension']) ? (c.value['extension'] as unknown[]) : [];
        for (const e of list) if (isObject(e) && e['url'] === ext[1]) next.push({ value: e, type: 'Extension' });
        continue;
      }
      const ofType = /^ofType\((\w+)\)$/.exec(seg);
      if (ofType) {
        if (c.type === ofType[1]) next.push(c);
        continue;
      }
      if (/\(/.test(seg)) throw new NotEvaluable(`function ${seg} in discriminator`);
      if (!isObject(c.value)) continue;
      const v = c.value[seg];
      if (v !== undefined) {
        const type = typeOfChild(c, seg, ctx);
        for (const x of Array.isArray(v) ? v : [v]) {
          if (x === null) continue;
          // a resource's type is its resourceType (Bundle.entry.resource, contained)
          next.push({ value: x, type: isObject(x) && typeof x['resourceType'] === 'string' ? x['resourceType'] : type });
        }
        continue;
      }
      // a choice element addressed by its name: valueQuantity for value
      for (const [k, x] of Object.entries(c.value)) {
        if (k.startsWith(seg) && k.length > seg.length && /[A-Z]/.test(k[seg.length]!)) {
          const t = k.slice(seg.length);
          const lower = t[0]!.toLowerCase() + t.slice(1);
          next.push({ value: x, type: ctx.model.structure(lower)?.kind === 'primitive-type' ? lower : t });
        }
      }
    }
    current = next;
  }
  return current;
}

function typeOfChild(parent: Item, name: string, ctx: WalkContext): string {
  const info = ctx.model.elements(parent.type).get(name);
  return info && info.path === `${parent.type}.${name}` ? (info.types[0] ?? 'Element') : 'Element';
}

/** What the slice defines at a discriminator path: element definitions, allowed types, profiles (memoized). */
function definitionAt(slice: ElementPlan, sliceType: string, path: string, ctx: WalkContext): Target {
  let bySlice = ctx.slicing.targets.get(slice);
  if (!bySlice) {
    bySlice = new Map();
    ctx.slicing.targets.set(slice, bySlice);
  }
  const key = `${sliceType}\u0000${path}`;
  let hit = bySlice.get(key);
  if (hit === undefined) {
    try {
      hit = computeDefinitionAt(slice, sliceType, path, ctx);
    } catch (e) {
      if (!(e instanceof NotEvaluable)) throw e;
      hit = e;
    }
    bySlice.set(key, hit);
  }
  if (hit instanceof NotEvaluable) throw hit;
  return hit;
}

function computeDefinitionAt(slice: ElementPlan, sliceType: string, path: string, ctx: WalkContext): Target {
  let nodes: { node: ElementPlan; type: string }[] = [{ node: slice, type: sliceType }];
  let viaResolve: StructurePlan[] | undefined;
  for (const seg of ctx.slicing.segments(path)) {
    if (seg === '$this') continue;
    if (seg === 'resolve()') {
      const plans: StructurePlan[] = [];
      for (const n of nodes) {
        for (const t of n.node.types) {
          for (const tp of t.targetProfiles) {
            const p = ctx.plans.get(tp);
            if (p) plans.push(p);
          }
        }
      }
      viaResolve = plans;
      nodes = plans.map((p) => ({ node: p.root, type: p.type }));
      continue;
    }
    const ext = /^extension\(['"](.+)['"]\)$/.exec(seg);
    if (ext) {
      const out: { node: ElementPlan; type: string }[] = [];
      for (const n of nodes) {
        const extEl = ctx.childrenOf(n.node, n.type)?.get('extension');
        for (const s of extEl?.slicing?.slices ?? []) {
          const url = definitionAt(s, 'Extension', 'url', ctx)
            .nodes.map((x) => x.fixed?.value ?? x.pattern?.value)
            .find((u) => u !== undefined);
          if (url === ext[1]) out.push({ node: s, type: 'Extension' });
        }
      }
      nodes = out;
      continue;
    }
    const ofType = /^ofType\((\w+)\)$/.exec(seg);
    if (ofType) {
      nodes = nodes.map((n) => ({ ...n, type: ofType[1]! }));
      continue;
    }
    if (/\(/.test(seg)) throw new NotEvaluable(`function ${seg} in discriminator`);
    const out: { node: ElementPlan; type: string }[] = [];
    for (const n of nodes) {
      const children = ctx.childrenOf(n.node, n.type);
      const c = children?.get(seg);
      if (c) {
        out.push({ node: c, type: c.types[0]?.code ?? 'BackboneElement' });
        // a discriminator path through a sliced element (`extension.value`) also sees its slices' definitions
        for (const s of c.slicing?.slices ?? []) out.push({ node: s, type: s.types[0]?.code ?? 'BackboneElement' });
        continue;
      }
      for (const x of children?.values() ?? []) {
        if (x.choice && seg.startsWith(x.name)) {
          const t = x.types.find((tt) => capitalize(tt.code) === seg.slice(x.name.length));
          if (t) out.push({ node: x, type: t.code });
        }
      }
    }
    nodes = out;
  }
  const types = viaResolve
    ? [...new Set(viaResolve.map((p) => p.type))]
    : [...new Set(nodes.flatMap((n) => n.node.types.map((t) => t.code)))];
  const profiles = viaResolve
    ? viaResolve.map((p) => p.url)
    : nodes.flatMap((n) => n.node.types.flatMap((t) => (t.code === 'Reference' ? t.targetProfiles : t.profiles)));
  return { nodes: nodes.map((n) => n.node), types, profiles };
}

/** What a discriminator mismatch restates, under the item: the value it has instead of the slice's. */
const RESTATED_BY_MISMATCH: readonly RuleId[] = [
  'fixed-pattern/pattern-mismatch',
  'fixed-pattern/fixed-mismatch',
  'bindings/required',
  'bindings/extensible',
];

type Discriminator = NonNullable<ElementPlan['slicing']>['discriminators'][number];

/**
/**
 * Does the item belong to the slice? Throws NotEvaluable when a discriminator cannot be evaluated, and
 * Undecided when none fails but one needs a reference's target that is not at hand. Of several
 * discriminators, one at which the slice states no value (a type/subtype slicing whose slice leaves the subtype
 * open) sets no condition for that slice, as long as another one does; when none does, the slice cannot be told.
 */
function matches(item: Item, slice: ElementPlan, slicer: ElementPlan, where: Where, ctx: WalkContext): boolean {
  const discriminators = slicer.slicing!.discriminators;
  let undecided: Undecided | undefined;
  let open: NotEvaluable | undefined;
  let decided = false;
  for (const d of discriminators) {
    try {
      if (!passes(item, slice, d, where, ctx)) return false;
      decided = true;
    } catch (e) {
      if (e instanceof Undecided) undecided ??= e;
      else if (discriminators.length > 1 && e instanceof NoValueStated) open ??= e;
      else throw e;
    }
  }
  if (undecided) throw undecided;
  if (!decided && open) throw open;
  return true;
}

/** A value or pattern discriminator at which a slice states no value (no fixed value, pattern or required binding). */
class NoValueStated extends NotEvaluable {}

/** Does the item have what the slice requires at one discriminator? Throws NotEvaluable when that cannot be decided. */
function passes(item: Item, slice: ElementPlan, d: Discriminator, where: Where, ctx: WalkContext): boolean {
  let selected: Item[];
  try {
    selected = select(item, d.path, where, ctx, d.type === 'type');
  } catch (e) {
    // a target the reference's URL says is of a type none of the slice's profiles is for cannot conform to them
    if (e instanceof Undecided && d.type === 'profile' && d.path === 'resolve()') {
      const named = namedType(e.reference);
      const plans = profilePlans(definitionAt(slice, item.type, d.path, ctx), ctx);
      if (named !== undefined && plans.length > 0 && plans.every((p) => p.kind === 'resource' && p.type !== named)) return false;
    }
    throw e;
  }
  const def = definitionAt(slice, item.type, d.path, ctx);
  switch (d.type) {
    case 'value':
    case 'pattern': {
      if (def.nodes.length === 0) throw new NotEvaluable(`slice ${slice.sliceName} defines nothing at ${d.path}`);
      // a slice that prohibits the discriminating element (max 0) holds the items without it, as the HL7 validator has it
      if (def.nodes.every((n) => n.max === 0)) return selected.length === 0;
      const valued = def.nodes.filter((n) => n.fixed || n.pattern);
      if (valued.length > 0) {
        return selected.some((s) =>
          valued.some((n) => (n.fixed ? equalsFixed(s.value, n.fixed.value) : matchesPattern(s.value, n.pattern!.value))),
        );
      }
      const node = requiredBinding(def.nodes);
      if (node) {
        return selected.some((s) => {
          const code =
            typeof s.value === 'string' ? s.value : isObject(s.value) && typeof s.value['code'] === 'string' ? s.value['code'] : undefined;
          const system = isObject(s.value) && typeof s.value['system'] === 'string' ? s.value['system'] : undefined;
          if (code === undefined) return false;
          const r = ctx.terminology.check(node.binding!.valueSet!, system, code);
          if (r.result === 'unknown') throw new NotEvaluable(`value set ${node.binding!.valueSet} cannot be expanded`);
          return r.result === 'in';
        });
      }
      throw new NoValueStated(`slice ${slice.sliceName} has no fixed value, pattern or required binding at ${d.path}`);
    }
    case 'exists': {
      const node = def.nodes[0];
      if (!node) throw new NotEvaluable(`slice ${slice.sliceName} defines nothing at ${d.path}`);
      const mustExist = node.min > 0;
      const mustNot = node.max === 0;
      if (!mustExist && !mustNot) throw new NotEvaluable(`slice ${slice.sliceName} neither requires nor forbids ${d.path}`);
      return !((mustExist && selected.length === 0) || (mustNot && selected.length > 0));
    }
    case 'type': {
      if (def.types.length === 0) throw new NotEvaluable(`slice ${slice.sliceName} gives no type at ${d.path}`);
      return selected.some((s) => def.types.includes(s.type));
    }
    case 'profile': {
      if (def.profiles.length === 0) throw new NotEvaluable(`slice ${slice.sliceName} gives no profile at ${d.path}`);
      const plans = profilePlans(def, ctx);
      if (plans.length === 0) throw new NotEvaluable(`profiles ${def.profiles.join(', ')} are not available`);
      return selected.some(
        (s) =>
          isObject(s.value) &&
          plans.some((p) => {
            if (p.kind === 'resource') return ctx.conforms(s.value as Json, p, where);
            const sink = new RecordingSink(ctx.locale, ctx.suppressions);
            ctx.validateNode(s.value, p.root, s.type, where, sink);
            return !sink.hasErrors;
          }),
      );
    }
  }
}

function requiredBinding(nodes: ElementPlan[]): ElementPlan | undefined {
  const node = nodes.find((n) => n.binding?.valueSet && n.binding.strength === 'required') ?? nodes[0];
  return node?.binding?.valueSet && node.binding.strength === 'required' ? node : undefined;
}

function profilePlans(def: Target, ctx: WalkContext): StructurePlan[] {
  return def.profiles.map((p) => ctx.plans.get(p)).filter((p): p is StructurePlan => p !== undefined);
}

// ---------------------------------------------------------------------------------------------------
// what a discriminator found and what a slice requires, for messages

const MAX_TEXT = 100;
const NOTHING = '—';

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** A value as a discriminator compares it: a code as `system|code`, a CodeableConcept as its codings, a primitive as it is. */
function valueText(v: unknown): string {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(valueText).join(', ');
  if (!isObject(v)) return NOTHING;
  if (Array.isArray(v['coding'])) return valueText(v['coding']);
  const system = typeof v['system'] === 'string' ? v['system'] : undefined;
  const code = v['code'] ?? v['value'];
  if (code !== undefined && (typeof code === 'string' || typeof code === 'number')) return system ? `${system}|${code}` : String(code);
  if (typeof v['reference'] === 'string') return v['reference'];
  if (typeof v['resourceType'] === 'string') return `${v['resourceType']}${typeof v['id'] === 'string' ? `/${v['id']}` : ''}`;
  return system ?? JSON.stringify(v);
}

/** What the item has at one discriminator path. */
function foundText(item: Item, d: Discriminator, where: Where, ctx: WalkContext): string {
  let selected: Item[];
  try {
    selected = select(item, d.path, where, ctx);
  } catch (e) {
    if (e instanceof NotEvaluable) return '?';
    throw e;
  }
  if (selected.length === 0) return d.type === 'exists' ? 'absent' : NOTHING;
  if (d.type === 'exists') return 'present';
  if (d.type === 'type') return [...new Set(selected.map((x) => x.type))].join(' | ');
  return clip(selected.map((x) => valueText(x.value)).join('; '));
}

/** What the slice requires at one discriminator path. */
function requiredText(slice: ElementPlan, type: string, d: Discriminator, ctx: WalkContext): string {
  let def: Target;
  try {
    def = definitionAt(slice, type, d.path, ctx);
  } catch (e) {
    if (e instanceof NotEvaluable) return '?';
    throw e;
  }
  switch (d.type) {
    case 'value':
    case 'pattern': {
      const valued = def.nodes.map((n) => n.fixed?.value ?? n.pattern?.value).filter((v) => v !== undefined);
      if (valued.length > 0) return clip(valued.map(valueText).join(' or '));
      const node = requiredBinding(def.nodes);
      return node ? clip(node.binding!.valueSet!) : '?';
    }
    case 'exists':
      return def.nodes[0]?.max === 0 ? 'absent' : 'present';
    case 'type':
      return def.types.join(' | ');
    case 'profile':
      return clip(def.profiles.join(' or '));
  }
}

const paths = (slicer: ElementPlan): string => slicer.slicing!.discriminators.map((d) => d.path).join(', ');

/** A required slice an item narrowly missed: the one discriminator it fails, and what is found and required there. */
interface NearMiss {
  index: number;
  discriminator: Discriminator;
  /** The item's resolved resource fails the slice's profile: the errors that keep it from conforming. */
  causes: readonly string[];
  /** Evidence beyond being the only candidate: the same code system, or the target of the slice's profile's type. */
  strong: boolean;
}

/** Does the item narrowly miss the slice (one discriminator fails, and at it the item looks meant for the slice)? */
function nearMiss(
  item: Item,
  index: number,
  where: Where,
  slice: ElementPlan,
  slicer: ElementPlan,
  ctx: WalkContext,
): NearMiss | undefined {
  let failing: Discriminator | undefined;
  for (const d of slicer.slicing!.discriminators) {
    let ok: boolean;
    try {
      ok = passes(item, slice, d, where, ctx);
    } catch (e) {
      if (e instanceof NotEvaluable) return undefined;
      throw e;
    }
    if (ok) continue;
    if (failing) return undefined; // more than one discriminator fails: not a near miss
    failing = d;
  }
  if (!failing) return undefined;
  let selected: Item[];
  try {
    selected = select(item, failing.path, where, ctx);
  } catch (e) {
    // failed on the type its reference's URL names, the target itself not at hand: no evidence beyond that
    if (e instanceof Undecided) return { index, discriminator: failing, causes: [], strong: false };
    throw e;
  }
  const def = definitionAt(slice, item.type, failing.path, ctx);
  if (failing.type === 'profile') {
    // a target of the profile's type that does not conform to it: its own errors are the cause
    const plans = profilePlans(def, ctx).filter((p) => p.kind === 'resource');
    for (const s of selected) {
      const target = s.value;
      if (!isObject(target)) continue;
      const p = plans.find((x) => x.type === target['resourceType'] || x.type === s.type);
      if (p) return { index, discriminator: failing, causes: ctx.causesOf(target, p), strong: true };
    }
    return { index, discriminator: failing, causes: [], strong: false };
  }
  if (failing.type === 'value' || failing.type === 'pattern') {
    // a coded value in the code system the slice asks for, with another code
    const systems = new Set<string>();
    for (const n of def.nodes) for (const v of [n.fixed?.value, n.pattern?.value]) collectSystems(v, systems);
    const found = new Set<string>();
    for (const s of selected) collectSystems(s.value, found);
    if ([...found].some((x) => systems.has(x))) return { index, discriminator: failing, causes: [], strong: true };
  }
  return { index, discriminator: failing, causes: [], strong: false };
}

/** The code (or identifier) systems of a value: Coding, Identifier, Quantity, CodeableConcept. */
function collectSystems(v: unknown, out: Set<string>): void {
  if (Array.isArray(v)) for (const x of v) collectSystems(x, out);
  else if (isObject(v)) {
    if (typeof v['system'] === 'string') out.add(v['system']);
    if (Array.isArray(v['coding'])) collectSystems(v['coding'], out);
  }
}

/** The findings an item's reference may already have: it does not resolve, or its target's resourceType is wrong. */
function referenceCauses(value: unknown, where: Where, ctx: WalkContext): string[] {
  const ref = isObject(value) ? value['reference'] : undefined;
  if (typeof ref !== 'string') return [];
  const out = [placeKey('references/unresolved', `${where.fhirPath}.reference`)];
  const target = ctx.resolveReference(ref, where);
  const entry = target ? where.bundle?.byResource.get(target) : undefined;
  if (entry) out.push(placeKey('structure/resource-type', `${where.bundle!.fhirPath}.entry[${entry.index}].resource`));
  return out;
}

/**
 * The items that narrowly missed required slices left empty, one item per slice and one slice per item: an item
 * with evidence (the code system the slice asks for, or a target of its profile's type) first; else the only item
 * that matched no slice, when only one required slice is empty.
 */
function nearMisses(
  items: { value: unknown; where: Where }[],
  assigned: (ElementPlan | undefined)[],
  type: string,
  unfilled: ElementPlan[],
  slicer: ElementPlan,
  ctx: WalkContext,
): Map<ElementPlan, NearMiss> {
  const out = new Map<ElementPlan, NearMiss>();
  const unmatched = [...assigned.keys()].filter((k) => assigned[k] === undefined);
  if (unmatched.length === 0) return out;
  const claimed = new Set<number>();
  for (const s of unfilled) {
    let weak: NearMiss | undefined;
    for (const k of unmatched) {
      if (claimed.has(k)) continue;
      const x = items[k]!;
      const miss = nearMiss({ value: x.value, type }, k, x.where, s, slicer, ctx);
      if (!miss) continue;
      if (miss.strong) {
        out.set(s, miss);
        claimed.add(k);
        weak = undefined;
        break;
      }
      weak ??= miss;
    }
    if (weak && unmatched.length === 1 && unfilled.length === 1) {
      out.set(s, weak);
      claimed.add(weak.index);
    }
  }
  return out;
}

/**
 * Assign each item of a sliced element to its slice, and check the slicing: closed (every item in
 * a slice), ordered (slices in order, open-at-end items last), and each slice's min/max.
 * Returns the slice of each item (undefined when it matches none).
 */
export function assignSlices(
  items: { value: unknown; where: Where }[],
  slicer: ElementPlan,
  type: string,
  elementWhere: Where,
  sink: IssueSink,
  ctx: WalkContext,
): (ElementPlan | undefined)[] {
  const slicing = slicer.slicing!;
  const out: (ElementPlan | undefined)[] = [];
  const counts = new Map<ElementPlan, number>();
  let notEvaluated: string | undefined;
  let lastSliceIndex = -1;
  let unmatchedSeen = false;
  const isExtension = slicer.name === 'extension' || slicer.name === 'modifierExtension';
  /** Items that match no slice of a closed slicing (reported once near misses are known). */
  const closedMisses: number[] = [];
  /** Per slice, the references of the items that may belong to it but cannot be decided here (Undecided). */
  const pending = new Map<ElementPlan, string[]>();
  for (const [k, x] of items.entries()) {
    const item: Item = { value: x.value, type };
    const hits: ElementPlan[] = [];
    const maybe: ElementPlan[] = [];
    for (const s of slicing.slices) {
      try {
        if (matches(item, s, slicer, x.where, ctx)) hits.push(s);
      } catch (e) {
        if (e instanceof Undecided) {
          maybe.push(s);
          pending.set(s, [...(pending.get(s) ?? []), e.reference]);
        } else if (e instanceof NotEvaluable) notEvaluated ??= e.message;
        else throw e;
      }
    }
    if (hits.length > 1) sink.report('slicing/ambiguous', x.where, { slices: hits.map((h) => h.sliceName).join(', ') }, { node: slicer });
    const hit = hits[0];
    out.push(hit);
    if (hit) {
      counts.set(hit, (counts.get(hit) ?? 0) + 1);
      const idx = slicing.slices.indexOf(hit);
      if ((slicing.ordered && idx < lastSliceIndex) || (slicing.rules === 'openAtEnd' && unmatchedSeen)) {
        sink.report('slicing/ordered', x.where, { slice: hit.sliceName ?? '' }, { node: slicer });
      }
      lastSliceIndex = Math.max(lastSliceIndex, idx);
    } else {
      unmatchedSeen = true;
      if (maybe.length > 0) {
        // which slice it belongs to (if any) cannot be decided here: neither in a slice nor outside all of them
      } else if (slicing.rules === 'closed' && notEvaluated === undefined) {
        closedMisses.push(k);
      } else if (isExtension && isObject(x.value)) {
        ctx.validateUnslicedExtension(x.value, x.where, sink, slicer.name === 'modifierExtension');
      }
    }
  }
  // a required slice left empty by an item whose discriminator value is wrong: that wrong value is the root,
  // the slice's min and the closed slicing's complaint about the item follow from it
  const undecided = (s: ElementPlan): number => pending.get(s)?.length ?? 0;
  const unfilled = notEvaluated === undefined ? slicing.slices.filter((s) => (counts.get(s) ?? 0) + undecided(s) < s.min) : [];
  const misses = unfilled.length > 0 ? nearMisses(items, out, type, unfilled, slicer, ctx) : new Map<ElementPlan, NearMiss>();
  const rootOf = new Map<number, string>();
  for (const [s, miss] of misses) {
    const x = items[miss.index]!;
    const item: Item = { value: x.value, type };
    const params = {
      slice: s.sliceName ?? '',
      discriminator: miss.discriminator.path,
      found: foundText(item, miss.discriminator, x.where, ctx),
      required: requiredText(s, type, miss.discriminator, ctx),
    };
    // the item's value differs from the slice's at the discriminator: the pattern, fixed value or binding it misses
    // there (checked against the element or an extension's definition) is what this finding says
    sink.report('slicing/discriminator-mismatch', x.where, params, {
      node: s,
      causes: miss.causes,
      claims: [underKey(RESTATED_BY_MISMATCH, x.where.fhirPath)],
    });
    rootOf.set(miss.index, findingKey('slicing/discriminator-mismatch', x.where.fhirPath, params));
  }
  for (const k of closedMisses) {
    const x = items[k]!;
    const item: Item = { value: x.value, type };
    const found = slicing.discriminators.map((d) => foundText(item, d, x.where, ctx)).join('; ');
    const root = rootOf.get(k);
    sink.report(
      'slicing/no-match-closed',
      x.where,
      { slicer: slicer.id, discriminator: paths(slicer), found },
      {
        node: slicer,
        // or the item's reference, which resolves to nothing or to a resource whose type is wrong or unknown
        causes: [...(root !== undefined ? [root] : []), ...referenceCauses(x.value, x.where, ctx)],
      },
    );
  }
  for (const s of slicing.slices) {
    const n = counts.get(s) ?? 0;
    const open = undecided(s);
    if (open > 0 && notEvaluated === undefined && ((n < s.min && n + open >= s.min) || (n <= s.max && n + open > s.max))) {
      // the count depends on items whose membership cannot be decided here: not checked, never passed nor failed
      const references = [...new Set(pending.get(s))].join(', ');
      sink.report('slicing/not-checked', elementWhere, { slice: s.sliceName ?? '', references }, { node: s });
    } else if (n + open < s.min && notEvaluated === undefined) {
      const miss = misses.get(s);
      const root = miss ? rootOf.get(miss.index) : undefined;
      const required = slicing.discriminators.map((d) => requiredText(s, type, d, ctx)).join('; ');
      sink.report(
        'slicing/slice-min',
        elementWhere,
        { slice: s.sliceName ?? '', min: s.min, found: n, discriminator: paths(slicer), required },
        // (the element's own min, short for the same reason, follows from this: rules/follow-ons.ts)
        { node: s, ...(root !== undefined ? { causes: [root] } : {}) },
      );
    }
    if (n > s.max) sink.report('slicing/slice-max', elementWhere, { slice: s.sliceName ?? '', max: s.maxText, found: n }, { node: s });
  }
  if (notEvaluated !== undefined) {
    sink.report(
      'slicing/not-evaluated',
      elementWhere,
      { discriminator: slicing.discriminators.map((d) => `${d.type}:${d.path}`).join(', '), reason: notEvaluated },
      { node: slicer },
    );
  }
  return out;
}
