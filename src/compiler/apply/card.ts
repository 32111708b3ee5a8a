import type { ApplyContext } from './context.js';

function maxValue(max: string | undefined): number {
  return max === undefined || max === '*' ? Infinity : Number(max);
}

/** Cardinality: may only narrow the parent's; slices may not exceed the sliced element's max. */
export function applyCard(ctx: ApplyContext): void {
  const { rule, el } = ctx;
  if (rule.min === undefined && rule.max === undefined) return;
  const min = rule.min ?? el.min ?? 0;
  const max = rule.max ?? el.max ?? '*';
  if (maxValue(max) < min) {
    ctx.report('compile/invalid-cardinality', `${el.id}: min ${min} is greater than max ${max}`);
    return;
  }
  const parentMin = el.min ?? 0;
  const parentMax = el.max ?? '*';
  if (rule.min !== undefined && rule.min < parentMin) {
    ctx.report('compile/widening-cardinality', `${el.id}: min ${rule.min} is below the parent's ${parentMin}`);
    return;
  }
  if (rule.max !== undefined && maxValue(rule.max) > maxValue(parentMax)) {
    ctx.report('compile/widening-cardinality', `${el.id}: max ${rule.max} is above the parent's ${parentMax}`);
    return;
  }
  if (el.sliceName !== undefined) {
    const baseId = el.id!.slice(0, el.id!.lastIndexOf(':'));
    const base = ctx.list.get(baseId);
    if (base && maxValue(max) > maxValue(base.max)) {
      ctx.report('compile/widening-cardinality', `${el.id}: slice max ${max} is above ${baseId}'s max ${base.max}`);
      return;
    }
  }
  el.min = min;
  el.max = max;
}
