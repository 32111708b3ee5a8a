import type { ElementPlan } from '../../plan/plan.js';
import type { IssueSink, WalkContext, Where } from '../../context.js';

const ANY = new Set(['http://hl7.org/fhir/StructureDefinition/Resource', 'http://hl7.org/fhir/StructureDefinition/DomainResource']);
const BASE = 'http://hl7.org/fhir/StructureDefinition/';
/** `Type/id` (optionally `/_history/<v>`), relative or at the end of an absolute http(s) URL. */
const TYPE_ID = /^(?:https?:\/\/[^?#]*\/)?([A-Z][A-Za-z]+)\/[A-Za-z0-9\-.]{1,64}(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

/**
 * A reference whose target is not at hand (a standalone resource's reference to a resource elsewhere):
 * the resource type its URL names (`Practitioner/x`, `https://server/fhir/Practitioner/x`) must still be one
 * the element allows, as the HL7 validator checks. Nothing is said when the URL names no resource type, when
 * the element allows any resource, or when a target profile is not available (its type is then unknown).
 */
export function checkImpliedType(reference: string, node: ElementPlan, where: Where, sink: IssueSink, ctx: WalkContext): void {
  const m = TYPE_ID.exec(reference);
  if (!m) return;
  const type = m[1]!;
  if (ctx.model.structure(type)?.kind !== 'resource') return;
  const targets = node.types.find((t) => t.code === 'Reference')?.targetProfiles ?? [];
  if (targets.length === 0 || targets.some((t) => ANY.has(t.split('|')[0]!))) return;
  const allowed = new Set<string>();
  for (const t of targets) {
    const plan = ctx.plans.get(t);
    const bare = t.split('|')[0]!;
    const typeOf = plan?.type ?? (bare.startsWith(BASE) ? bare.slice(BASE.length) : undefined);
    if (typeOf === undefined) return;
    allowed.add(typeOf);
  }
  if (allowed.has(type)) return;
  sink.report('references/target-type', where, { type, allowed: [...allowed].join(', ') }, { node });
}
