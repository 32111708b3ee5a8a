import { boundKey, placeKey, underKey, valueSetKey, type IssueSink, type Json, type WalkContext, type Where } from '../../context.js';
import type { RuleId } from '../registry.js';
import type { EvalVars } from '../../../fhirpath/runner.js';
import type { ElementPlan } from '../../plan/plan.js';
import { QUOTE_MAX, quoteValue } from '../../../util/text.js';

// checked natively (structure/empty-element, structure/extension-invalid, bundle/fullurl-duplicate): bdl-7's
// isDistinct() is quadratic in the number of entries
const NATIVE_CONSTRAINTS = new Set(['ele-1', 'ext-1', 'bdl-7']);

/**
 * The element's FHIRPath constraints on a value: natively where an implementation exists
 * (src/validator/rules/invariants/native.ts), else with the FHIRPath runner.
 */
export function checkConstraints(value: unknown, node: ElementPlan, type: string, where: Where, sink: IssueSink, ctx: WalkContext): void {
  if (node.constraints.length === 0) return;
  const base =
    ctx.model.isPrimitive(type) || node === node.structure.root || !node.path.includes('.')
      ? type
      : type === 'BackboneElement' || type === 'Element'
        ? (node.ed.base?.path ?? node.path)
        : type;
  let root: Json | undefined;
  const varsFor = (expression: string): EvalVars & { medcomWhere: Where } => ({
    resource: where.resource,
    rootResource: expression.includes('%rootResource') ? (root ??= rootResourceOf(where)) : where.root,
    medcomWhere: where,
  });
  // the value a constraint on a primitive speaks about, quoted in its finding (a wrong CPR shows the CPR);
  // quoted only when a finding needs it (most constraints pass)
  let quotedValue: { value?: string } | undefined;
  const quoted = (): { value?: string } => (quotedValue ??= focusValue(value, type, ctx));
  for (const c of node.constraints) {
    if (NATIVE_CONSTRAINTS.has(c.key) || !c.expression) continue;
    const native = ctx.natives.get(c.key);
    let verdict = native?.expression === c.expression ? native.check(value, where.resource) : undefined;
    /** The errors of the conformance probes (conformsTo()) that failed in the evaluation. */
    let probed: readonly string[] = [];
    if (verdict === undefined || ctx.crossCheckNatives) {
      let result: unknown[] | undefined;
      try {
        const run = ctx.failedProbes(() => ctx.fhirpath.evaluate(value, base, c.expression!, varsFor(c.expression!)));
        result = run.result;
        probed = run.causes;
      } catch (e) {
        // the native answer stands where fhirpath.js cannot evaluate the published expression (dom-3's as())
        if (verdict !== undefined) result = undefined;
        else {
          sink.report(
            'invariants/not-evaluated',
            where,
            {
              key: c.key,
              reason: String(e instanceof Error ? e.message : e)
                .split('\n')[0]!
                .slice(0, 200),
            },
            { node, constraintKey: c.key },
          );
          continue;
        }
      }
      if (result !== undefined) {
        const engine = result.length === 1 && result[0] === false ? 'fail' : 'pass';
        if (verdict !== undefined && verdict !== engine) {
          throw new Error(`native ${c.key} says ${verdict}, fhirpath.js says ${engine} at ${where.fhirPath}`);
        }
        verdict = engine;
      }
    }
    if (verdict === 'fail') {
      sink.report(
        'invariants/failed',
        where,
        { key: c.key, human: c.human, ...quoted() },
        {
          node,
          constraintKey: c.key,
          severity: c.severity === 'warning' ? 'warning' : 'error',
          causes: [...probed, ...restated(c.key, c.expression, value, type, where)],
        },
      );
    } else if (base === type && ctx.model.isPrimitive(type)) {
      checkIntended(value, c, type, where, sink, node, ctx, quoted);
    }
  }
}

