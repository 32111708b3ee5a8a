import type { IssueSink, Where } from '../../context.js';
import type { ElementPlan } from '../../plan/plan.js';

/** A choice element (`value[x]`) given in more than one type: `names` are the JSON names given, per element. */
export function checkChoiceTypes(given: ReadonlyMap<ElementPlan, string[]>, where: Where, sink: IssueSink): void {
  for (const [el, names] of given) {
    if (names.length > 1) sink.report('structure/choice-multiple', where, { name: el.name, names: names.join(', ') }, { node: el });
  }
}
