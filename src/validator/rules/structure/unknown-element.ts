import { child, type IssueSink, type Where } from '../../context.js';
import type { ElementPlan } from '../../plan/plan.js';
import { nearest } from '../../../util/edit-distance.js';
import { capitalize } from '../../../util/text.js';

/**
 * A JSON property `key` of an element (`node`, of type `typeCode`) that its definition does not have;
 * with the nearest name it does have (`children`: the element's children) as a suggestion.
 */
export function reportUnknownElement(
  key: string,
  where: Where,
  node: ElementPlan,
  typeCode: string,
  sink: IssueSink,
  children?: ReadonlyMap<string, ElementPlan>,
): void {
  const type = node.id === node.path && node.id === typeCode ? typeCode : `${node.path} (${typeCode})`;
  const suggestion = children ? suggestElement(key, children) : undefined;
  sink.report(
    'structure/unknown-element',
    child(where, key),
    { name: key, type, ...(suggestion !== undefined ? { suggestion } : {}) },
    { node },
  );
}

/**
 * The property name nearest to `key` (src/util/edit-distance.ts): the element names, a choice
 * element by its typed names (`valueQuantity`, `valueString` …), a primitive's `_name` twin for a key
 * that starts with `_`. Failing those, a slice's name (`identifier:cpr`, for a key `cpt`): a vendor
 * who names the slice means the sliced element.
 */
export function suggestElement(key: string, children: ReadonlyMap<string, ElementPlan>): string | undefined {
  const twin = key.startsWith('_');
  const word = twin ? key.slice(1) : key;
  const names: string[] = [];
  const slices = new Map<string, string>();
  for (const c of children.values()) {
    if (c.choice) for (const t of c.types) names.push(c.name + capitalize(t.code));
    else names.push(c.name);
    for (const s of c.slicing?.slices ?? [])
      if (s.sliceName !== undefined && !slices.has(s.sliceName)) slices.set(s.sliceName, `${c.name}:${s.sliceName}`);
  }
  const name = nearest(word, names);
  if (name !== undefined) return twin ? `_${name}` : name;
  if (twin) return undefined;
  const slice = slices.has(word) ? word : nearest(word, slices.keys());
  return slice === undefined ? undefined : slices.get(slice);
}
