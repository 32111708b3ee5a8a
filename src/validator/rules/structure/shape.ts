import { child, type IssueSink, type Json, type Where } from '../../context.js';
import type { ElementPlan } from '../../plan/plan.js';
import { isObject } from '../../../util/json.js';

/**
 * The JSON shape of elements (docs/rules/structure): a repeating element is an array, a single one
 * is not (`structure/array-expected`, `structure/single-expected`), nothing is null or empty
 * (`structure/empty-element`, ele-1), and a primitive's `_name` twin fits it (`structure/primitive-twin`).
 */

/** The occurrences of an element's property and of its `_name` twin, as lists. */
export interface ListShape {
  values: unknown[];
  twins: unknown[];
}

/**
 * The values of an element's property (`raw`) and of its twin (`twinRaw`) as lists, after checking
 * their shape: arrays where the element repeats (`repeating`, from its base definition), single
 * values where it does not, as many twins as values, no empty array.
 */
export function listShape(raw: unknown, twinRaw: unknown, el: ElementPlan, key: string, twinKey: string | undefined, repeating: boolean,
  here: Where, parent: Where, sink: IssueSink): ListShape {
  if (raw === undefined && twinRaw === undefined) return { values: [], twins: [] };
  let values: unknown[];
  let twins: unknown[] = [];
  if (repeating) {
    if (raw !== undefined && !Array.isArray(raw)) {
      sink.report('structure/array-expected', here, { name: key }, { node: el });
      values = [raw];
    } else {
      values = (raw as unknown[] | undefined) ?? [];
    }
    if (twinRaw !== undefined) {
      if (!Array.isArray(twinRaw)) {
        sink.report('structure/array-expected', child(parent, twinKey ?? `_${key}`), { name: twinKey ?? `_${key}` }, { node: el });
        twins = [twinRaw];
      } else {
        twins = twinRaw;
      }
      if (raw !== undefined && twins.length !== values.length) {
        sink.report('structure/primitive-twin', here, { name: key, reason: `${values.length} values but ${twins.length} extension entries` }, { node: el });
      }
    }
    if (Array.isArray(raw) && raw.length === 0) sink.report('structure/empty-element', here, {}, { node: el, constraintKey: 'ele-1' });
  } else {
    if (Array.isArray(raw)) {
      sink.report('structure/single-expected', here, { name: key }, { node: el });
      values = raw;
    } else {
      values = raw === undefined ? [] : [raw];
    }
    if (twinRaw !== undefined) twins = [twinRaw];
  }
  return { values, twins };
}

/** A primitive occurrence with neither a value nor a twin (null in the lists, unless both lists are arrays). */
export function emptyPrimitive(raw: unknown, twinRaw: unknown, where: Where, el: ElementPlan, sink: IssueSink): void {
  if (!(Array.isArray(raw) && Array.isArray(twinRaw))) sink.report('structure/empty-element', where, {}, { node: el, constraintKey: 'ele-1' });
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
  sink.report('structure/primitive-twin', child(parent, twinKey ?? `_${key}`), { name: key, reason: `'${key}' is not a primitive` }, { node: el });
}

/** A primitive's twin is a JSON object; false after reporting. */
export function isTwinObject(twin: unknown, where: Where, node: ElementPlan, sink: IssueSink): twin is Json {
  if (isObject(twin)) return true;
  sink.report('structure/primitive-twin', where, { name: where.fhirPath.split('.').pop() ?? '', reason: 'must be a JSON object' }, { node });
  return false;
}

/** A primitive's twin with no content (ele-1). `where` is the twin's place. */
export function checkTwinNotEmpty(twin: Json, where: Where, node: ElementPlan, sink: IssueSink): void {
  if (Object.keys(twin).length === 0) sink.report('structure/empty-element', where, {}, { node, constraintKey: 'ele-1' });
}
