import type { Resolver } from '../../defs/registry.js';
import { FhirPathRunner, type EvalVars } from '../../fhirpath/runner.js';
import { containerOf, DocumentScopes, resolveReference } from '../../fhir/references.js';
import type { Locale } from '../messages/index.js';
import type { FhirModel } from '../model.js';
import { PlanCache, type ElementPlan, type StructurePlan } from '../plan/plan.js';
import { checkCodedBinding, checkPrimitiveBinding } from '../rules/bindings/binding.js';
import { checkBundle, indexBundle } from '../rules/bundle/bundle.js';
import { checkQuestionnaire } from '../rules/questionnaire/definition.js';
import { checkQuestionnaireResponse } from '../rules/questionnaire/response.js';
import { checkMeasureCriteria } from '../rules/measure/criteria.js';
import { checkMeasureReport, type MeasureDeps } from '../rules/measure/report.js';
import { checkStructureDefinition } from '../rules/conformance/structure-definition.js';
import { checkCapabilityStatement, checkSearchParameter, type SearchParameterDeps } from '../rules/conformance/search-parameter.js';
import { UcumUnits } from '../terminology/ucum.js';
import { checkCardinality } from '../rules/cardinality/min-max.js';
import { checkFixedPattern } from '../rules/fixed-pattern/fixed-pattern.js';
import { noteProfileCodes, type CodeNotes } from '../rules/terminology/profile-codes.js';
import { checkConstraints } from '../rules/invariants/constraints.js';
import { nativeInvariants, type NativeInvariant } from '../rules/invariants/native.js';
import { claimedPlan } from '../rules/profiles/unknown.js';
import { checkReference } from '../rules/references/reference.js';
import { checkCodingSystem } from '../rules/terminology/coding-system.js';
import { assignSlices } from '../rules/slicing/slices.js';
import { SlicingMemo } from '../rules/slicing/memo.js';
import type { ContextResources } from '../load/context.js';
import { checkChoiceTypes } from '../rules/structure/choice.js';
import { checkExtension, checkResourceIdTwin, checkSlicedExtension, validateUnslicedExtension } from '../rules/structure/extension.js';
import { claimedProfileFits, requiredProfileFits, RESOURCE_BASES, resourceBase } from '../rules/structure/resource-type.js';
import {
  checkEmptyList,
  checkNotEmpty,
  checkTwinNotEmpty,
  emptyPrimitive,
  isTwinObject,
  nullItem,
  twinList,
  twinOfComplex,
  valueList,
} from '../rules/structure/shape.js';
import { reportUnknownElement } from '../rules/structure/unknown-element.js';
import { isJsonKind, isJsonObject } from '../rules/types/json-type.js';
import { checkAttachment } from '../rules/types/attachment.js';
import {
  checkNarrativeControl,
  checkNarrativeLinkSchemes,
  checkNarrativeLinks,
  checkNarrativeSource,
  checkXhtml,
  linkTargets,
} from '../rules/types/narrative.js';
import { checkPrimitive, PrimitiveChecker } from '../rules/types/primitive.js';
import { checkValueBounds, checkValuePresence } from '../rules/types/bounds.js';
import { checkTypeProfilesKnown } from '../rules/types/type-profile.js';
import { checkUri } from '../rules/types/uri.js';
import type { TerminologyService } from '../terminology/types.js';
import { extendPath, pathSteps, ROOT_PATH, type JsonPath, type SourceDoc } from '../load/source.js';
import type { Suppressions } from '../suppress.js';
import { RULES } from '../rules/registry.js';
import {
  child,
  findingKey,
  IssueSink,
  placeKey,
  RecordingSink,
  type BundleIndex,
  type Json,
  type WalkContext,
  type Where,
} from '../context.js';
import { isObject } from '../../util/json.js';
import { capitalize } from '../../util/text.js';
import { valueText } from '../../util/text.js';

/** Is `path` the place of entry `index` of Bundle `b` (…entry[index].resource)? */
function isEntryPath(path: JsonPath, b: BundleIndex, index: number): boolean {
  const i = path.up;
  const e = i?.up;
  if (path.step !== 'resource' || i?.step !== index || e?.step !== 'entry' || path.length !== b.jsonPath.length + 3) return false;
  let p = e.up;
  let q: JsonPath | undefined = b.jsonPath;
  while (p !== q) {
    if (!p || !q || p.step !== q.step) return false;
    p = p.up;
    q = q.up;
  }
  return true;
}

