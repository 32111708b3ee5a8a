import type { Resolver } from '../../defs/registry.js';
import { splitCanonical } from '../../defs/resource.js';
import type { TypeRefIR } from '../../ir/types.js';
import type { ED, SD } from '../element-list.js';
import { fhirTypeCode } from '../../fhir/types.js';
import type { ApplyContext } from './context.js';
import { profileRootTemplate, replaceElement } from './template.js';

const RESOURCE_BASES = new Set(['Resource', 'DomainResource']);
const REFERENCE_CODES = new Set(['Reference', 'canonical', 'CodeableReference']);

export function resolveSd(resolver: Resolver, url: string): SD | undefined {
  return resolver.resolve(url, 'StructureDefinition')?.resource as unknown as SD | undefined;
}

/** The chain of canonical urls from a StructureDefinition up to its root type. */
export function ancestry(resolver: Resolver, url: string): string[] {
  const out: string[] = [];
  let current: string | undefined = url;
  for (let guard = 0; current && guard < 30; guard++) {
    out.push(splitCanonical(current).url);
    current = resolveSd(resolver, current)?.baseDefinition;
  }
  return out;
}

/** Is the new type entry allowed where the parent had `parentTypes`? Returns the reason if not. */
function disallowed(ctx: ApplyContext, t: TypeRefIR, parentTypes: fhir4.ElementDefinitionType[]): string | undefined {
  const codes = parentTypes.map(fhirTypeCode);
  const isResourceSlot = codes.some((c) => RESOURCE_BASES.has(c));
  const parent = parentTypes.find((p) => fhirTypeCode(p) === t.code);
  if (!parent) {
    if (isResourceSlot && resolveSd(ctx.resolver, t.code)?.kind === 'resource') return undefined;
    return `type ${t.code} is not among the parent's types (${codes.join(', ')})`;
  }
  for (const p of t.profile ?? []) {
    const sd = resolveSd(ctx.resolver, p);
    if (!sd && ctx.rules.keepUnresolvedTypeProfiles) continue; // kept as stated (the validator says it cannot check it)
    if (!sd) return `type profile ${p} cannot be resolved`;
    // a Resource slot's type may be profiled with any resource's profile (Bundle.entry.resource: Resource, profile a Patient's)
    if (sd.type !== t.code && !(RESOURCE_BASES.has(t.code) && sd.kind === 'resource')) {
      return `type profile ${p} constrains ${sd.type}, not ${t.code}`;
    }
    if (parent.profile?.length && !parent.profile.some((pp) => ancestry(ctx.resolver, p).includes(splitCanonical(pp).url))) {
      return `type profile ${p} does not derive from the parent's ${parent.profile.join(', ')}`;
    }
  }
  for (const target of t.targetProfile ?? []) {
    if (!resolveSd(ctx.resolver, target)) {
      if (ctx.rules.keepUnresolvedTypeProfiles) continue; // kept as stated (the validator says it cannot check the target)
      return `target profile ${target} cannot be resolved`;
    }
    const parentTargets = parent.targetProfile ?? [];
    if (parentTargets.length === 0) continue;
    const chain = ancestry(ctx.resolver, target);
    const ok = parentTargets.some((pt) => {
      const plain = splitCanonical(pt).url;
      return chain.includes(plain) || plain === 'http://hl7.org/fhir/StructureDefinition/Resource';
    });
    if (!ok) return `target profile ${target} is not one of (or derived from) the parent's targets ${parentTargets.join(', ')}`;
  }
  return undefined;
}

function toType(t: TypeRefIR, template: fhir4.ElementDefinitionType | undefined): fhir4.ElementDefinitionType {
  const out = {} as fhir4.ElementDefinitionType;
  if (template?.extension) out.extension = structuredClone(template.extension);
  out.code = template && template.code !== t.code ? template.code : t.code;
  if (t.profile) out.profile = [...t.profile];
  if (t.targetProfile) out.targetProfile = [...t.targetProfile];
  if (t.aggregation) out.aggregation = [...t.aggregation];
  return out;
}

/** True when the element is a slice of an element the parent had already sliced. */
export function onSlicedBase(ctx: Pick<ApplyContext, 'list'>, el: ED): boolean {
  if (el.sliceName === undefined) return false;
  const slicerId = el.id!.slice(0, el.id!.lastIndexOf(':'));
  return ctx.list.original(slicerId)?.slicing !== undefined;
}

/**
 * Type narrowing (`only`): every new type must be one of the parent's, type profiles must
 * constrain that type (and derive from a parent type profile), target profiles must derive from a
 * parent target. The new list replaces the old one (aggregation is not inherited). A single
 * profiled type makes the element start from the profile's root element (see template.ts).
 */
export function applyTypes(ctx: ApplyContext): void {
  const { rule, el } = ctx;
  if (!rule.types) return;
  const parentTypes = el.type ?? [];
  for (const t of rule.types) {
    const why = disallowed(ctx, t, parentTypes);
    if (why) {
      ctx.report('compile/type-not-in-parent', `${el.id}: ${why}`);
      return;
    }
  }
  const types = rule.types.map((t) =>
    toType(
      t,
      parentTypes.find((p) => fhirTypeCode(p) === t.code),
    ),
  );
  const only = rule.types.length === 1 ? rule.types[0]! : undefined;
  const profile = only?.profile?.[0];
  if (only && profile && !REFERENCE_CODES.has(only.code) && !onSlicedBase(ctx, el) && parentTypes[0]?.profile?.[0] !== profile) {
    const summary = parentTypes.map(fhirTypeCode).join('|');
    const useRoot = ctx.rules.profileRootTemplate === 'all' || summary === 'Extension' || summary === 'Resource';
    const sd = useRoot ? resolveSd(ctx.resolver, profile) : undefined;
    const root = sd?.snapshot?.element?.[0] as ED | undefined;
    if (sd && root) replaceElement(el, profileRootTemplate(root, el, only.code, sd.kind === 'resource'));
  }
  el.type = types;
  // children unfolded before the element got its type profile come afresh from the profile
  if (
    ctx.rules.sliceFromProfileElement &&
    profile &&
    only &&
    !REFERENCE_CODES.has(only.code) &&
    parentTypes[0]?.profile?.[0] !== profile &&
    ctx.list.hasChildren(ctx.index) &&
    resolveSd(ctx.resolver, profile) !== undefined
  ) {
    ctx.list.refold(ctx.index);
  }
}
