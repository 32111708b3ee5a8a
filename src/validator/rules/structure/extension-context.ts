import type { EvalVars } from '../../../fhirpath/runner.js';
import { holderOf } from '../../../fhirpath/runner.js';
import type { JsonPath } from '../../load/source.js';
import { pathSteps } from '../../load/source.js';
import type { StructurePlan } from '../../plan/plan.js';
import type { IssueSink, Json, WalkContext, Where } from '../../context.js';
import { isObject } from '../../../util/json.js';

/**
 * Where an extension sits, as its context of use is stated (StructureDefinition.context): the
 * element it is on (the holder), named by its paths and its type, and the extension it is inside.
 */
export interface ExtensionSite {
  /** The object the extension is on: a complex element, a resource, or a primitive's `_name` twin. */
  holder: Json;
  /** The holder is a primitive (its extensions are in the `_name` twin). */
  primitive: boolean;
  /** The holder's FHIR type (`Address`, `boolean`, `BackboneElement`, `Patient`). */
  type: string;
  /** Element paths that name the holder: from the resource (`Patient.address`), in its type (`Extension.value[x]`), its base's. */
  paths: string[];
  /** The url of the extension the holder is (or whose value it is), for context type `extension`. */
  extensionUrl?: string;
}

const stripVersion = (url: string): string => url.replace(/\|.*$/, '');

/** The JSON value at the end of `steps` from `root`, with every object passed on the way. */
function follow(root: unknown, steps: readonly (string | number)[]): unknown[] {
  const seen: unknown[] = [root];
  let v: unknown = root;
  for (const s of steps) {
    if (typeof s === 'number') v = Array.isArray(v) ? (v as unknown[])[s] : undefined;
    else v = isObject(v) ? v[s] : undefined;
    seen.push(v);
  }
  return seen;
}

/**
 * The site of the extension at `extensionPath` (…`extension`[i] or …`modifierExtension`[i]) in
 * `where.resource`; undefined where it cannot be worked out (then nothing is decided about its context).
 */
export function extensionSite(extensionPath: JsonPath, where: Where, ctx: WalkContext): ExtensionSite | undefined {
  const steps = pathSteps(extensionPath);
  // …, holder, 'extension', i
  if (steps.length < 2 || typeof steps.at(-1) !== 'number') return undefined;
  const holderSteps = steps.slice(0, -2);
  const values = follow(where.root, holderSteps);
  // the resource the extension belongs to: the last object on the way that is where.resource
  let start = -1;
  for (let i = values.length - 1; i >= 0; i--) {
    if (values[i] === where.resource) {
      start = i;
      break;
    }
  }
  const resource = where.resource;
  const holder = values.at(-1);
  const resourceType = resource['resourceType'];
  if (start < 0 || !isObject(holder) || typeof resourceType !== 'string') return undefined;
  const rel = holderSteps.slice(start);
  if (rel.length === 0) return { holder, primitive: false, type: resourceType, paths: [resourceType] };
  let type = resourceType; // the definition the next step is looked up in
  let inType = ''; // the path below `type` (backbone elements stay in their resource's or type's definition)
  let fullPath = resourceType;
  let paths: string[] = [];
  let holderType = resourceType;
  let primitive = false;
  let extension: Json | undefined;
  for (const [k, s] of rel.entries()) {
    if (typeof s === 'number') continue;
    const name = s.startsWith('_') ? s.slice(1) : s;
    const found = ctx.model.child(type, inType, name);
    if (!found) return undefined;
    const info = found.info;
    const code = found.type ?? (info.types.length === 1 ? info.types[0] : undefined);
    const key = (inType ? `${inType}.` : '') + (info.choice ? `${info.name}[x]` : info.name);
    fullPath = `${fullPath}.${info.choice ? `${info.name}[x]` : info.name}`;
    paths = [fullPath, info.path];
    // the element as the type's bases define it (Patient.text is DomainResource.text)
    for (const a of typeAncestry(type, ctx).slice(1)) if (ctx.model.elements(a).has(key)) paths.push(`${a}.${key}`);
    if (info.choice) paths.push(...paths.map((p) => p.replace(/\[x\]$/, '')));
    // the object this step reaches (an item of a list)
    let reached = values[start + k + 1];
    if (Array.isArray(reached) && typeof rel[k + 1] === 'number') reached = values[start + k + 2];
    const before = values[start + k];
    extension =
      code === 'Extension' && isObject(reached) ? reached : info.path === 'Extension.value[x]' && isObject(before) ? before : undefined;
    if (info.contentReference) {
      // Questionnaire.item.item is Questionnaire.item again
      paths.push(info.contentReference);
      type = info.contentReference.slice(0, info.contentReference.indexOf('.'));
      inType = info.contentReference.slice(info.contentReference.indexOf('.') + 1);
      holderType = 'BackboneElement';
      primitive = false;
      continue;
    }
    if (!code || code === 'Resource' || ctx.model.isResourceType(code)) return undefined;
    if (code === 'BackboneElement' || code === 'Element') {
      inType = key;
      holderType = code;
      primitive = false;
      continue;
    }
    type = code;
    inType = '';
    holderType = code;
    primitive = ctx.model.isPrimitive(code);
  }
  const site: ExtensionSite = { holder, primitive, type: holderType, paths: [...new Set(paths)] };
  const url = extension?.['url'];
  if (typeof url === 'string') site.extensionUrl = url;
  return site;
}