/** Per document: conformance of (resource, profile) pairs, and the recorded findings of Bundle entries. */
interface DocState {
  /** Conformance of (resource, profile) pairs already established (profile discriminators, target profiles). */
  conformance: Map<object, Map<string, boolean>>;
  /**
   * The findings of a Bundle entry's resource against one profile, keyed by resource and profile:
   * the walk, profile discriminators and reference target profiles all need them, so they are
   * recorded once (at the entry's own place in the document) and replayed.
   */
  entryFindings: Map<object, Map<string, { bundle: BundleIndex; root: Json; sink: RecordingSink | undefined }>>;
  /** For (resource, profile) pairs that do not conform: the first error, as `rule (key) at path`. */
  why: Map<object, Map<string, string>>;
  /**
   * For (resource, profile) pairs that do not conform: the keys (`findingKey`) of the errors the probe
   * recorded, in order; a finding that only follows from the non-conformance names them as its `causes`.
   */
  causes: Map<object, Map<string, readonly string[]>>;
}

export interface EngineDeps {
  resolver: Resolver;
  model: FhirModel;
  terminology: TerminologyService;
  locale: Locale;
  /**
   * Evaluate every invariant that has a native implementation with fhirpath.js as well, and
   * throw when they disagree (for tests over example corpora).
   */
  crossCheckNatives?: boolean;
  /** Findings the run does not report (and that do not count against conformance). */
  suppressions?: Suppressions;
  /** Hears the codes profiles name in fixed and pattern values (rules/terminology/profile-codes.ts). */
  codeNotes?: CodeNotes;
  /** UCUM decisions (shared with the validator's terminology service when given). */
  ucum?: UcumUnits;
  /** Resources references may resolve to outside the document (`--context`). */
  context?: ContextResources;
}

/**
 * The validation walk: a resource against one or more structure plans, element by element. It
 * only traverses — groups a JSON object's properties by element, lists each element's occurrences,
 * recurses — and calls the rules of each concern (src/validator/rules/<concern>/) where it meets
 * them; every finding is raised there and goes to an IssueSink. Rules see the walk as a WalkContext.
 */
export class Walker implements WalkContext {
  readonly plans: PlanCache;
  readonly primitives: PrimitiveChecker;
  readonly fhirpath: FhirPathRunner;
  readonly natives: ReadonlyMap<string, NativeInvariant> = nativeInvariants();
  readonly model: FhirModel;
  readonly terminology: TerminologyService;
  readonly locale: Locale;
  readonly suppressions: Suppressions | undefined;
  readonly crossCheckNatives: boolean;
  /** UCUM unit conversion (QuestionnaireResponse quantity answers, Quantity bounds); the library loads on first use. */
  readonly ucum: UcumUnits;
  /** Discriminator paths and what slices define at them, worked out once. */
  readonly slicing = new SlicingMemo();
  /** What is known about the document being validated (dropped with it: see withDocument). */
  private docState: DocState | undefined;
  /** Where each object of a resource FHIRPath is evaluated on resolves `#id` references (per resource). */
  private readonly documentScopes = new WeakMap<Json, DocumentScopes>();
  /** What narrative links (`#x`) may name in a document, per outermost resource (types/narrative-link). */
  private readonly narrativeTargets = new WeakMap<Json, ReadonlySet<string>>();

  constructor(readonly deps: EngineDeps) {
    this.model = deps.model;
    this.terminology = deps.terminology;
    this.locale = deps.locale;
    this.suppressions = deps.suppressions;
    this.crossCheckNatives = deps.crossCheckNatives ?? false;
    this.ucum = deps.ucum ?? new UcumUnits();
    this.plans = new PlanCache(deps.resolver);
    this.primitives = new PrimitiveChecker(deps.model);
    this.fhirpath = new FhirPathRunner(
      {
        resolve: (reference, vars, at) => {
          const v = vars as EvalVars & { medcomWhere?: Where };
          const w = v.medcomWhere;
          if (!w) return undefined;
          // `#id` means the resource the reference is made in: a Bundle's invariant reaches into its entries
          if (at && reference.startsWith('#')) {
            let scopes = this.documentScopes.get(w.resource);
            if (!scopes) this.documentScopes.set(w.resource, (scopes = new DocumentScopes(w.resource)));
            const hit = scopes.resolve(reference, at);
            if (hit) return hit;
          }
          const target = this.resolveReference(reference, w);
          // a standalone resource's reference to a resource elsewhere (not among the --context resources): what
          // the invariant would say of its target cannot be decided — invariants/not-evaluated, never failed
          if (!target && !reference.startsWith('#') && !w.bundle && w.root['resourceType'] !== 'Bundle') {
            throw new Error(`reference ${reference} does not resolve here (its target is not in the file; give it with --context)`);
          }
          return target;
        },
        memberOf: (vs, system, code) => this.terminology.check(vs, system, code).result,
        conformsTo: (resource, profile, vars) => {
          const plan = this.plans.get(profile);
          if (!plan) return undefined;
          const ok = this.conforms(resource, plan, (vars as (EvalVars & { medcomWhere?: Where }) | undefined)?.medcomWhere);
          if (!ok) this.noteFailedProbe(resource, plan);
          return ok;
        },
      },
      { model: deps.model, ...(deps.crossCheckNatives ? { crossCheck: true } : {}) },
    );
  }

  // ---------------------------------------------------------------------------------------------
  // resources

