import type { IssueSink, WalkContext, Where } from '../../context.js';
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
  const vars = { resource: where.resource, rootResource: where.root, medcomWhere: where } as EvalVars;
  // the value a constraint on a primitive speaks about, quoted in its finding (a wrong CPR shows the CPR)
  const quoted = focusValue(value, type, ctx);
  for (const c of node.constraints) {
    if (NATIVE_CONSTRAINTS.has(c.key) || !c.expression) continue;
    const native = ctx.natives.get(c.key);
    let verdict = native?.expression === c.expression ? native.check(value, where.resource) : undefined;
    if (verdict === undefined || ctx.crossCheckNatives) {
      let result: unknown[];
      try {
        result = ctx.fhirpath.evaluate(value, base, c.expression, vars);
      } catch (e) {
        sink.report(
          'invariants/not-evaluated',
          where,
          { key: c.key, reason: (e as Error).message.split('\n')[0]!.slice(0, 200) },
          { node, constraintKey: c.key },
        );
        continue;
      }
      const engine = result.length === 1 && result[0] === false ? 'fail' : 'pass';
      if (verdict !== undefined && verdict !== engine) {
        throw new Error(`native ${c.key} says ${verdict}, fhirpath.js says ${engine} at ${where.fhirPath}`);
      }
      verdict = engine;
    }
    if (verdict === 'fail') {
      sink.report(
        'invariants/failed',
        where,
        { key: c.key, human: c.human, ...quoted },
        {
          node,
          constraintKey: c.key,
          severity: c.severity === 'warning' ? 'warning' : 'error',
        },
      );
    } else if (base === type && ctx.model.isPrimitive(type)) {
      checkIntended(value, c, type, where, sink, node, ctx, quoted);
    }
  }
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
  quoted: { value?: string },
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
    sink.report('invariants/intended', where, { key: c.key, expression: intended, ...quoted }, { node, constraintKey: c.key });
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
