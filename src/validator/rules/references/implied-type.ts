import type { ElementPlan } from '../../plan/plan.js';
import type { IssueSink, WalkContext, Where } from '../../context.js';
import { parseReference } from '../../../fhir/references.js';

const ANY = new Set(['http://hl7.org/fhir/StructureDefinition/Resource', 'http://hl7.org/fhir/StructureDefinition/DomainResource']);
const BASE = 'http://hl7.org/fhir/StructureDefinition/';

/**
 * A reference whose target is not at hand (a standalone resource's reference to a resource elsewhere):
 * the resource type its URL names (`Practitioner/x`, `https://server/fhir/Practitioner/x`) must still be one
 * FHIR allows for the element — the base definition's target types (Condition.subject: Patient or Group). A
 * profile's narrower target profiles are not applied to a target that is not at hand, as in the HL7 validator
 * (Observation.subject → Group/1 under a profile allowing Patient and Location draws no error there). Nothing is
 * said when the URL names no resource type or the element allows any resource.
 */
export function checkImpliedType(reference: string, node: ElementPlan, where: Where, sink: IssueSink, ctx: WalkContext): void {
  // `Type/id` (optionally `/_history/<v>`), relative or at the end of an absolute http(s) URL
  const { kind, type } = parseReference(reference);
  if ((kind !== 'relative' && kind !== 'absolute') || type === undefined) return;
  if (ctx.model.structure(type)?.kind !== 'resource') return;
  const basePath = node.ed.base?.path ?? node.path;
  const base = ctx.plans.get(BASE + basePath.split('.')[0]!)?.byId.get(basePath);
  const targets = base?.types.find((t) => t.code === 'Reference')?.targetProfiles ?? [];
  if (targets.length === 0 || targets.some((t) => ANY.has(t.split('|')[0]!))) return;
  const allowed = new Set<string>();
  for (const t of targets) {
    const bare = t.split('|')[0]!;
    if (!bare.startsWith(BASE)) return;
    allowed.add(bare.slice(BASE.length));
  }
  if (allowed.has(type)) return;
  sink.report('references/target-type', where, { type, allowed: [...allowed].join(', ') }, { node });
}