  /**
   * Validate a resource (the root, an entry or a contained resource) against profiles: the
   * `required` ones, and (unless `declared` is false) those its meta.profile claims.
   */
  validateResource(value: unknown, where: Where, sink: IssueSink, required: StructurePlan[] = [], declared = true): void {
    if (!isJsonObject(value, 'Resource', where, sink)) return;
    const base = resourceBase(value, where, sink, this.plans);
    if (!base) return;
    const rt = value['resourceType'] as string;
    const w: Where = { ...where, resource: value, fhirPath: where.fhirPath || rt };
    const plans: StructurePlan[] = [];
    for (const p of required) {
      if (requiredProfileFits(p, rt, w, sink) && !plans.includes(p)) plans.push(p);
    }
    const meta = value['meta'];
    const claimed = declared && isObject(meta) && Array.isArray(meta['profile']) ? (meta['profile'] as unknown[]) : [];
    claimed.forEach((p, i) => {
      if (typeof p !== 'string') return;
      const plan = claimedPlan(p, i, w, sink, this.plans);
      if (plan && claimedProfileFits(plan, p, rt, w, sink) && !plans.includes(plan)) plans.push(plan);
    });
    // a profile's snapshot contains everything its base says; the base alone when no profile applies
    if (plans.length === 0) plans.push(base);
    let bundleWhere = w;
    if (rt === 'Bundle') {
      const index = indexBundle(value, w);
      bundleWhere = { ...w, bundle: index, root: where.bundle ? where.root : value };
      checkBundle(index, bundleWhere, sink, this.model);
    }
    if (rt === 'Questionnaire') checkQuestionnaire(value, w, sink);
    if (rt === 'QuestionnaireResponse') {
      checkQuestionnaireResponse(value, w, sink, {
        questionnaire: (c) => this.questionnaireOf(c, value, w),
        terminology: this.terminology,
        ucum: this.ucum,
        evaluate: (expression, q, qr) => this.questionnaireExpression(expression, q, qr, w),
      });
    }
    if (rt === 'MeasureReport' || rt === 'Measure') {
      const deps: MeasureDeps = {
        canonical: (c, type) => this.canonicalResource(c, type, value, w),
        reference: (r) => resolveReference(r, w),
      };
      if (rt === 'MeasureReport') checkMeasureReport(value, w, sink, deps);
      else checkMeasureCriteria(value, w, sink, deps);
    }
    if (rt === 'StructureDefinition') {
      checkStructureDefinition(value, w, sink, {
        structure: (c) => this.deps.resolver.resolve(c, 'StructureDefinition')?.resource,
        model: this.model,
      });
    }
    if (rt === 'SearchParameter' || rt === 'CapabilityStatement') {
      const deps: SearchParameterDeps = { searchParameter: (c) => this.canonicalResource(c, 'SearchParameter', value, w) };
      if (rt === 'SearchParameter') checkSearchParameter(value, w, sink, deps);
      else checkCapabilityStatement(value, w, sink, deps);
    }
    for (const plan of plans) this.validateAgainst(value, plan, rt, bundleWhere, w, sink);
  }

  /**
   * The resource of `resourceType` a canonical names: contained (`#id`), an entry of the Bundle the
   * resource is in (by url, with or without `|version`, or fullUrl), or a loaded definition.
   */
  private canonicalResource(canonical: string, resourceType: string, resource: Json, where: Where): Json | undefined {
    if (canonical.startsWith('#')) {
      const id = canonical.slice(1);
      const contained = Array.isArray(resource['contained']) ? (resource['contained'] as unknown[]) : [];
      return contained.find((c): c is Json => isObject(c) && c['resourceType'] === resourceType && c['id'] === id);
    }
    const bar = canonical.indexOf('|');
    const url = bar < 0 ? canonical : canonical.slice(0, bar);
    const version = bar < 0 ? undefined : canonical.slice(bar + 1);
    for (const e of where.bundle?.entries ?? []) {
      const r = e.resource;
      if (r?.['resourceType'] !== resourceType) continue;
      if ((r['url'] === url && (version === undefined || r['version'] === version)) || e.fullUrl === canonical) return r;
    }
    const hit = this.deps.resolver.resolve(canonical, resourceType);
    return hit ? hit.resource : undefined;
  }

  /**
   * The Questionnaire a QuestionnaireResponse names: contained (`#id`), an entry of the Bundle it is in
   * (by url or fullUrl), or a loaded definition (a `--package` folder's Questionnaire).
   */
  private questionnaireOf(canonical: string, qr: Json, where: Where): Json | undefined {
    if (canonical.startsWith('#')) {
      const id = canonical.slice(1);
      const contained = Array.isArray(qr['contained']) ? (qr['contained'] as unknown[]) : [];
      return contained.find((c): c is Json => isObject(c) && c['resourceType'] === 'Questionnaire' && c['id'] === id);
    }
    const bar = canonical.indexOf('|');
    const url = bar < 0 ? canonical : canonical.slice(0, bar);
    for (const e of where.bundle?.entries ?? []) {
      const r = e.resource;
      if (r?.['resourceType'] === 'Questionnaire' && (r['url'] === url || e.fullUrl === url)) return r;
    }
    const hit = this.deps.resolver.resolve(canonical, 'Questionnaire');
    return hit ? hit.resource : undefined;
  }

