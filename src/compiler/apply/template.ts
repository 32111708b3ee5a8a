import type { ED } from '../element-list.js';

const FILL_FIELDS = [
  'label',
  'definition',
  'short',
  'comment',
  'requirements',
  'min',
  'max',
  'maxLength',
  'mustSupport',
  'isSummary',
  'isModifier',
  'isModifierReason',
  'mustHaveValue',
  'binding',
  'example',
  'sliceName',
] as const;

function keysWithPrefix(el: ED, prefix: string): string[] {
  return Object.keys(el).filter((k) => k.startsWith(prefix) && k.length > prefix.length && /[A-Z]/.test(k[prefix.length]!));
}

/**
 * The snapshot generator's "template" for an element whose type becomes a profile: the profile's
 * root element, with the base element filling what the root lacks (the root's invariants come
 * first, then the base's with new keys). min/max come from the base, except for extensions, which
 * keep the extension root's. Type, mappings, conditions and slicing are not taken from the base.
 */
export function profileRootTemplate(root: ED, base: ED, typeCode: string, profileIsResource: boolean): ED {
  const t = structuredClone(root);
  if (profileIsResource) delete t.constraint;
  delete t.sliceName;
  delete t.slicing;
  delete t.type;
  if (typeCode !== 'Extension') {
    if (base.min !== undefined) t.min = base.min;
    if (base.max !== undefined) t.max = base.max;
  }
  const tr = t as Record<string, unknown>;
  const br = base as Record<string, unknown>;
  for (const f of FILL_FIELDS) {
    if (tr[f] === undefined && br[f] !== undefined) tr[f] = structuredClone(br[f]);
  }
  for (const prefix of ['fixed', 'pattern', 'minValue', 'maxValue']) {
    if (keysWithPrefix(t, prefix).length === 0) for (const k of keysWithPrefix(base, prefix)) t[k] = structuredClone(base[k]);
  }
  const constraints = [...(t.constraint ?? [])];
  for (const c of base.constraint ?? []) if (!constraints.some((x) => x.key === c.key)) constraints.push(structuredClone(c));
  if (constraints.length) t.constraint = constraints;
  const alias = [...(t.alias ?? [])];
  for (const a of base.alias ?? []) if (!alias.includes(a)) alias.push(a);
  if (alias.length) t.alias = alias;
  const ext = [...(t.extension ?? [])];
  for (const e of base.extension ?? []) if (!ext.some((x) => x.url === e.url)) ext.push(structuredClone(e));
  if (ext.length) t.extension = ext;
  t.id = base.id!;
  t.path = base.path;
  if (base.sliceName !== undefined) t.sliceName = base.sliceName;
  if (base.base !== undefined) t.base = structuredClone(base.base);
  return t;
}

/** Replace an element's content in place (the list keeps the same object). */
export function replaceElement(el: ED, next: ED): void {
  for (const k of Object.keys(el)) delete el[k];
  Object.assign(el, next);
}
