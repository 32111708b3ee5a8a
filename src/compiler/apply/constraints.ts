import type { ApplyContext } from './context.js';

/**
 * Invariants (`obeys`): appended with this profile as their source. Invariants accumulate down a
 * profile chain; a key the element already has is kept as it is (and reported when it differs),
 * unless the invariant replaces it (a differential's, see from-differential.ts).
 */
export function applyConstraints(ctx: ApplyContext): void {
  const { rule, el } = ctx;
  if (!rule.constraints?.length) return;
  const list = el.constraint ? [...el.constraint] : [];
  for (const inv of rule.constraints) {
    const existing = list.find((x) => x.key === inv.key);
    const replaced = existing && inv.replaces && existing.expression !== inv.expression ? list.indexOf(existing) : -1;
    if (existing && replaced < 0) {
      if (existing.expression !== inv.expression) {
        ctx.report('compile/invalid-value', `${el.id}: invariant ${inv.key} is already defined with another expression`);
      }
      continue;
    }
    const c: fhir4.ElementDefinitionConstraint = {
      key: inv.key,
      severity: inv.severity,
      human: inv.human,
      expression: inv.expression,
      source: inv.source ?? ctx.sdUrl,
    };
    if (inv.requirements !== undefined) c.requirements = inv.requirements;
    if (inv.xpath !== undefined) c.xpath = inv.xpath;
    if (replaced >= 0) list[replaced] = c;
    else list.push(c);
  }
  el.constraint = list;
}