  /**
   * An expression of a Questionnaire (enableWhenExpression) evaluated on its response: only for a Questionnaire
   * loaded as a definition, as the profiles' invariants are; one contained in or sent with the document being
   * validated is not trusted to run code (undefined: not decided).
   */
  private questionnaireExpression(expression: string, q: Json, qr: Json, where: Where): unknown[] | undefined {
    const contained = Array.isArray(qr['contained']) && (qr['contained'] as unknown[]).includes(q);
    if (contained || where.bundle?.byResource.has(q) || where.root === q || expression.length > 1000) return undefined;
    try {
      return this.fhirpath.evaluate(qr, 'QuestionnaireResponse', expression, { resource: qr, rootResource: where.root });
    } catch {
      return undefined;
    }
  }

  /**
   * Validate a resource against one profile. A Bundle entry's resource, walked at its own place
   * in the document (`outer`), is walked once per profile and its findings replayed afterwards.
   */
  private validateAgainst(value: Json, plan: StructurePlan, rt: string, walkWhere: Where, outer: Where, sink: IssueSink): void {
    const b = outer.bundle;
    const entry = b?.byResource.get(value);
    if (!b || !entry || !isEntryPath(outer.jsonPath, b, entry.index)) {
      this.validateNode(value, plan.root, rt, walkWhere, sink);
      return;
    }
    const key = `${plan.url}|${plan.version ?? ''}`;
    const findings = this.state.entryFindings;
    let byPlan = findings.get(value);
    if (!byPlan) {
      byPlan = new Map();
      findings.set(value, byPlan);
    }
    const hit = byPlan.get(key);
    if (hit && hit.bundle === b && hit.root === outer.root) {
      if (hit.sink) hit.sink.replay(sink);
      else this.validateNode(value, plan.root, rt, walkWhere, sink); // being recorded further up: a cycle
      return;
    }
    const record: { bundle: BundleIndex; root: Json; sink: RecordingSink | undefined } = { bundle: b, root: outer.root, sink: undefined };
    byPlan.set(key, record);
    const recording = new RecordingSink(this.locale, this.suppressions);
    this.validateNode(value, plan.root, rt, walkWhere, recording);
    record.sink = recording;
    recording.replay(sink);
  }

  /** Does `resource` conform to `plan`? (A silent validation, cached per resource and profile.) */
  conforms(resource: Json, plan: StructurePlan, where: Where | undefined): boolean {
    const key = `${plan.url}|${plan.version ?? ''}`;
    const conformance = this.state.conformance;
    let map = conformance.get(resource);
    if (!map) {
      map = new Map();
      conformance.set(resource, map);
    }
    const hit = map.get(key);
    if (hit !== undefined) return hit;
    map.set(key, true); // cycles (a resource referring to itself) count as conforming
    const sink = new RecordingSink(this.locale, this.suppressions);
    const b = where?.bundle;
    const entry = b?.byResource.get(resource);
    let w: Where;
    if (where && b && entry) {
      // at the entry's own place, so that the findings are the walk's (and shared with it)
      w = {
        ...where,
        resource,
        jsonPath: extendPath(b.jsonPath, 'entry', entry.index, 'resource'),
        fhirPath: `${b.fhirPath}.entry[${entry.index}].resource`,
      };
      if (entry.fullUrl) w.entryFullUrl = entry.fullUrl;
      else delete w.entryFullUrl;
      delete w.container;
    } else {
      w = where
        ? { ...where, resource, jsonPath: ROOT_PATH, fhirPath: valueText(resource['resourceType'] ?? '') }
        : { jsonPath: ROOT_PATH, fhirPath: valueText(resource['resourceType'] ?? ''), resource, root: resource };
      delete w.entryFullUrl;
      // a contained target (`#id`) resolves its own `#id` references among its container's contained resources
      const container = where ? containerOf(resource, [where.resource, where.container]) : undefined;
      if (container) w.container = container;
      else delete w.container;
    }
    // against this profile only: what the resource claims besides is the walk's business
    this.validateResource(resource, w, sink, [plan], false);
    const ok = !sink.hasErrors;
    map.set(key, ok);
    if (!ok) {
      const errors = sink.recorded.filter((r) => {
        const severity = r.options.severity ?? RULES[r.ruleId].severity;
        return (severity === 'error' || severity === 'fatal') && !this.suppressions?.matches(r.ruleId, r.where.fhirPath);
      });
      const first = errors[0];
      let why = this.state.why.get(resource);
      if (!why) {
        why = new Map();
        this.state.why.set(resource, why);
      }
      if (first)
        why.set(key, `${first.ruleId}${first.options.constraintKey ? ` (${first.options.constraintKey})` : ''} at ${first.where.fhirPath}`);
      let causes = this.state.causes.get(resource);
      if (!causes) {
        causes = new Map();
        this.state.causes.set(resource, causes);
      }
      // the probe's errors, as the walk reports them where the resource is walked against the profile too; then
      // the walk's findings of the same rules at the same places (against a profile of the same chain, which
      // words them differently: another target profile, another element id)
      causes.set(key, [
        ...errors.map((r) => findingKey(r.ruleId, r.where.fhirPath, r.params, r.options.constraintKey)),
        ...errors.map((r) => placeKey(r.ruleId, r.where.fhirPath, r.options.constraintKey)),
      ]);
    }
    return ok;
  }

