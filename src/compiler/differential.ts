import type { ED } from './element-list.js';
import { stableStringify } from '../util/json.js';

const IGNORED = new Set(['id', 'path', 'base', 'sliceName', 'mapping']);
const FIELD_ORDER = [
  'id',
  'extension',
  'path',
  'representation',
  'sliceName',
  'sliceIsConstraining',
  'label',
  'code',
  'slicing',
  'short',
  'definition',
  'comment',
  'requirements',
  'alias',
  'min',
  'max',
  'base',
  'contentReference',
  'type',
];

/**
 * The differential is computed from the snapshot: every element that is new (a slice) or whose
 * content differs from what it was in the parent (or when it was unfolded from its type).
 */
export function computeDifferential(snapshot: ED[], originals: ReadonlyMap<string, ED>, parentIds: ReadonlySet<string>): ED[] {
  const out: ED[] = [];
  for (const el of snapshot) {
    const orig = originals.get(el.id!);
    const isNewSlice = el.sliceName !== undefined && !parentIds.has(el.id!) && (!orig || orig.sliceName !== undefined);
    const diff: ED = { id: el.id!, path: el.path };
    if (isNewSlice) diff.sliceName = el.sliceName!;
    const keys = new Set([...Object.keys(el), ...Object.keys(orig ?? {})]);
    let changed = false;
    for (const k of keys) {
      if (IGNORED.has(k)) continue;
      const now = el[k];
      const was = orig?.[k];
      if (stableStringify(now) === stableStringify(was)) continue;
      if (now === undefined) continue;
      if (k === 'constraint') {
        const before = new Set(((was as fhir4.ElementDefinitionConstraint[] | undefined) ?? []).map(stableStringify));
        const added = (now as fhir4.ElementDefinitionConstraint[]).filter((c) => !before.has(stableStringify(c)));
        if (added.length) {
          diff.constraint = added;
          changed = true;
        }
        continue;
      }
      diff[k] = structuredClone(now);
      changed = true;
    }
    if (isNewSlice) {
      diff.min = el.min!;
      diff.max = el.max!;
    }
    if (el.sliceName !== undefined) diff.sliceName = el.sliceName;
    if (changed || isNewSlice) out.push(orderFields(diff));
  }
  // a profile that changes no element (e.g. one that only imposes another profile) still states its
  // root: `differential.element` is 1..*, and SUSHI writes the root element
  if (out.length === 0 && snapshot[0]) out.push({ id: snapshot[0].id!, path: snapshot[0].path });
  return withSliceAncestors(out, snapshot);
}

/**
 * Differential consumers match elements by path and slice name, not by id: a rule on a slice's
 * child (`Patient.identifier:cpr.system`) must be preceded by its slice (`Patient.identifier:cpr`,
 * with `sliceName`), or it would be read as a rule on the unsliced element. Add those slices.
 */
function withSliceAncestors(diff: ED[], snapshot: ED[]): ED[] {
  const present = new Set(diff.map((e) => e.id!));
  const needed = new Set<string>();
  for (const e of diff) {
    const parts = e.id!.split('.');
    for (let i = 1; i < parts.length; i++) {
      const prefix = parts.slice(0, i).join('.');
      if (parts[i - 1]!.includes(':') && !present.has(prefix)) needed.add(prefix);
    }
  }
  if (needed.size === 0) return diff;
  const byId = new Map(diff.map((e) => [e.id!, e]));
  const out: ED[] = [];
  for (const el of snapshot) {
    const have = byId.get(el.id!);
    if (have) out.push(have);
    else if (needed.has(el.id!)) out.push(orderFields({ id: el.id!, path: el.path, sliceName: el.sliceName! }));
  }
  return out;
}

export function orderFields(el: ED): ED {
  const out: Record<string, unknown> = {};
  for (const k of FIELD_ORDER) if (k in el) out[k] = el[k];
  for (const k of Object.keys(el)) if (!(k in out)) out[k] = el[k];
  return out as ED;
}