/** A FHIR type and the types it specializes (`Patient`, `DomainResource`, `Resource`; `Address`, `Element`). */
function typeAncestry(type: string, ctx: WalkContext): string[] {
  const out: string[] = [];
  let t: string | undefined = type;
  for (let i = 0; t && i < 10; i++) {
    out.push(t);
    const base: string | undefined = ctx.model.structure(t)?.baseDefinition;
    t = base?.startsWith('http://hl7.org/fhir/StructureDefinition/')
      ? base.slice('http://hl7.org/fhir/StructureDefinition/'.length)
      : undefined;
  }
  return out;
}

type Verdict = 'allowed' | 'not-allowed' | 'undecided';

/**
 * Contexts of use that R4 core states too narrowly, and that the later published definitions (the
 * HL7 extensions package) and R4's own content use: added to the stated ones (docs/quirks.md).
 * structuredefinition-fhir-type says `ElementDefinition.type.code`, while every R4 snapshot carries it
 * on `ElementDefinition.type` (as the extensions package states it).
 */
const CONTEXT_ERRATA: ReadonlyMap<string, readonly { type: string; expression: string }[]> = new Map([
  ['http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type', [{ type: 'element', expression: 'ElementDefinition.type' }]],
]);

/** Does one context of use admit the site? */
function admits(c: { type: string; expression: string }, site: ExtensionSite, where: Where, ctx: WalkContext): Verdict {
  switch (c.type) {
    case 'element': {
      // `Element` (and `Any`) admit every place, a resource's root too, as in the HL7 validator
      if (c.expression === 'Element' || c.expression === 'Any') return 'allowed';
      const names = new Set([...site.paths, ...typeAncestry(site.type, ctx)]);
      if (names.has(c.expression)) return 'allowed';
      // a type R4 does not define (CanonicalResource: an interface of later versions), or a form we do not read
      // (a slice `:name`, a `url#path`), is not decided here
      if (/[:#]/.test(c.expression)) return 'undecided';
      const typeName = c.expression.split('.')[0]!;
      return ctx.model.structure(typeName) ? 'not-allowed' : 'undecided';
    }
    case 'extension':
      return site.extensionUrl !== undefined && stripVersion(site.extensionUrl) === stripVersion(c.expression) ? 'allowed' : 'not-allowed';
    case 'fhirpath': {
      // which elements the expression selects in the resource
      const resourceType = where.resource['resourceType'];
      if (typeof resourceType !== 'string') return 'undecided';
      try {
        const vars: EvalVars = { resource: where.resource, rootResource: where.root };
        const hits = ctx.fhirpath.evaluate(where.resource, resourceType, c.expression, vars);
        if (!site.primitive) return hits.some((h) => holderOf(h) === site.holder) ? 'allowed' : 'not-allowed';
        // a primitive's value has no identity to compare: only a selection without any primitive excludes it,
        // or one whose primitives are fhirpath.js nodes that keep their extensions (`_data`)
        if (hits.some((h) => isObject(h) && '_data' in h && h['_data'] === site.holder)) return 'allowed';
        return hits.some((h) => !isObject(h) || ('data' in h && !isObject(h['data']))) ? 'undecided' : 'not-allowed';
      } catch {
        return 'undecided';
      }
    }
    default:
      return 'undecided';
  }
}

/**
 * The context of use of a known extension (StructureDefinition.context: element paths or types,
 * extensions, FHIRPath expressions; and contextInvariant): an extension used where none of its
 * contexts admits it is `structure/extension-context`. Where a context cannot be decided (an
 * expression that does not evaluate, a context type we do not know, a place we cannot name) nothing
 * is reported.
 */
export function checkExtensionContext(extension: Json, plan: StructurePlan, where: Where, sink: IssueSink, ctx: WalkContext): void {
  const errata = CONTEXT_ERRATA.get(plan.url);
  const contexts = plan.extensionContext && errata ? [...plan.extensionContext, ...errata] : plan.extensionContext;
  const invariants = plan.contextInvariants;
  if (!contexts && !invariants) return;
  // `Element` admits every place: nothing to work out unless invariants follow
  if (!invariants && contexts?.some((c) => c.type === 'element' && (c.expression === 'Element' || c.expression === 'Any'))) return;
  const site = extensionSite(where.jsonPath, where, ctx);
  if (!site) return;
  const url = typeof extension['url'] === 'string' ? extension['url'] : plan.url;
  if (contexts) {
    const verdicts = contexts.map((c) => admits(c, site, where, ctx));
    if (!verdicts.includes('allowed')) {
      if (!verdicts.includes('undecided')) {
        sink.report('structure/extension-context', where, {
          url,
          place: site.paths[0] ?? site.type,
          allowed: contexts.map((c) => `${c.type} ${c.expression}`).join(', '),
        });
      }
      return;
    }
  }
  // the invariants are evaluated on the element the extension is on (%extension: the extension)
  if (!invariants || site.primitive) return;
  for (const inv of invariants) {
    let result: unknown[];
    try {
      const vars: EvalVars = { resource: where.resource, rootResource: where.root, extension: extension };
      result = ctx.fhirpath.evaluate(site.holder, site.type, inv, vars);
    } catch {
      continue;
    }
    if (result.length === 1 && result[0] === false) {
      sink.report('structure/extension-context', where, { url, place: site.paths[0] ?? site.type, allowed: `contextInvariant ${inv}` });
      return;
    }
  }
}
