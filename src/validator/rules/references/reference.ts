import type { ElementPlan, StructurePlan } from '../../plan/plan.js';
import { isVersionSpecific, parseReference } from '../../../fhir/references.js';
import { checkImpliedType } from './implied-type.js';
import { below, placeKey, type IssueSink, type Json, type WalkContext, type Where } from '../../context.js';

const ANY = new Set(['http://hl7.org/fhir/StructureDefinition/Resource', 'http://hl7.org/fhir/StructureDefinition/DomainResource']);

/**
 * A Reference: it must resolve (contained `#id` references and elements with aggregation `bundled`
 * as errors, other references inside a Bundle, `urn:uuid:` ones too, as warnings), the
 * target must have the type the reference names, the target's type must be allowed, and it must conform to one
 * of the target profiles.
 */
export function checkReference(value: Json, node: ElementPlan, where: Where, sink: IssueSink, ctx: WalkContext): void {
  const ref = value['reference'];
  if (typeof ref !== 'string') return;
  const refType = node.types.find((t) => t.code === 'Reference');
  const bundled = refType?.aggregation.includes('bundled') ?? false;
  const inBundle = where.bundle !== undefined;
  const target = ctx.resolveReference(ref, where);
  if (!target && !ref.startsWith('#') && !inBundle) {
    // a standalone resource's reference points elsewhere (or to no `--context` resource): only the type its URL names is checked
    checkImpliedType(ref, node, where, sink, ctx);
    return;
  }
  if (!target) {
    // an error where the target must be there (contained '#id', aggregation 'bundled'); otherwise a
    // warning, as the HL7 validator gives — also for a urn:uuid/urn:oid no entry has ("URN reference is
    // not locally contained within the bundle")
    const mustResolve = ref.startsWith('#') || bundled;
    sink.report(
      'references/unresolved',
      below(where, `${where.fhirPath}.reference`, 'reference'),
      { reference: ref },
      { node, severity: mustResolve ? 'error' : 'warning' },
    );
    return;
  }
  const ambiguous = ambiguity(ref, target, where);
  if (ambiguous) {
    sink.report('references/ambiguous', where, { reference: ref, count: ambiguous.count }, { node, causes: ambiguous.causes });
    return;
  }
  // the resource type the reference names: `Type/id`, `[base]/Type/id`, either with `/_history/v`
  const named = parseReference(ref).type;
  const found = target['resourceType'];
  if (named !== undefined && typeof found === 'string' && found !== named && ctx.model.isResourceType(named)) {
    // `Practitioner/x` that is an Organization: the reference says one thing and the Bundle another; it follows
    // from the target entry's fullUrl naming another type, where it does (reported there)
    const at = where.bundle?.byResource.get(target);
    const causes = at ? [placeKey('bundle/fullurl-resource-mismatch', `${where.bundle!.fhirPath}.entry[${at.index}].fullUrl`)] : [];
    sink.report('references/type-mismatch', where, { reference: ref, type: found }, { node, causes });
    return;
  }
  const targets = refType?.targetProfiles ?? [];
  if (targets.length === 0 || targets.some((t) => ANY.has(t.split('|')[0]!))) return;
  const plans = targets.map((t) => ctx.plans.get(t)).filter((p): p is StructurePlan => p !== undefined);
  if (plans.length < targets.length) {
    // a target profile we cannot see: said so, never passed in silence
    const missing = targets.filter((t) => ctx.plans.get(t) === undefined);
    sink.report('references/not-checked', where, { reference: ref, profiles: missing.join(', ') }, { node });
    return;
  }
  const type = target['resourceType'];
  const allowed = [...new Set(plans.map((p) => p.type))];
  const entry = where.bundle?.byResource.get(target);
  if (typeof type !== 'string' || !allowed.includes(type)) {
    // a target whose resourceType is wrong or unknown is reported there: this follows from it; so it does from
    // a closed slicing's complaint about the same item (which names the slicing and the value found)
    const causes = [
      ...(entry ? [placeKey('structure/resource-type', `${where.bundle!.fhirPath}.entry[${entry.index}].resource`)] : []),
      placeKey('slicing/no-match-closed', where.fhirPath),
    ];
    sink.report('references/target-type', where, { type: String(type), allowed: allowed.join(', ') }, { node, causes });
    return;
  }
  const candidates = plans.filter((p) => p.type === type);
  if (candidates.some((p) => p.url === `http://hl7.org/fhir/StructureDefinition/${type}`)) return;
  if (!candidates.some((p) => ctx.conforms(target, p, where))) {
    // the first reason, so that a cascade can be traced to its cause (often reported at the target too)
    const why = ctx.whyNot(target, candidates[0]!) ?? '?';
    const profiles = candidates.map((p) => p.url).join(', ');
    // a follow-on of the target's own errors where the walk reports them (the target is walked against the
    // profile: it claims it); otherwise the first such finding about this target is the root and the others
    // (the same target referred to again) follow from it
    const alias = `references/target-profile|${entry ? `entry ${entry.index}` : `${where.entryFullUrl ?? ''} ${ref}`}|${profiles}`;
    const causes = [...candidates.flatMap((p) => ctx.causesOf(target, p)), alias];
    sink.report('references/target-profile', where, { reference: ref, profiles, why }, { node, causes, alias });
  }
}

/**
 * A reference without a version to an entry whose fullUrl other entries share (other versions of the resource,
 * bdl-7): which one is meant cannot be told. Not in a history Bundle, which lists the versions of resources. Where
 * the entries with the same fullUrl do not differ in version, it follows from bundle/fullurl-duplicate.
 */
function ambiguity(ref: string, target: Json, where: Where): { count: number; causes: string[] } | undefined {
  const b = where.bundle;
  const entry = b?.byResource.get(target);
  if (!b || !entry?.fullUrl || b.type === 'history' || isVersionSpecific(ref)) return undefined;
  const same = b.entries.filter((e) => e.fullUrl === entry.fullUrl);
  if (same.length < 2) return undefined;
  return { count: same.length, causes: [placeKey('bundle/fullurl-duplicate', `${b.fhirPath}.entry[${same[0]!.index}].fullUrl`)] };
}
