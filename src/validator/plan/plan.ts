import { fhirTypeCode } from '../../fhir/types.js';
import type { Resolver } from '../../defs/registry.js';

type ED = fhir4.ElementDefinition & Record<string, unknown>;
type SD = fhir4.StructureDefinition;

export interface TypeRef {
  /** FHIR type code (`string`, `HumanName`, `Reference`, `Patient`, `BackboneElement`). */
  code: string;
  profiles: string[];
  targetProfiles: string[];
  aggregation: string[];
}

export interface SlicingPlan {
  discriminators: { type: 'value' | 'exists' | 'pattern' | 'type' | 'profile'; path: string }[];
  rules: 'open' | 'closed' | 'openAtEnd';
  ordered: boolean;
  slices: ElementPlan[];
}

/** One element of a profile, compiled for validation (children keyed by instance name). */
export interface ElementPlan {
  id: string;
  path: string;
  /** Instance property name (`value` for `value[x]`). */
  name: string;
  choice: boolean;
  sliceName?: string;
  min: number;
  max: number;
  maxText: string;
  types: TypeRef[];
  /** Children from the snapshot (empty when the snapshot does not unfold the element's type). */
  children: Map<string, ElementPlan>;
  slicing?: SlicingPlan;
  fixed?: { key: string; value: unknown };
  pattern?: { key: string; value: unknown };
  binding?: { strength: string; valueSet?: string };
  constraints: fhir4.ElementDefinitionConstraint[];
  maxLength?: number;
  /** minValue[x] and maxValue[x]: the type the key names (`Date`, `Quantity`, `Duration` …) and the value. */
  minValue?: { type: string; value: unknown };
  maxValue?: { type: string; value: unknown };
  /** The `minLength` extension: the fewest characters a value may have. */
  minLength?: number;
  /** R5 `mustHaveValue` (in R4 the cross-version extension): a primitive must have a value, not only extensions. */
  mustHaveValue?: boolean;
  /** R5 `valueAlternatives` (in R4 the cross-version extension): the extensions that may stand in for a primitive's value. */
  valueAlternatives?: string[];
  contentReference?: string;
  ed: ED;
  /** The structure the element belongs to. */
  structure: StructurePlan;
}

export interface StructurePlan {
  url: string;
  version?: string;
  /** The FHIR type the structure constrains. */
  type: string;
  kind: string;
  root: ElementPlan;
  byId: Map<string, ElementPlan>;
  /** An extension definition's context of use (`StructureDefinition.context`), when it states one. */
  extensionContext?: { type: string; expression: string }[];
  /** An extension definition's `contextInvariant`s (FHIRPath that must hold where it is used). */
  contextInvariants?: string[];
}

/** Whether `k` is `<prefix><Type>` (`fixedCode`, `patternCodeableConcept`): the prefix, then a capital A–Z. */
function isValueKey(k: string, prefix: 'fixed' | 'pattern' | 'minValue' | 'maxValue'): boolean {
  if (k.length <= prefix.length || !k.startsWith(prefix)) return false;
  const c = k.charCodeAt(prefix.length);
  return c >= 65 && c <= 90;
}

interface ValueKeys {
  fixed?: { key: string; value: unknown };
  pattern?: { key: string; value: unknown };
  minValue?: { type: string; value: unknown };
  maxValue?: { type: string; value: unknown };
}

/** The element's first fixed[x], pattern[x], minValue[x] and maxValue[x] property, in one pass over its keys. */
function valueKeys(el: ED): ValueKeys {
  const out: ValueKeys = {};
  for (const k of Object.keys(el)) {
    const c = k.charCodeAt(0);
    if (c === 102 /* f */ && out.fixed === undefined && isValueKey(k, 'fixed')) out.fixed = { key: k, value: el[k] };
    else if (c === 112 /* p */ && out.pattern === undefined && isValueKey(k, 'pattern')) out.pattern = { key: k, value: el[k] };
    else if (c === 109 /* m */ && out.minValue === undefined && isValueKey(k, 'minValue'))
      out.minValue = { type: k.slice(8), value: el[k] };
    else if (c === 109 /* m */ && out.maxValue === undefined && isValueKey(k, 'maxValue'))
      out.maxValue = { type: k.slice(8), value: el[k] };
  }
  return out;
}

const MIN_LENGTH = 'http://hl7.org/fhir/StructureDefinition/minLength';
const MUST_HAVE_VALUE = 'http://hl7.org/fhir/5.0/StructureDefinition/extension-ElementDefinition.mustHaveValue';
const VALUE_ALTERNATIVES = 'http://hl7.org/fhir/5.0/StructureDefinition/extension-ElementDefinition.valueAlternatives';

/** What an element's own extensions say about its values: minLength, mustHaveValue, valueAlternatives. */
function valueExtensions(el: ED, node: ElementPlan): void {
  for (const x of el.extension ?? []) {
    if (x.url === MIN_LENGTH && typeof x.valueInteger === 'number') node.minLength = x.valueInteger;
    else if (x.url === MUST_HAVE_VALUE && x.valueBoolean === true) node.mustHaveValue = true;
    else if (x.url === VALUE_ALTERNATIVES && typeof x.valueCanonical === 'string') (node.valueAlternatives ??= []).push(x.valueCanonical);
  }
}

const FHIRPATH_STRING = 'http://hl7.org/fhirpath/System.String';

/**
 * The FHIR type an element's value is checked as. The R4 snapshots give `Resource.id` (and so the
 * `id` of every resource and profile) the type System.String with the fhir-type extension `string`,
 * while the specification says its type is `id` (`[A-Za-z0-9\-\.]{1,64}`): taken literally, any
 * string would pass (`"a b"`, 200,000 characters). Every other element keeps its snapshot type.
 */
