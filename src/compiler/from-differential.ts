/**
 * Snapshots for StructureDefinitions that come with a differential only (a `--package` folder, the
 * supporting definitions of a test case): each differential ElementDefinition becomes an IR rule and
 * the compiler applies the rules to a clone of the base definition's snapshot, as it does for our
 * own profiles (docs/architecture.md, "Authoring pipeline").
 */
import type { Resolver } from '../defs/registry.js';
import { splitCanonical } from '../defs/resource.js';
import type { ElementRuleIR, InvariantIR, SlicingIR, SourceInfo, StructureDefinitionIR, TypeRefIR } from '../ir/types.js';
import { Diagnostics } from './diagnostics.js';
import type { ED, SD } from './element-list.js';
import { SNAPSHOT_RULES, type SnapshotRules } from './snapshot-rules.js';
import { compileStructureDefinition, type CompileOptions } from './structure-definition.js';

export interface GeneratedSnapshot {
  /** The snapshot's elements; absent when none could be generated. */
  snapshot?: ED[];
  /** What could not be applied, each naming the StructureDefinition and, where it applies, the element. */
  problems: string[];
  /** The base definition's kind, which a constraint has too (a differential may misstate it). */
  kind?: SD['kind'];
}

/** ElementDefinition fields the translation handles itself (the rest is copied as is). */
const HANDLED = new Set([
  'id',
  'path',
  'sliceName',
  'base',
  'mapping',
  'contentReference',
  'min',
  'max',
  'type',
  'binding',
  'slicing',
  'constraint',
  'mustSupport',
  'isModifier',
  'isModifierReason',
  'isSummary',
  'maxLength',
  'short',
  'definition',
  'comment',
  'requirements',
  'alias',
  'condition',
]);

const VALUE_PREFIX = /^(fixed|pattern)([A-Z].*)$/;

/**
 * `sd` completed with the snapshot generated from its differential (and the kind of its base, which
 * a constraint shares), as `Definitions` wants it.
 */
export function withGeneratedSnapshot(sd: SD, resolver: Resolver): { resource?: SD; problems: string[] } {
  const { snapshot, problems, kind } = generateSnapshot(sd, resolver);
  if (!snapshot) return { problems };
  return { resource: { ...sd, ...(kind ? { kind } : {}), snapshot: { element: snapshot } }, problems };
}

/**
 * The snapshot of `sd` generated from its differential against its base definition's snapshot
 * (resolved through `resolver`; a base that is itself differential-only is generated there first
 * when the resolver completes definitions, see `Definitions.setSnapshotGenerator`).
 */
export function generateSnapshot(
  sd: SD,
  resolver: Resolver,
  options: { rules?: SnapshotRules } & Pick<CompileOptions, 'pin' | 'pins'> = {},
): GeneratedSnapshot {
  const name = `StructureDefinition ${sd.url}`;
  const diff = (sd.differential?.element ?? []) as ED[];
  if (!sd.baseDefinition) return { problems: [`${name}: no baseDefinition to generate a snapshot from its differential`] };
  // a "specialization" of a type into the same type (Patient from Patient) constrains it, as the HL7 validator reads it
  if (sd.derivation === 'specialization' && resolver.resolve(sd.baseDefinition, 'StructureDefinition')?.resource['type'] !== sd.type) {
    return { problems: [`${name}: a specialization's snapshot cannot be generated from its differential`] };
  }
  const source: SourceInfo = { file: sd.url, line: 0, column: 0 };
  const inlined = inlineProfileElements(diff, resolver);
  const { url, version } = splitCanonical(sd.baseDefinition);
  const ir: StructureDefinitionIR = {
    resourceType: 'StructureDefinition',
    kind: sd.type === 'Extension' ? 'extension' : 'profile',
    id: sd.id ?? sd.name,
    url: sd.url,
    version: sd.version ?? '',
    name: sd.name,
    status: sd.status,
    parent: version === undefined ? { url } : { url, version },
    rules: differentialRules(inlined.diff, source),
    source,
  };
  const diagnostics = new Diagnostics();
  let out: SD | undefined;
  try {
    // a type profile we do not hold stays as stated (the HL7 snapshot generator keeps it; the validator reports it)
    const rules: SnapshotRules = { ...(options.rules ?? SNAPSHOT_RULES['publisher-2025']), keepUnresolvedTypeProfiles: true };
    out = compileStructureDefinition(ir, resolver, diagnostics, { ...options, rules });
  } catch (e) {
    return { problems: [`${name}: snapshot generation failed: ${(e as Error).message}`] };
  }
  const problems = [
    ...inlined.problems.map((m) => `${name}: ${m}`),
    ...diagnostics.items.filter((d) => d.severity === 'error').map((d) => `${name}: ${d.message}`),
  ];
  const snapshot = out?.snapshot?.element as ED[] | undefined;
  return snapshot?.length ? { snapshot, problems, kind: out!.kind } : { problems };
}

