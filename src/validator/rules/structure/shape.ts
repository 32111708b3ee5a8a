import { child, type IssueSink, type Json, type Where } from '../../context.js';
import type { ElementPlan } from '../../plan/plan.js';
import { isObject } from '../../../util/json.js';

/**
 * The JSON shape of elements (docs/rules/structure): a repeating element is an array, a single one
 * is not (`structure/array-expected`, `structure/single-expected`), nothing is null or empty
 * (`structure/empty-element`, ele-1), and a primitive's `_name` twin fits it (`structure/primitive-twin`).
 */

/**
 * The values of an element's property (`raw`) as a list, after checking its shape: an array where
 * the element repeats (`repeating`, from its base definition), a single value where it does not.
 */
export function valueList(raw: unknown, el: ElementPlan, key: string, repeating: boolean, here: Where, sink: IssueSink): unknown[] {
  if (raw === undefined) return [];
  if (repeating) {
    if (Array.isArray(raw)) return raw;
    sink.report('structure/array-expected', here, { name: key }, { node: el });
    return [raw];
  }
  if (!Array.isArray(raw)) return [raw];
  sink.report('structure/single-expected', here, { name: key }, { node: el });
  return raw;
}

/**
 * The values of a primitive's `_name` twin (`twinRaw`) as a list, after checking its shape: an array
 * where the element repeats, with as many entries as the element has values.
 */
export function twinList(
  twinRaw: unknown,
  raw: unknown,
  values: readonly unknown[],
  el: ElementPlan,
  key: string,
  twinKey: string | undefined,
  repeating: boolean,
  here: Where,
  parent: Where,
  sink: IssueSink,
): unknown[] {
  if (twinRaw === undefined) return [];
  if (!repeating) return [twinRaw];
  let twins: unknown[];
  if (!Array.isArray(twinRaw)) {
    sink.report('structure/array-expected', child(parent, twinKey ?? `_${key}`), { name: twinKey ?? `_${key}` }, { node: el });
    twins = [twinRaw];
  } else {
    twins = twinRaw;
  }
  if (raw !== undefined && twins.length !== values.length) {
    sink.report(
      'structure/primitive-twin',
      here,
      { name: key, reason: `${values.length} values but ${twins.length} extension entries` },
      { node: el },
    );
  }
  return twins;
}

/** A repeating element given as an empty array. */
export function checkEmptyList(raw: unknown, here: Where, el: ElementPlan, sink: IssueSink): void {
  if (Array.isArray(raw) && raw.length === 0) sink.report('structure/empty-element', here, {}, { node: el, constraintKey: 'ele-1' });
}

/** A primitive occurrence with neither a value nor a twin (null in the lists, unless both lists are arrays). */
export function emptyPrimitive(raw: unknown, twinRaw: unknown, where: Where, el: ElementPlan, sink: IssueSink): void {
  if (!(Array.isArray(raw) && Array.isArray(twinRaw)))
    sink.report('structure/empty-element', where, {}, { node: el, constraintKey: 'ele-1' });
}

/** A null item of a complex element. */
export function nullItem(where: Where, el: ElementPlan, sink: IssueSink): void {
  sink.report('structure/empty-element', where, {}, { node: el, constraintKey: 'ele-1' });
}

/** A complex element with no content (nothing, or only an id). */
export function checkNotEmpty(value: Json, where: Where, node: ElementPlan, sink: IssueSink): void {
  const keys = Object.keys(value);
  if (keys.length === 0 || (keys.length === 1 && keys[0] === 'id')) {
    sink.report('structure/empty-element', where, {}, { node, constraintKey: 'ele-1' });
  }
}

/** A `_name` twin given for an element that is not a primitive. */
export function twinOfComplex(key: string, twinKey: string | undefined, parent: Where, el: ElementPlan, sink: IssueSink): void {
  sink.report(
    'structure/primitive-twin',
    child(parent, twinKey ?? `_${key}`),
    { name: key, reason: `'${key}' is not a primitive` },
    { node: el },
  );
}

/** A primitive's twin is a JSON object; false after reporting. */
export function isTwinObject(twin: unknown, where: Where, node: ElementPlan, sink: IssueSink): twin is Json {
  if (isObject(twin)) return true;
  sink.report(
    'structure/primitive-twin',
    where,
    { name: where.fhirPath.split('.').pop() ?? '', reason: 'must be a JSON object' },
    { node },
  );
  return false;
}

/**
 * A primitive's twin with no content (ele-1). `where` is the twin's place. Without a value, a twin holding only
 * an `id` leaves the element empty too (ele-1: a value or children other than the id; XML `<active id="a1"/>`).
 */
export function checkTwinNotEmpty(twin: Json, where: Where, node: ElementPlan, sink: IssueSink, hasValue = true): void {
  const keys = Object.keys(twin);
  if (keys.length === 0 || (!hasValue && keys.length === 1 && keys[0] === 'id')) {
    sink.report('structure/empty-element', where, {}, { node, constraintKey: 'ele-1' });
  }
}