  /** Why `resource` does not conform to `plan` (its first error), after conforms() said so. */
  whyNot(resource: Json, plan: StructurePlan): string | undefined {
    return this.state.why.get(resource)?.get(`${plan.url}|${plan.version ?? ''}`);
  }

  /** The keys of the errors that keep `resource` from conforming to `plan` (after conforms() said it does not), in order. */
  causesOf(resource: Json, plan: StructurePlan): readonly string[] {
    return this.state.causes.get(resource)?.get(`${plan.url}|${plan.version ?? ''}`) ?? [];
  }

  /** The conformance probes that failed while `fn` ran (a conformsTo() in an invariant), as the keys of their errors. */
  failedProbes<T>(fn: () => T): { result: T; causes: string[] } {
    const frame: string[] = [];
    this.probeFrames.push(frame);
    try {
      return { result: fn(), causes: frame };
    } finally {
      this.probeFrames.pop();
    }
  }

  /** Frames of failedProbes() in progress (innermost last). */
  private readonly probeFrames: string[][] = [];

  /** A conformsTo() that failed: its causes go to the innermost failedProbes() frame. */
  private noteFailedProbe(resource: Json, plan: StructurePlan): void {
    const frame = this.probeFrames.at(-1);
    if (frame) for (const c of this.causesOf(resource, plan)) frame.push(c);
  }

  // ---------------------------------------------------------------------------------------------
  // elements

  /** The child definitions of an element: the snapshot's, else its type's (profile first). */
  childrenOf(node: ElementPlan, typeCode: string): Map<string, ElementPlan> | undefined {
    if (node.children.size > 0) return node.children;
    if (node.contentReference) {
      // a sliced element's items are held to their slices' children; what the slicer says of every item
      // is the referenced element as the base type defines it, not as this profile constrains it
      // (Parameters.parameter.part sliced by a profile that constrains Parameters.parameter)
      const base = node.slicing && node.structure.kind !== 'logical' ? this.plans.type(node.structure.type) : undefined;
      const ref = base?.byId.get(node.contentReference) ?? node.structure.byId.get(node.contentReference);
      if (ref && ref.children.size > 0) return ref.children;
    }
    const typed = node.types.find((t) => t.code === typeCode) ?? (node.types.length === 1 ? node.types[0] : undefined);
    const profile = typed && typed.profiles.length === 1 && typed.code !== 'Reference' ? typed.profiles[0] : undefined;
    const plan = profile ? (this.plans.get(profile) ?? this.plans.type(typeCode)) : this.plans.type(typeCode);
    return plan?.root.children;
  }

  /** The type profile plan an element's value must also satisfy at its root (invariants, fixed values). */
  private typeProfileRoot(node: ElementPlan, typeCode: string): ElementPlan | undefined {
    if (node.children.size > 0) return undefined;
    const typed = node.types.find((t) => t.code === typeCode);
    const profile = typed && typed.profiles.length === 1 && typed.code !== 'Reference' ? typed.profiles[0] : undefined;
    if (!profile) return undefined;
    return this.plans.get(profile)?.root;
  }

  /**
   * The profiles a data type value may conform to when the element's type names more than one (R4
   * ElementDefinition.type.profile: the value must conform to at least one); undefined otherwise.
   */
  private typeProfileChoices(node: ElementPlan, typeCode: string): StructurePlan[] | undefined {
    if (node.children.size > 0 || typeCode === 'Reference') return undefined;
    const typed = node.types.find((t) => t.code === typeCode);
    if (!typed || typed.profiles.length < 2) return undefined;
    const plans = typed.profiles.map((p) => this.plans.get(p)).filter((p): p is StructurePlan => p !== undefined);
    return plans.length > 1 ? plans : undefined;
  }