export function validationTypeCode(el: fhir4.ElementDefinition, t: fhir4.ElementDefinitionType): string {
  const code = fhirTypeCode(t);
  if (code === 'string' && t.code === FHIRPATH_STRING && (el.base?.path ?? el.path) === 'Resource.id') return 'id';
  return code;
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

/**
 * Compile a StructureDefinition snapshot into a tree of element plans: children grouped under
 * their parent, slices under their slicer. Done once per profile and cached by the engine.
 */
export function buildStructurePlan(sd: SD): StructurePlan {
  const els = (sd.snapshot?.element ?? []) as ED[];
  if (els.length === 0) throw new Error(`${sd.url} has no snapshot`);
  const byId = new Map<string, ElementPlan>();
  const plan = { url: sd.url, type: sd.type, kind: sd.kind, byId } as StructurePlan;
  if (sd.version !== undefined) plan.version = sd.version;
  if (sd.type === 'Extension') {
    const context = (sd.context ?? []).filter((c) => typeof c.type === 'string' && typeof c.expression === 'string');
    if (context.length > 0) plan.extensionContext = context.map((c) => ({ type: c.type, expression: c.expression }));
    if (sd.contextInvariant && sd.contextInvariant.length > 0) plan.contextInvariants = [...sd.contextInvariant];
  }
  for (const el of els) {
    const id = el.id ?? el.path;
    const seg = lastSegment(el.path);
    const max = el.max ?? '*';
    const node: ElementPlan = {
      id,
      path: el.path,
      name: seg.endsWith('[x]') ? seg.slice(0, -3) : seg,
      choice: seg.endsWith('[x]'),
      min: el.min ?? 0,
      max: max === '*' ? Infinity : Number(max),
      maxText: max,
      types: (el.type ?? []).map((t) => ({
        code: validationTypeCode(el, t),
        profiles: t.profile ?? [],
        targetProfiles: t.targetProfile ?? [],
        aggregation: t.aggregation ?? [],
      })),
      children: new Map(),
      constraints: el.constraint ?? [],
      ed: el,
      structure: plan,
    };
    if (el.sliceName !== undefined) node.sliceName = el.sliceName;
    const { fixed, pattern, minValue, maxValue } = valueKeys(el);
    if (fixed) node.fixed = fixed;
    if (pattern) node.pattern = pattern;
    if (minValue) node.minValue = minValue;
    if (maxValue) node.maxValue = maxValue;
    if (el.extension) valueExtensions(el, node);
    if (el.binding) node.binding = { strength: el.binding.strength, ...(el.binding.valueSet ? { valueSet: el.binding.valueSet } : {}) };
    if (el.maxLength !== undefined) node.maxLength = el.maxLength;
    if (el.contentReference) node.contentReference = el.contentReference.replace(/^.*#/, '');
    if (el.slicing) {
      node.slicing = {
        discriminators: (el.slicing.discriminator ?? []).map((d) => ({ type: d.type, path: d.path })),
        rules: el.slicing.rules,
        ordered: el.slicing.ordered === true,
        slices: [],
      };
    }
    byId.set(id, node);
    if (id === els[0]!.id || !id.includes('.')) {
      plan.root = node;
      continue;
    }
    // a slice hangs under its slicer; anything else under its parent
    const lastColon = id.lastIndexOf(':');
    const lastDot = id.lastIndexOf('.');
    if (lastColon > lastDot) {
      const slicer = byId.get(id.slice(0, lastColon));
      if (slicer) {
        slicer.slicing ??= { discriminators: [], rules: 'open', ordered: false, slices: [] };
        slicer.slicing.slices.push(node);
      }
    } else {
      const parent = byId.get(id.slice(0, lastDot));
      if (parent) parent.children.set(node.name, node);
    }
  }
  return plan;
}

/** Cache of structure plans by canonical (`url|version`), resolved through a resolver. */
export class PlanCache {
  private readonly plans = new Map<string, StructurePlan | null>();
  private urls: readonly string[] | undefined;
  private readonly suggestions = new Map<string, string | undefined>();

  constructor(private readonly resolver: Resolver) {}

  get(canonical: string): StructurePlan | undefined {
    const hit = this.plans.get(canonical);
    if (hit !== undefined) return hit ?? undefined;
    const sd = this.resolver.resolve(canonical, 'StructureDefinition')?.resource as unknown as SD | undefined;
    const plan = sd?.snapshot ? buildStructurePlan(sd) : undefined;
    this.plans.set(canonical, plan ?? null);
    return plan;
  }

  /**
   * The canonical urls of the StructureDefinitions the packages hold (not base R4), for suggestions
   * when a profile is not found: listed once, without reading a definition.
   */
  knownUrls(): readonly string[] {
    this.urls ??= this.resolver.urls('StructureDefinition');
    return this.urls;
  }

  /**
   * A suggestion for a profile url that is not found, worked out once per `key` (a url may be claimed
   * by every entry of a Bundle, and comparing it with every known url takes some milliseconds).
   */
  suggestion(key: string, compute: (known: readonly string[]) => string | undefined): string | undefined {
    if (this.suggestions.has(key)) return this.suggestions.get(key);
    const found = compute(this.knownUrls());
    // urls come from documents: a long-lived validator (serve) keeps only the recent ones
    if (this.suggestions.size >= 1000) this.suggestions.clear();
    this.suggestions.set(key, found);
    return found;
  }

  /** The base definition of a FHIR type (`Patient`, `HumanName`). */
  type(code: string): StructurePlan | undefined {
    return this.get(`http://hl7.org/fhir/StructureDefinition/${code}`);
  }
}
