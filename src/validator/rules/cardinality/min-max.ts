import type { IssueSink, Where } from '../../context.js';
import type { ElementPlan } from '../../plan/plan.js';

/** An element's occurrences against its min and max (a slice's are counted by the slicing). */
export function checkCardinality(el: ElementPlan, count: number, where: Where, sink: IssueSink): void {
  if (el.sliceName !== undefined) return; // slices are counted by the slicing
  if (count < el.min) sink.report('cardinality/min', where, { min: el.min, found: count, element: el.id }, { node: el });
  if (count > el.max) sink.report('cardinality/max', where, { max: el.maxText, found: count, element: el.id }, { node: el });
}