  /**
   * A data type value against the profiles its element allows (at least one must fit): against the first
   * that it conforms to, else against each of them, whose findings say why none fits. The element's own
   * fixed values, patterns and invariants hold as well.
   */
  private validateAgainstOneOf(
    value: Json,
    node: ElementPlan,
    plans: StructurePlan[],
    typeCode: string,
    where: Where,
    sink: IssueSink,
  ): void {
    const tried: RecordingSink[] = [];
    for (const plan of plans) {
      const recording = new RecordingSink(this.locale, this.suppressions);
      this.validateNode(value, plan.root, typeCode, where, recording);
      if (!recording.hasErrors) {
        recording.replay(sink);
        tried.length = 0;
        break;
      }
      tried.push(recording);
    }
    for (const recording of tried) recording.replay(sink);
    this.checkValue(value, node, typeCode, where, sink);
    checkConstraints(value, node, typeCode, where, sink, this);
  }

  /** Validate one occurrence of an element. `typeCode` is the value's FHIR type. */
  validateNode(value: unknown, node: ElementPlan, typeCode: string, where: Where, sink: IssueSink): void {
    if (this.model.isPrimitive(typeCode)) {
      this.validatePrimitive(value, undefined, node, typeCode, where, sink);
      return;
    }
    if (RESOURCE_BASES.has(typeCode) || (node !== node.structure.root && this.plans.type(typeCode)?.kind === 'resource')) {
      // of several resource types (`Practitioner | PractitionerRole`, each profiled) the one the resource has
      const rt = isObject(value) ? value['resourceType'] : undefined;
      const own = node.types.filter((t) => t.code === rt);
      let required = (own.length > 0 ? own : node.types)
        .flatMap((t) => t.profiles)
        .map((p) => this.plans.get(p))
        .filter((p): p is StructurePlan => p !== undefined);
      // of several profiles the resource must conform to at least one (R4 ElementDefinition.type.profile);
      // when it fits none, each one's findings say why
      if (required.length > 1 && isObject(value)) {
        const fits = required.find((p) => this.conforms(value, p, where));
        if (fits) required = [fits];
      }
      const nested: Where = { ...where };
      const jp = where.jsonPath;
      if (where.bundle && jp.step === 'resource' && typeof jp.up?.step === 'number' && jp.up.up?.step === 'entry') {
        const entry = where.bundle.byIndex.get(jp.up.step);
        if (entry?.fullUrl) nested.entryFullUrl = entry.fullUrl;
        else delete nested.entryFullUrl;
      }
      // a contained resource's `#id` references are its container's
      const container =
        isObject(value) && typeof jp.step === 'number' && jp.up?.step === 'contained' ? containerOf(value, [where.resource]) : undefined;
      if (container) nested.container = container;
      else delete nested.container;
      this.validateResource(value, nested, sink, required);
      return;
    }
    if (!isJsonObject(value, typeCode, where, sink, node)) return;
    checkTypeProfilesKnown(node, typeCode, where, sink, this.plans);
    const choices = this.typeProfileChoices(node, typeCode);
    if (choices) {
      this.validateAgainstOneOf(value, node, choices, typeCode, where, sink);
      return;
    }
    checkNotEmpty(value, where, node, sink);
    const children = this.childrenOf(node, typeCode);
    if (children) this.validateChildren(value, node, children, typeCode, where, sink);
    const profileRoot = this.typeProfileRoot(node, typeCode);
    for (const n of profileRoot ? [node, profileRoot] : [node]) {
      this.checkValue(value, n, typeCode, where, sink);
      checkConstraints(value, n, typeCode, where, sink, this);
      if (typeCode === 'Narrative') {
        checkNarrativeControl(value, n, where, sink);
        checkNarrativeSource(value, n, where, sink);
      }
    }
    // the data type's own invariants (per-1, qty-3, eld-13 …): a snapshot element lists the element's, not its type's
    const typeRoot = profileRoot ? undefined : this.plans.type(typeCode)?.root;
    if (typeRoot && typeRoot !== node) checkConstraints(value, typeRoot, typeCode, where, sink, this);
    if (typeCode === 'Reference') checkReference(value, node, where, sink, this);
    if (typeCode === 'Extension') checkExtension(value, where, sink);
    if (typeCode === 'Attachment') checkAttachment(value, where, sink);
  }

