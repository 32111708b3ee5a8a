import { capitalize } from '../../util/text.js';
import { fhirTypeCode } from '../../fhir/types.js';
import type { ApplyContext } from './context.js';
import type { ValueIR } from '../../ir/types.js';
import { stableStringify } from '../../util/json.js';
import { matchesPattern } from '../../fhir/values.js';

function valueKeys(el: Record<string, unknown>, prefix: 'fixed' | 'pattern'): string[] {
  return Object.keys(el).filter(
    (k) => k.startsWith(prefix) && k.length > prefix.length && k[prefix.length]! === k[prefix.length]!.toUpperCase(),
  );
}

function typeSuffix(ctx: ApplyContext, v: ValueIR): string | undefined {
  if (v.type) return capitalize(v.type);
  const codes = [...new Set((ctx.el.type ?? []).map(fhirTypeCode))];
  if (codes.length === 1) return capitalize(codes[0]!);
  ctx.report('compile/invalid-value', `${ctx.el.id}: element has ${codes.length} types; give the value's type explicitly`);
  return undefined;
}

/** fixed[x] (exact) and pattern[x] (subset) values; the [x] suffix follows the element type. */
export function applyValues(ctx: ApplyContext): void {
  const { rule, el } = ctx;
  for (const kind of ['fixed', 'pattern'] as const) {
    const v = rule[kind];
    if (!v) continue;
    const suffix = typeSuffix(ctx, v);
    if (suffix === undefined) continue;
    const key = `${kind}${suffix}`;
    const rec = el as Record<string, unknown>;
    // a parent's fixed value may only be repeated; a parent's pattern may be refined
    for (const existing of valueKeys(rec, 'fixed')) {
      if (stableStringify(rec[existing]) !== stableStringify(v.value) || existing !== key) {
        ctx.report('compile/fixed-conflict', `${el.id}: parent fixes ${existing} = ${stableStringify(rec[existing])}`);
        return;
      }
    }
    for (const existing of valueKeys(rec, 'pattern')) {
      if (!matchesPattern(v.value, rec[existing])) {
        ctx.report(
          'compile/fixed-conflict',
          `${el.id}: ${stableStringify(v.value)} does not keep the parent's ${existing} = ${stableStringify(rec[existing])}`,
        );
        return;
      }
      if (kind === 'pattern' || existing !== key) delete rec[existing];
    }
    rec[key] = structuredClone(v.value);
  }
}
