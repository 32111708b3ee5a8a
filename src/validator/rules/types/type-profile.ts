import type { IssueSink, Where } from '../../context.js';
import type { ElementPlan, PlanCache } from '../../plan/plan.js';

/**
 * A data type value whose element names type profiles (`ElementDefinition.type.profile`) none of which is
 * available (`types/profile-unknown`, an error as in the HL7 validator: what the profile requires cannot be
 * checked). The value is still checked against its base type. Extensions (structure/unknown-extension) and
 * References (whose targetProfile is another matter) are not this rule's.
 */
export function checkTypeProfilesKnown(node: ElementPlan, typeCode: string, where: Where, sink: IssueSink, plans: PlanCache): void {
  if (typeCode === 'Extension' || typeCode === 'Reference') return;
  const typed = node.types.find((t) => t.code === typeCode) ?? (node.types.length === 1 ? node.types[0] : undefined);
  if (!typed || typed.profiles.length === 0) return;
  if (typed.profiles.some((p) => plans.get(p) !== undefined)) return;
  sink.report('types/profile-unknown', where, { profile: typed.profiles.join(', ') }, { node });
}