  private validateChildren(
    value: Json,
    node: ElementPlan,
    children: Map<string, ElementPlan>,
    typeCode: string,
    where: Where,
    sink: IssueSink,
  ): void {
    const isResourceRoot = node === node.structure.root && node.structure.kind === 'resource';
    // group the JSON properties by element: value and `_value` twins, choice names
    const groups = new Map<ElementPlan, { key: string; type: string; values: unknown; twin: unknown; twinKey?: string }>();
    const choiceSeen = new Map<ElementPlan, string[]>();
    for (const key of Object.keys(value)) {
      if (key === 'resourceType' && isResourceRoot) continue;
      const isTwin = key.startsWith('_');
      const name = isTwin ? key.slice(1) : key;
      let el = children.get(name);
      let type: string | undefined;
      if (el && el.choice) el = undefined;
      if (el) {
        type = el.types[0]?.code ?? 'BackboneElement';
        if (el.contentReference && el.types.length === 0) type = 'BackboneElement';
      } else {
        for (const c of children.values()) {
          if (!c.choice || !name.startsWith(c.name)) continue;
          const t = c.types.find((x) => capitalize(x.code) === name.slice(c.name.length));
          if (t) {
            el = c;
            type = t.code;
            break;
          }
        }
      }
      if (!el || !type) {
        reportUnknownElement(key, where, node, typeCode, sink, children);
        continue;
      }
      if (el.choice && !isTwin) {
        const seen = choiceSeen.get(el) ?? [];
        seen.push(key);
        choiceSeen.set(el, seen);
      }
      const g = groups.get(el) ?? { key: name, type, values: undefined, twin: undefined };
      if (isTwin) {
        g.twin = value[key];
        g.twinKey = key;
      } else {
        g.values = value[key];
        g.key = key;
        g.type = type;
      }
      groups.set(el, g);
    }
    checkChoiceTypes(choiceSeen, where, sink);
    for (const el of children.values()) {
      const g = groups.get(el);
      this.validateElementList(
        g?.values,
        g?.twin,
        el,
        g?.key ?? el.name,
        g?.twinKey,
        g?.type ?? el.types[0]?.code ?? 'BackboneElement',
        where,
        sink,
      );
    }
  }