const PROFILE_ELEMENT = 'http://hl7.org/fhir/StructureDefinition/elementdefinition-profile-element';

/**
 * The element a type profile names with `elementdefinition-profile-element` (`Composition.section` typed
 * `BackboneElement(library)` with the extension `Composition.section:codeA`): a backbone element that takes its
 * content from an element of another StructureDefinition, not from that definition's root.
 */
function profileElement(el: ED): { profile: string; element: string } | undefined {
  const t = el.type;
  if (t?.length !== 1 || t[0]!.profile?.length !== 1) return undefined;
  const twin = (t[0] as { _profile?: ({ extension?: { url?: string; valueString?: string }[] } | null)[] })._profile?.[0];
  const element = twin?.extension?.find((e) => e.url === PROFILE_ELEMENT)?.valueString;
  return element === undefined ? undefined : { profile: t[0]!.profile[0]!, element };
}

/**
 * The differential with every element typed by a profile's element (`elementdefinition-profile-element`)
 * unfolded in place: the element keeps its own type code, and the constraints the named element's children have
 * in that profile (its differential, or its snapshot when it has none) follow it, re-based onto it
 * (`Composition.section:codeA.code` → `Composition.section:code-A.code`), as the HL7 snapshot generator merges
 * them. A profile or element that cannot be found is a problem; the element then keeps the plain type.
 */
function inlineProfileElements(diff: readonly ED[], resolver: Resolver): { diff: ED[]; problems: string[] } {
  if (!diff.some((el) => profileElement(el) !== undefined)) return { diff: [...diff], problems: [] };
  const ids = differentialIds(diff);
  const out: ED[] = [];
  const problems: string[] = [];
  diff.forEach((el, i) => {
    const named = profileElement(el);
    if (!named) {
      out.push(el);
      return;
    }
    const id = ids[i]!;
    const { type: _type, ...rest } = el;
    out.push({ ...rest, id, type: [{ code: el.type![0]!.code }] });
    const library = resolver.resolve(named.profile, 'StructureDefinition')?.resource as unknown as SD | undefined;
    const source = (library?.differential?.element?.length ? library.differential.element : library?.snapshot?.element) as ED[] | undefined;
    if (!source) {
      problems.push(`${id}: profile ${named.profile} (element ${named.element}) cannot be resolved`);
      return;
    }
    const sourceIds = differentialIds(source);
    if (!sourceIds.includes(named.element)) {
      problems.push(`${id}: ${named.profile} has no element ${named.element}`);
      return;
    }
    const prefix = `${named.element}.`;
    source.forEach((child, k) => {
      const childId = sourceIds[k]!;
      if (!childId.startsWith(prefix)) return;
      out.push({ ...structuredClone(child), id: `${id}.${childId.slice(prefix.length)}` });
    });
  });
  return { diff: out, problems };
}

/**
 * Element ids of differential elements: as given, or (older differentials state paths only) from
 * their paths, where an element below a sliced path belongs to the slice most recently opened there.
 */
export function differentialIds(diff: readonly ED[]): string[] {
  const open = new Map<string, string>();
  return diff.map((el) => {
    const segments = el.path.split('.');
    const parts: string[] = [];
    for (let i = 0; i < segments.length; i++) {
      const prefix = segments.slice(0, i + 1).join('.');
      const last = i === segments.length - 1;
      const slice = last ? el.sliceName : open.get(prefix);
      parts.push(slice === undefined ? segments[i]! : `${segments[i]}:${slice}`);
    }
    // a slice opens its path for the elements that follow; the unsliced element closes it
    for (const k of [...open.keys()]) if (k === el.path || k.startsWith(el.path + '.')) open.delete(k);
    if (el.sliceName !== undefined) open.set(el.path, el.sliceName);
    return el.id ?? parts.join('.');
  });
}

/** A choice's type slice (`value[x]:valueQuantity`) is addressed by its type name (`valueQuantity`). */
function typeSliceName(name: string, slice: string): string | undefined {
  if (!name.endsWith('[x]')) return undefined;
  const stem = name.slice(0, -3);
  return slice.startsWith(stem) && /^[A-Z]/.test(slice.slice(stem.length)) ? slice : undefined;
}

/** An element id → the compiler's FSH-style path (`Patient.identifier:cpr.system` → `identifier[cpr].system`). */
export function idToRulePath(id: string): string {
  const parts = id.split('.').slice(1);
  if (parts.length === 0) return '.';
  return parts
    .map((part) => {
      const [name, ...slices] = part.split(':');
      const typed = slices.length > 0 ? typeSliceName(name!, slices[0]!) : undefined;
      if (typed)
        return (
          typed +
          slices
            .slice(1)
            .map((s) => `[${s}]`)
            .join('')
        );
      return name! + slices.map((s) => `[${s}]`).join('');
    })
    .join('.');
}