/**
 * FHIRPath's %rootResource for an element of `where.resource`: the resource that contains it when it is a
 * contained resource, else the resource itself — an entry's resource in a Bundle is its own root (the Bundle
 * is not its container), as in the HL7 validator (ref-1 looks for `#id` among %rootResource.contained).
 */
function rootResourceOf(where: Where): Json {
  const r = where.resource;
  if (r === where.root) return r;
  const holds = (c: Json | undefined): boolean => c !== undefined && Array.isArray(c['contained']) && c['contained'].includes(r);
  if (holds(where.root)) return where.root;
  for (const e of where.bundle?.entries ?? []) if (holds(e.resource)) return e.resource!;
  return r;
}

/** What makes a required element missing: the element's min, a required slice, an item with the wrong discriminator value. */
const MISSING: readonly RuleId[] = ['slicing/discriminator-mismatch', 'slicing/slice-min', 'cardinality/min'];

/** Type errors that make an invariant on the value fail as well. */
const TYPE_ERRORS: readonly RuleId[] = ['types/json-type', 'types/primitive-format', 'types/max-length'];

/**
 * What a failed invariant may only restate, as `causes` keys (after the failed conformsTo() probes, which
 * come first), decided from the invariant's expression and the value at its focus:
 * - a document or message invariant of the Bundle (`bdl-*`) restates a missing element it names
 *   (`cardinality/min` at `Bundle.identifier`, `Bundle.identifier.system`, `Bundle.timestamp`) or a
 *   wrong first entry (`bundle/first-entry`);
 * - an invariant on a value (not a Bundle) fails because of a type error at its focus or under an element
 *   of the focus that its expression names (`identifier` in `identifier.where(…).value.matches(…)`).
 */
function restated(key: string, expression: string, value: unknown, type: string, where: Where): string[] {
  const out: string[] = [];
  // names and dotted paths outside string literals
  const chains = expression.replace(/'(?:[^'\\]|\\.)*'/g, "''").match(/[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/g) ?? [];
  // a code not in a value set the expression asks memberOf() about, reported where the code is bound to it
  // (that value set, or — a narrower one than the element's binding — a code of the element the expression asks about)
  for (const m of expression.matchAll(/(?:([A-Za-z_][A-Za-z0-9_]*)\.)?memberOf\(\s*'([^']+)'\s*\)/g)) {
    out.push(valueSetKey(m[2]!));
    if (m[1] !== undefined) out.push(boundKey(m[1]));
  }
  // the first entry of a document or message, reported as bundle/first-entry
  if (type === 'Bundle' && /entry\s*(\[\s*0\s*\]|\.first\(\))/.test(expression)) out.push(underKey(['bundle/first-entry'], where.fhirPath));
  if (key.startsWith('bdl-')) {
    out.push(underKey(['bundle/first-entry'], where.fhirPath));
    for (const chain of new Set(chains)) {
      let path = where.fhirPath;
      for (const step of chain.split('.')) {
        path = `${path}.${step}`;
        out.push(placeKey('cardinality/min', path));
      }
    }
    return out;
  }
  if (type === 'Bundle') return out;
  for (const r of TYPE_ERRORS) out.push(placeKey(r, where.fhirPath));
  // a required element (or slice) the expression names that is missing or has the wrong discriminator value
  // (`identifier.where(system = …).exists()` on an Organization without its SOR identifier)
  for (const name of new Set(chains.map((ch) => ch.split('.')[0]!))) {
    if (/^[a-z]/.test(name)) out.push(underKey(MISSING, `${where.fhirPath}.${name}`));
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const names = new Set(chains.map((ch) => ch.split('.')[0]!));
    for (const k of Object.keys(value)) {
      const name = k.startsWith('_') ? k.slice(1) : k;
      const named = names.has(name) || [...names].some((n) => name.startsWith(n) && /[A-Z]/.test(name.charAt(n.length)));
      if (named) out.push(underKey(TYPE_ERRORS, `${where.fhirPath}.${name}`));
    }
  }
  return out;
}

