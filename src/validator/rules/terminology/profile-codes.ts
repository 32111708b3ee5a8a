import type { ElementPlan } from '../../plan/plan.js';
import { isObject } from '../../../util/json.js';

/** Where the walk tells the run about the codes a profile names (terminology/decisions.ts DecisionLog). */
export interface CodeNotes {
  vouch(system: string, code: string): void;
}

/**
 * The codes an element's fixed or pattern value names (a Coding, the codings of a CodeableConcept, a
 * Quantity's unit): the profile vouches for them, so the same code in an instance is a known code and
 * not reported as unchecked (codings.ts), whatever its code system.
 */
export function noteProfileCodes(node: ElementPlan, notes: CodeNotes): void {
  for (const v of [node.fixed?.value, node.pattern?.value]) {
    if (!isObject(v)) continue;
    const codings = Array.isArray(v['coding']) ? (v['coding'] as unknown[]) : [v];
    for (const c of codings) {
      if (isObject(c) && typeof c['system'] === 'string' && typeof c['code'] === 'string') notes.vouch(c['system'], c['code']);
    }
  }
}