function differentialRules(diff: readonly ED[], source: SourceInfo): ElementRuleIR[] {
  const ids = differentialIds(diff);
  const rules: ElementRuleIR[] = [];
  diff.forEach((el, i) => {
    const id = ids[i]!;
    const lastDot = id.lastIndexOf('.');
    const last = id.slice(lastDot + 1);
    const colon = last.lastIndexOf(':');
    if (colon > 0 && lastDot > 0) {
      const slicedId = id.slice(0, lastDot + 1 + colon);
      const sliceName = last.slice(colon + 1);
      if (!typeSliceName(last.slice(0, colon).split(':')[0]!, sliceName) || last.slice(0, colon).includes(':')) {
        const profile = extensionProfile(el);
        rules.push({
          path: idToRulePath(slicedId),
          source: { ...source, key: slicedId },
          contains: [profile ? { name: sliceName, profile } : { name: sliceName }],
        });
      }
    }
    rules.push(elementRule(el, idToRulePath(id), { ...source, key: id }));
  });
  return rules;
}

/** The extension definition an extension slice is of (its one type's one profile). */
function extensionProfile(el: ED): string | undefined {
  const t = el.type;
  if (t?.length !== 1 || t[0]!.code !== 'Extension' || t[0]!.profile?.length !== 1) return undefined;
  return t[0]!.profile[0];
}

function elementRule(el: ED, path: string, source: SourceInfo): ElementRuleIR {
  const rule: ElementRuleIR = { path, source };
  if (el.min !== undefined) rule.min = el.min;
  if (el.max !== undefined) rule.max = el.max;
  // a backbone element's type restated (on a contentReference element too, which has none) narrows nothing
  const backbone = el.type?.every((t) => (t.code === 'BackboneElement' || t.code === 'Element') && !t.profile?.length);
  if (el.type?.length && !backbone) rule.types = el.type.map(typeRule);
  if (el.binding?.strength) {
    rule.binding = { strength: el.binding.strength };
    if (el.binding.valueSet !== undefined) rule.binding.valueSet = el.binding.valueSet;
    if (el.binding.description !== undefined) rule.binding.description = el.binding.description;
  }
  if (el.slicing) {
    const s = {
      discriminator: (el.slicing.discriminator ?? []).map((d) => ({ type: d.type, path: d.path })),
      rules: el.slicing.rules ?? 'open',
    } as SlicingIR;
    if (el.slicing.ordered !== undefined) s.ordered = el.slicing.ordered;
    if (el.slicing.description !== undefined) s.description = el.slicing.description;
    rule.slicing = s;
  }
  // an invariant without a FHIRPath expression (xpath only) cannot be evaluated: not taken over
  const constraints = (el.constraint ?? []).filter((c) => c.expression !== undefined).map((c) => invariant(c, source));
  if (constraints.length > 0) rule.constraints = constraints;
  if (el.mustSupport !== undefined) rule.mustSupport = el.mustSupport;
  if (el.isModifier !== undefined) rule.isModifier = el.isModifier;
  if (el.isModifierReason !== undefined) rule.isModifierReason = el.isModifierReason;
  if (el.isSummary !== undefined) rule.isSummary = el.isSummary;
  if (el.maxLength !== undefined) rule.maxLength = el.maxLength;
  if (el.short !== undefined) rule.short = el.short;
  if (el.definition !== undefined) rule.definition = el.definition;
  if (el.comment !== undefined) rule.comment = el.comment;
  if (el.requirements !== undefined) rule.requirements = el.requirements;
  if (el.alias !== undefined) rule.alias = [...el.alias];
  if (el.condition !== undefined) rule.condition = [...el.condition];
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(el)) {
    if (HANDLED.has(k) || v === undefined) continue;
    const m = VALUE_PREFIX.exec(k);
    if (m) rule[m[1] as 'fixed' | 'pattern'] = { value: v, type: m[2]! };
    else extra[k] = v;
  }
  if (Object.keys(extra).length > 0) rule.extra = extra;
  return rule;
}

function typeRule(t: fhir4.ElementDefinitionType): TypeRefIR {
  const out: TypeRefIR = { code: t.code };
  if (t.profile?.length) out.profile = [...t.profile];
  if (t.targetProfile?.length) out.targetProfile = [...t.targetProfile];
  if (t.aggregation?.length) out.aggregation = [...t.aggregation];
  return out;
}

function invariant(c: fhir4.ElementDefinitionConstraint, sourceInfo: SourceInfo): InvariantIR {
  const inv: InvariantIR = { key: c.key, severity: c.severity, human: c.human, expression: c.expression!, sourceInfo, replaces: true };
  if (c.xpath !== undefined) inv.xpath = c.xpath;
  if (c.requirements !== undefined) inv.requirements = c.requirements;
  if (c.source !== undefined) inv.source = c.source;
  return inv;
}