  /**
   * All occurrences of one child element: JSON shape, cardinality, slicing, then each occurrence.
   */
  validateElementList(
    raw: unknown,
    twinRaw: unknown,
    el: ElementPlan,
    key: string,
    twinKey: string | undefined,
    type: string,
    parent: Where,
    sink: IssueSink,
  ): void {
    // an absent element only matters when it, or one of its slices, is required
    if (raw === undefined && twinRaw === undefined && el.min === 0 && !el.slicing?.slices.some((s) => s.min > 0)) return;
    // the JSON shape follows the base definition: a profile that limits a list to one keeps it a list
    const baseMax = el.ed.base?.max ?? el.maxText;
    const repeating = baseMax !== '1' && baseMax !== '0';
    const isPrimitive = this.model.isPrimitive(type);
    const here = child(parent, key);
    const values = valueList(raw, el, key, repeating, here, sink);
    const twins = twinList(twinRaw, raw, values, el, key, twinKey, repeating, here, parent, sink);
    if (repeating) checkEmptyList(raw, here, el, sink);
    if (isPrimitive) {
      // a primitive occurs where it has a value or an extension
      const n = Math.max(values.length, twins.length);
      const occurrences: { v: unknown; t: unknown; i: number }[] = [];
      for (let i = 0; i < n; i++) {
        const v = values[i];
        const t = twins[i];
        if ((v === null || v === undefined) && (t === null || t === undefined)) {
          if (i < values.length || i < twins.length) emptyPrimitive(raw, twinRaw, repeating ? child(parent, key, i) : here, el, sink);
          continue;
        }
        occurrences.push({ v: v ?? undefined, t: t ?? undefined, i });
      }
      checkCardinality(el, occurrences.length, here, sink);
      const located = occurrences.map((o) => ({ ...o, where: repeating ? child(parent, key, o.i) : here }));
      // slices of a primitive: a choice's type slices (value[x]:valueString), value slices on a code
      const sliced =
        el.slicing && el.slicing.slices.length > 0
          ? assignSlices(
              located.map((o) => ({ value: o.v ?? o.t, where: o.where })),
              el,
              type,
              here,
              sink,
              this,
            )
          : undefined;
      for (const [k, o] of located.entries()) {
        this.validatePrimitive(o.v, o.t, el, type, o.where, sink);
        const slice = sliced?.[k];
        if (slice) this.validatePrimitive(o.v, o.t, slice, type, o.where, sink);
      }
      return;
    }
    if (twinRaw !== undefined) twinOfComplex(key, twinKey, parent, el, sink);
    const items = values.map((v, i) => ({ value: v, where: repeating ? child(parent, key, i) : here }));
    const present = items.filter((x) => x.value !== null && x.value !== undefined);
    for (const x of items) if (x.value === null) nullItem(x.where, el, sink);
    checkCardinality(el, present.length, here, sink);
    const sliced = el.slicing && el.slicing.slices.length > 0 ? assignSlices(present, el, type, here, sink, this) : undefined;
    if (!sliced && (el.name === 'extension' || el.name === 'modifierExtension')) {
      for (const x of present) {
        if (!isObject(x.value)) continue;
        // the sub-extensions of a complex extension (relative urls such as `code`) walked through the generic
        // Extension type: the extension's own definition validates them (validateUnslicedExtension on the parent)
        if (el.path === 'Extension.extension' && typeof x.value['url'] === 'string' && !x.value['url'].includes(':')) continue;
        this.validateUnslicedExtension(x.value, x.where, sink, el.name === 'modifierExtension');
      }
    }
    const isExtensionList = el.name === 'extension' || el.name === 'modifierExtension';
    for (const [k, x] of present.entries()) {
      this.validateNode(x.value, el, type, x.where, sink);
      const slice = sliced?.[k];
      if (slice) this.validateNode(x.value, slice, type, x.where, sink);
      if (slice && isExtensionList) checkSlicedExtension(x.value, slice, el.name === 'modifierExtension', x.where, sink, this);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // primitives

  /** What narrative links may name in the document whose outermost resource is `root` (worked out once). */
  private linkTargetsOf(root: Json): ReadonlySet<string> {
    let known = this.narrativeTargets.get(root);
    if (!known) this.narrativeTargets.set(root, (known = linkTargets(root)));
    return known;
  }

  validatePrimitive(value: unknown, twin: unknown, node: ElementPlan, type: string, where: Where, sink: IssueSink): void {
    if (node.mustHaveValue || node.valueAlternatives) checkValuePresence(value, twin, node, where, sink);
    if (value !== undefined) {
      if (isJsonKind(value, type, where, sink, node, this.primitives))
        checkPrimitive(value, type, node, where, sink, this.primitives, this);
      if (type === 'xhtml') {
        checkXhtml(value, where, sink);
        checkNarrativeLinks(value, where, sink, () => this.linkTargetsOf(where.root));
        checkNarrativeLinkSchemes(value, where, sink);
      }
      if (type === 'uri' || type === 'url' || type === 'canonical') checkUri(value, where, sink);
      this.checkValue(value, node, type, where, sink);
      checkPrimitiveBinding(value, node, type, where, sink, this.terminology);
      checkCodingSystem(value, node, where, sink);
      checkConstraints(value, node, type, where, sink, this);
    }
    if (twin !== undefined && twin !== null) {
      if (!isTwinObject(twin, where, node, sink)) return;
      const elementPlan = this.plans.type('Element');
      const children = new Map<string, ElementPlan>();
      if (elementPlan) for (const [k, c] of elementPlan.root.children) if (k === 'id' || k === 'extension') children.set(k, c);
      // the twin's place: `_name` (or `_name[i]`) beside `name`
      const p = where.jsonPath;
      const twinPath =
        typeof p.step === 'number' && p.up?.up
          ? extendPath(p.up.up, `_${String(p.up.step)}`, p.step)
          : extendPath(p.up ?? ROOT_PATH, `_${String(p.step)}`);
      const twinWhere: Where = { ...where, jsonPath: twinPath };
      checkTwinNotEmpty(twin, twinWhere, node, sink, value !== undefined && value !== null);
      checkResourceIdTwin(twin, node, twinWhere, sink);
      const pseudo: ElementPlan = { ...node, children, slicing: undefined } as unknown as ElementPlan;
      this.validateChildren(twin, pseudo, children, type, twinWhere, sink);
    }
  }

  numberText(where: Where, value: number): string {
    return this.doc?.numberText(pathSteps(where.jsonPath)) ?? String(value);
  }

  /** The document being validated (for exact number texts). */
  doc: SourceDoc | undefined;

  /**
   * Run `fn` as the validation of one document: what is learnt about its resources (conformance,
   * recorded entry findings) lives in plain maps made for it and dropped after, so that nothing
   * long-lived refers to the document and its data can die young.
   */
  withDocument<T>(doc: SourceDoc | undefined, fn: () => T): T {
    const saved = { doc: this.doc, state: this.docState };
    this.doc = doc;
    this.docState = { conformance: new Map(), entryFindings: new Map(), why: new Map(), causes: new Map() };
    try {
      return fn();
    } finally {
      this.doc = saved.doc;
      this.docState = saved.state;
    }
  }

  private get state(): DocState {
    this.docState ??= { conformance: new Map(), entryFindings: new Map(), why: new Map(), causes: new Map() };
    return this.docState;
  }

  // ---------------------------------------------------------------------------------------------
  // values, invariants, extensions

  /** A value against the element's fixed value, pattern and (coded types) binding. */
  private checkValue(value: unknown, node: ElementPlan, type: string, where: Where, sink: IssueSink): void {
    checkFixedPattern(value, node, where, sink);
    if (node.minValue || node.maxValue) checkValueBounds(value, node, type, where, sink, this.ucum);
    if (this.deps.codeNotes && (node.fixed || node.pattern)) noteProfileCodes(node, this.deps.codeNotes);
    checkCodedBinding(value, node, type, where, sink, this.terminology);
  }

  /** Validate an extension that matched no slice against its definition, when one is available. */
  validateUnslicedExtension(value: Json, where: Where, sink: IssueSink, modifier: boolean): void {
    validateUnslicedExtension(value, where, sink, modifier, this);
  }

  /** Resolve a reference for the references and slicing concerns: in the document, then among the context resources. */
  resolveReference(reference: string, where: Where): Json | undefined {
    return resolveReference(reference, where) ?? this.deps.context?.resolve(reference);
  }

  bundleOf(where: Where): BundleIndex | undefined {
    return where.bundle;
  }
}
