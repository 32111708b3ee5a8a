import { below, type IssueSink, type Where } from '../../context.js';
import type { PlanCache, StructurePlan } from '../../plan/plan.js';

/** The plan of a profile the run requires (`--profile`); undefined after reporting it unknown. */
export function requiredPlan(url: string, where: Where, sink: IssueSink, plans: PlanCache): StructurePlan | undefined {
  const plan = plans.get(url);
  if (!plan) sink.report('profiles/unknown', where, { profile: url });
  return plan;
}

/** The plan of the profile a resource's `meta.profile[i]` claims; undefined after reporting it unknown. */
export function claimedPlan(url: string, i: number, where: Where, sink: IssueSink, plans: PlanCache): StructurePlan | undefined {
  const plan = plans.get(url);
  if (!plan) sink.report('profiles/unknown', below(where, `${where.fhirPath}.meta.profile[${i}]`, 'meta', 'profile', i), { profile: url });
  return plan;
}
