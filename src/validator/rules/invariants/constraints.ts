import type { IssueSink, WalkContext, Where } from '../../context.js';
import type { EvalVars } from '../../../fhirpath/runner.js';
import type { ElementPlan } from '../../plan/plan.js';

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
        { key: c.key, human: c.human },
        {
          node,
          constraintKey: c.key,
          severity: c.severity === 'warning' ? 'warning' : 'error',
        },
      );
    } else if (base === type && ctx.model.isPrimitive(type)) {
      checkIntended(value, c, type, where, sink, node, ctx);
    }
  }
}

/**
 * A published constraint on a primitive that starts `value.matches(…)` navigates to a `value`
 * child a primitive does not have: it is always empty, so it never fails (MedCom Core 2.4.0's
 * `medcom-uuidv4` and `uuidv5`, the ECPR ones). The published behaviour stands; its evident
 * intent, `matches(…)` on the value itself, is checked separately as a warning.
 */
function checkIntended(
  value: unknown,
  c: fhir4.ElementDefinitionConstraint,
  type: string,
  where: Where,
  sink: IssueSink,
  node: ElementPlan,
  ctx: WalkContext,
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
    sink.report('invariants/intended', where, { key: c.key, expression: intended }, { node, constraintKey: c.key });
  }
}

const VACUOUS = /^value\.(matches\((['"]).*\2\))$/s;
/** `matches('…')` for a published `value.matches('…')`; undefined for any other expression. */
export function intendedExpression(expression: string): string | undefined {
  return expression.startsWith('value.') ? VACUOUS.exec(expression.trim())?.[1] : undefined;
}