/**
 * `{ value }`, quoted, when the constraint's focus is a primitive with a value; else nothing. Twice the
 * usual length: such a constraint is often about the whole value (a canonical's version at its end).
 */
function focusValue(value: unknown, type: string, ctx: WalkContext): { value?: string } {
  if (!ctx.model.isPrimitive(type)) return {};
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return {};
  return { value: quoteValue(value, 2 * QUOTE_MAX) };
}

/**
 * Published constraints on a primitive that are evidently weaker than meant. The published behaviour
 * stands (a bundle the official tooling accepts is accepted here); the evident intent is checked
 * separately as the warning `invariants/intended`. Two forms are recognised (`intendedExpression`):
 * - `value.matches(…)` navigates to a `value` child a primitive does not have: always empty, so it
 *   never fails (MedCom Core 2.4.0's `medcom-uuidv4` and `uuidv5`, the ECPR ones); intent `matches(…)`;
 * - `matches('^http://…Definition|1[.][0-9]{1,2}$')`: a canonical `url|version` pattern whose `|` is
 *   not escaped, so it is a regex alternation and any value starting with the url passes (HCO
 *   1.1.1-trial-use on: `medcom-hcobs-definition-url`); intent: the same pattern with a literal `|`.
 */
function checkIntended(
  value: unknown,
  c: fhir4.ElementDefinitionConstraint,
  type: string,
  where: Where,
  sink: IssueSink,
  node: ElementPlan,
  ctx: WalkContext,
  quoted: () => { value?: string },
): void {
  const intended = intendedExpression(c.expression!);
  if (intended === undefined) return;
  let result: unknown[];
  try {
    result = ctx.fhirpath.evaluate(value, type, intended, { resource: where.resource, rootResource: where.root });
  } catch {
    return; // the published constraint was evaluated; an intent we cannot evaluate adds nothing
  }
  if (result.length === 1 && result[0] === false) {
    sink.report('invariants/intended', where, { key: c.key, expression: intended, ...quoted() }, { node, constraintKey: c.key });
  }
}

const VACUOUS = /^value\.(matches\((['"]).*\2\))$/s;
const MATCHES = /^matches\('([^'\\]*)'\)$/s;
/**
 * The evident intent of a published constraint that is weaker than meant (see above): `matches('…')`
 * for `value.matches('…')`; `matches('^url[|]version$')` for `matches('^url|version$')`; undefined
 * for any other expression.
 */
export function intendedExpression(expression: string): string | undefined {
  const e = expression.trim();
  if (e.startsWith('value.')) return VACUOUS.exec(e)?.[1];
  const regex = MATCHES.exec(e)?.[1];
  const pipe = regex === undefined ? undefined : canonicalVersionPipe(regex);
  return pipe === undefined ? undefined : `matches('${regex!.slice(0, pipe)}[|]${regex!.slice(pipe + 1)}')`;
}

/**
 * Where the `|` of an anchored canonical pattern `^scheme://…|…$` is, when it is the one alternation
 * at the top level, the url is on its left (not closed by `$`) and the version on its right (not
 * opened by `^`): `^a$|^b$` is a deliberate alternation and stays as it is. Patterns with escapes are
 * left alone (none of the published ones has any).
 */
function canonicalVersionPipe(regex: string): number | undefined {
  if (regex.includes('\\') || !/^\^[a-z][a-z0-9+.-]*:\/\//i.test(regex) || !regex.endsWith('$')) return undefined;
  let depth = 0;
  let inClass = false;
  let at: number | undefined;
  for (let i = 0; i < regex.length; i++) {
    const ch = regex[i];
    if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      if (at !== undefined) return undefined;
      at = i;
    }
  }
  if (at === undefined || regex[at - 1] === '$' || regex[at + 1] === '^') return undefined;
  return at;
}
