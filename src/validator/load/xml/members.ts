import type { PositionIndex } from './positions.js';

/**
 * The members of one JSON object, gathered while its element's children are read and written
 * when the element ends (FHIR XML → JSON): a name that repeats by definition, or occurs more than
 * once, becomes an array; a primitive's value goes under `name` and its id and extensions under
 * `_name`, the two arrays aligned with `null` where one side is missing.
 */

/** Primitive occurrences of one name in one parent: values and `_name` objects stay aligned. */
export interface PrimAcc {
  prim: true;
  repeating: boolean;
  values: unknown[];
  /** the number literal as written, per value (undefined when not a number) */
  texts: (string | undefined)[];
  exts: Record<string, unknown>[];
  offsets: number[];
}

/** Non-primitive occurrences of one name in one parent (objects, narrative text, generic values). */
export interface NodeAcc {
  prim: false;
  repeating: boolean;
  items: unknown[];
  offsets: number[];
}

export type Members = Map<string, PrimAcc | NodeAcc>;

/**
 * The accumulator for `key`. The same name read both as a FHIR primitive and as something else
 * (a foreign-namespace element of that name) is kept apart under `key (2)` rather than lost.
 */
export function member(members: Members, key: string, prim: true, repeating: boolean): PrimAcc;
export function member(members: Members, key: string, prim: false, repeating: boolean): NodeAcc;
export function member(members: Members, key: string, prim: boolean, repeating: boolean): PrimAcc | NodeAcc {
  let a = members.get(key);
  while (a && a.prim !== prim) {
    key = `${key} (2)`;
    a = members.get(key);
  }
  if (!a) {
    a = prim ? { prim: true, repeating, values: [], texts: [], exts: [], offsets: [] } : { prim: false, repeating, items: [], offsets: [] };
    members.set(key, a);
  }
  return a;
}

/** Write the gathered members into `obj` (and their positions into `pos`). */
export function writeMembers(obj: Record<string, unknown>, members: Members, pos: PositionIndex): void {
  for (const [name, a] of members) {
    let key = name;
    // never overwrite what an attribute gave (e.g. url="…" and a <url> element)
    while (Object.hasOwn(obj, key)) key = `${key} (2)`;
    if (a.prim) writePrimitive(obj, key, a, pos);
    else if (a.repeating || a.items.length > 1) {
      setProp(obj, key, a.items);
      pos.mark(obj, key, a.offsets[0]!);
      for (let k = 0; k < a.items.length; k++) pos.mark(a.items, k, a.offsets[k]!);
    } else {
      setProp(obj, key, a.items[0]);
      pos.mark(obj, key, a.offsets[0]!);
    }
  }
}

function writePrimitive(obj: Record<string, unknown>, key: string, a: PrimAcc, pos: PositionIndex): void {
  const n = a.values.length;
  const hasExt = a.exts.some(hasKeys);
  if (a.repeating || n > 1) {
    // a value array is needed when some value is there, or some element is empty (null shows it)
    const needValues = a.values.some((v, k) => v !== undefined || !hasKeys(a.exts[k]));
    if (needValues) {
      const values = a.values.map((v) => (v === undefined ? null : v));
      setProp(obj, key, values);
      pos.mark(obj, key, a.offsets[0]!);
      for (let k = 0; k < n; k++) {
        pos.mark(values, k, a.offsets[k]!);
        pos.markNumber(values, k, a.texts[k]);
      }
    }
    if (hasExt) {
      const exts = a.exts.map((e) => (hasKeys(e) ? e : null));
      setProp(obj, `_${key}`, exts);
      pos.mark(obj, `_${key}`, a.offsets[0]!);
      for (let k = 0; k < n; k++) pos.mark(exts, k, a.offsets[k]!);
    }
    return;
  }
  const v = a.values[0];
  const ext = a.exts[0]!;
  if (v !== undefined || !hasKeys(ext)) {
    setProp(obj, key, v === undefined ? null : v);
    pos.mark(obj, key, a.offsets[0]!);
    pos.markNumber(obj, key, a.texts[0]);
  }
  if (hasKeys(ext)) {
    setProp(obj, `_${key}`, ext);
    pos.mark(obj, `_${key}`, a.offsets[0]!);
  }
}

function hasKeys(o: Record<string, unknown> | undefined): boolean {
  if (!o) return false;
  for (const _ in o) return true;
  return false;
}

/** Set a property even when its name is `__proto__` (names come from the document). */
export function setProp(obj: Record<string, unknown>, key: string, v: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
  else obj[key] = v;
}
