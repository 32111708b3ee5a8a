import type { IssueSink, Json, Where } from '../../context.js';
import type { PlanCache, StructurePlan } from '../../plan/plan.js';

/** The abstract bases a profile may be on and still apply to any resource. */
export const RESOURCE_BASES: ReadonlySet<string> = new Set(['Resource', 'DomainResource']);

/** The plan of a resource's type; undefined after reporting a missing or unknown `resourceType`. */
export function resourceBase(value: Json, where: Where, sink: IssueSink, plans: PlanCache): StructurePlan | undefined {
  const rt = value['resourceType'];
  if (typeof rt !== 'string') {
    sink.report('structure/resource-type', where, { reason: 'resourceType is missing' });
    return undefined;
  }
  const base = plans.type(rt);
  if (!base || base.kind !== 'resource') {
    sink.report('structure/resource-type', where, { reason: `'${rt}' is not a FHIR R4 resource type` });
    return undefined;
  }
  return base;
}

/** A profile the resource must conform to is for its type (or for any resource); false after reporting. */
export function requiredProfileFits(plan: StructurePlan, rt: string, where: Where, sink: IssueSink): boolean {
  if (plan.type === rt || RESOURCE_BASES.has(plan.type)) return true;
  sink.report('structure/resource-type', where, { reason: `expected a ${plan.type} (${plan.url}), found ${rt}` }, { node: plan.root });
  return false;
}

/** A profile the resource's meta.profile claims is for its type; false after reporting. */
export function claimedProfileFits(plan: StructurePlan, url: string, rt: string, where: Where, sink: IssueSink): boolean {
  if (plan.type === rt) return true;
  sink.report('structure/resource-type', where, { reason: `meta.profile ${url} is for ${plan.type}, the resource is a ${rt}` });
  return false;
}
