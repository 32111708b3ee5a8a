import type { IssueSink, Where } from '../../context.js';
import type { ElementPlan } from '../../plan/plan.js';
import { equalsFixed, matchesPattern } from '../../../fhir/values.js';

/** A short rendering of an expected value for messages. */
export function show(v: unknown): string {
  const s = typeof v === 'string' ? `'${v}'` : JSON.stringify(v);
  return s.length > 200 ? s.slice(0, 197) + '…' : s;
}

/** A value against the element's fixed[x] (exactly) and pattern[x] (contains). */
export function checkFixedPattern(value: unknown, node: ElementPlan, where: Where, sink: IssueSink): void {
  if (node.fixed && !equalsFixed(value, node.fixed.value)) {
    sink.report('fixed-pattern/fixed-mismatch', where, { expected: show(node.fixed.value) }, { node });
  }
  if (node.pattern && !matchesPattern(value, node.pattern.value)) {
    sink.report('fixed-pattern/pattern-mismatch', where, { expected: show(node.pattern.value) }, { node });
  }
}
