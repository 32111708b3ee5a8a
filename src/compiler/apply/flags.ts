import type { ApplyContext } from './context.js';

/** mustSupport, isModifier, isSummary, maxLength, condition and the text fields. */
export function applyFlags(ctx: ApplyContext): void {
  const { rule, el } = ctx;
  if (rule.mustSupport !== undefined) {
    if (!rule.mustSupport && el.mustSupport) {
      ctx.report('compile/invalid-value', `${el.id}: mustSupport cannot be removed once a parent set it`);
    } else {
      el.mustSupport = rule.mustSupport;
    }
  }
  if (rule.isModifier !== undefined) el.isModifier = rule.isModifier;
  if (rule.isModifierReason !== undefined) el.isModifierReason = rule.isModifierReason;
  if (rule.isSummary !== undefined) el.isSummary = rule.isSummary;
  if (rule.maxLength !== undefined) el.maxLength = rule.maxLength;
  if (rule.short !== undefined) el.short = rule.short;
  if (rule.definition !== undefined) el.definition = rule.definition;
  if (rule.comment !== undefined) el.comment = rule.comment;
  if (rule.requirements !== undefined) el.requirements = rule.requirements;
  if (rule.alias !== undefined) el.alias = [...rule.alias];
  if (rule.condition !== undefined) {
    el.condition = [...new Set([...(el.condition ?? []), ...rule.condition])];
  }
  if (rule.extra) {
    for (const [k, v] of Object.entries(rule.extra)) el[k] = structuredClone(v);
  }
}
