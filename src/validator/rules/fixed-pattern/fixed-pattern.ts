import type { IssueSink, Where } from '../../context.js';
import type { ElementPlan } from '../../plan/plan.js';
import { equalsFixed, matchesPattern } from '../../../fhir/values.js';
import { isObject } from '../../../util/json.js';
import { QUOTE_MAX, quoteValue } from '../../../util/text.js';

/** How much of a required value a message shows (compact JSON: a Coding's system alone is some 60 characters). */
const EXPECTED_MAX = 200;
/** How much of the value found a message shows, when it is JSON (an object or array). */
const FOUND_JSON_MAX = 2 * QUOTE_MAX;

/** A short rendering of a required (fixed or pattern) value for messages: compact JSON, a string quoted. */
export function show(v: unknown): string {
  return quoteValue(v, EXPECTED_MAX);
}

/**
 * The part of `found` that `pattern` speaks about: of an object, the properties the pattern has (so
 * a CodeableConcept found shows its codings' system and code, not its text and extensions); of an
 * array, every item, each as the pattern's first item speaks about it; anything else as it is.
 */
export function projectOnto(found: unknown, pattern: unknown): unknown {
  if (Array.isArray(found)) {
    const item: unknown = Array.isArray(pattern) ? pattern[0] : undefined;
    return item === undefined ? found : found.map((f) => projectOnto(f, item));
  }
  if (isObject(found) && isObject(pattern)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(pattern)) if (found[k] !== undefined) out[k] = projectOnto(found[k], pattern[k]);
    return out;
  }
  return found;
}

/**
 * The value found, for a message: quoted; against a pattern only what the pattern speaks about (a
 * fixed value must be matched exactly, so there the whole value, extra properties and all).
 */
function found(value: unknown, required: unknown, kind: 'fixed' | 'pattern'): string {
  const part = kind === 'pattern' ? projectOnto(value, required) : value;
  return quoteValue(part, typeof part === 'object' && part !== null ? FOUND_JSON_MAX : QUOTE_MAX);
}

/** A value against the element's fixed[x] (exactly) and pattern[x] (contains). */
export function checkFixedPattern(value: unknown, node: ElementPlan, where: Where, sink: IssueSink): void {
  if (node.fixed && !equalsFixed(value, node.fixed.value)) {
    sink.report(
      'fixed-pattern/fixed-mismatch',
      where,
      { expected: show(node.fixed.value), found: found(value, node.fixed.value, 'fixed') },
      { node },
    );
  }
  if (node.pattern && !matchesPattern(value, node.pattern.value)) {
    sink.report(
      'fixed-pattern/pattern-mismatch',
      where,
      { expected: show(node.pattern.value), found: found(value, node.pattern.value, 'pattern') },
      { node },
    );
  }
}
