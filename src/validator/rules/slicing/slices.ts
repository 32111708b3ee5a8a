import type { ElementPlan, StructurePlan } from '../../plan/plan.js';
import { RecordingSink, type IssueSink, type Json, type WalkContext, type Where } from '../../context.js';
import { NotEvaluable, type Target } from './memo.js';
import { equalsFixed, matchesPattern } from '../../../fhir/values.js';
import { isObject } from '../../../util/json.js';
import { capitalize } from '../../../util/text.js';

interface Item {
  value: unknown;
  type: string;
}

/** The instance values a discriminator path selects from an item. */
function select(item: Item, path: string, where: Where, ctx: WalkContext): Item[] {
  let current: Item[] = [item];
  for (const seg of ctx.slicing.segments(path)) {
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
        if (target) next.push({ value: target, type: String(target['resourceType']) });
        continue;
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

/** Does the item belong to the slice? `undefined` when a discriminator cannot be evaluated. */
function matches(item: Item, slice: ElementPlan, slicer: ElementPlan, where: Where, ctx: WalkContext): boolean {
  for (const d of slicer.slicing!.discriminators) {
    const selected = select(item, d.path, where, ctx);
    const def = definitionAt(slice, item.type, d.path, ctx);
    switch (d.type) {
      case 'value':
      case 'pattern': {
        if (def.nodes.length === 0) throw new NotEvaluable(`slice ${slice.sliceName} defines nothing at ${d.path}`);
        const valued = def.nodes.filter((n) => n.fixed || n.pattern);
        if (valued.length > 0) {
          const ok = selected.some((s) =>
            valued.some((n) => (n.fixed ? equalsFixed(s.value, n.fixed.value) : matchesPattern(s.value, n.pattern!.value))),
          );
          if (!ok) return false;
          break;
        }
        const node = def.nodes.find((n) => n.binding?.valueSet && n.binding.strength === 'required') ?? def.nodes[0]!;
        if (node.binding?.valueSet && node.binding.strength === 'required') {
          const ok = selected.some((s) => {
            const code =
              typeof s.value === 'string'
                ? s.value
                : isObject(s.value) && typeof s.value['code'] === 'string'
                  ? s.value['code']
                  : undefined;
            const system = isObject(s.value) && typeof s.value['system'] === 'string' ? s.value['system'] : undefined;
            if (code === undefined) return false;
            const r = ctx.terminology.check(node.binding!.valueSet!, system, code);
            if (r.result === 'unknown') throw new NotEvaluable(`value set ${node.binding!.valueSet} cannot be expanded`);
            return r.result === 'in';
          });
          if (!ok) return false;
          break;
        }
        throw new NotEvaluable(`slice ${slice.sliceName} has no fixed value, pattern or required binding at ${d.path}`);
      }
      case 'exists': {
        const node = def.nodes[0];
        if (!node) throw new NotEvaluable(`slice ${slice.sliceName} defines nothing at ${d.path}`);
        const mustExist = node.min > 0;
        const mustNot = node.max === 0;
        if (mustExist && selected.length === 0) return false;
        if (mustNot && selected.length > 0) return false;
        if (!mustExist && !mustNot) throw new NotEvaluable(`slice ${slice.sliceName} neither requires nor forbids ${d.path}`);
        break;
      }
      case 'type': {
        if (def.types.length === 0) throw new NotEvaluable(`slice ${slice.sliceName} gives no type at ${d.path}`);
        if (!selected.some((s) => def.types.includes(s.type))) return false;
        break;
      }
      case 'profile': {
        if (def.profiles.length === 0) throw new NotEvaluable(`slice ${slice.sliceName} gives no profile at ${d.path}`);
        const plans = def.profiles.map((p) => ctx.plans.get(p)).filter((p): p is StructurePlan => p !== undefined);
        if (plans.length === 0) throw new NotEvaluable(`profiles ${def.profiles.join(', ')} are not available`);
        const ok = selected.some(
          (s) =>
            isObject(s.value) &&
            plans.some((p) => {
              if (p.kind === 'resource') return ctx.conforms(s.value as Json, p, where);
              const sink = new RecordingSink(ctx.locale, ctx.suppressions);
              ctx.validateNode(s.value, p.root, s.type, where, sink);
              return !sink.hasErrors;
            }),
        );
        if (!ok) return false;
        break;
      }
    }
  }
  return true;
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
  for (const x of items) {
    const item: Item = { value: x.value, type };
    const hits: ElementPlan[] = [];
    for (const s of slicing.slices) {
      try {
        if (matches(item, s, slicer, x.where, ctx)) hits.push(s);
      } catch (e) {
        if (e instanceof NotEvaluable) notEvaluated ??= e.message;
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
      if (slicing.rules === 'closed' && notEvaluated === undefined) {
        sink.report('slicing/no-match-closed', x.where, { slicer: slicer.id }, { node: slicer });
      } else if (isExtension && isObject(x.value)) {
        ctx.validateUnslicedExtension(x.value, x.where, sink, slicer.name === 'modifierExtension');
      }
    }
  }
  for (const s of slicing.slices) {
    const n = counts.get(s) ?? 0;
    if (n < s.min && notEvaluated === undefined)
      sink.report('slicing/slice-min', elementWhere, { slice: s.sliceName ?? '', min: s.min, found: n }, { node: s });
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
