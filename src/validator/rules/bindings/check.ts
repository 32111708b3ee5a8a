import type { ElementPlan } from '../../plan/plan.js';
import type { TerminologyService } from '../../terminology/types.js';
import type { IssueSink, Json, Where } from '../../context.js';

export type BindingInput =
  | { kind: 'code' | 'string' | 'uri'; system: undefined; code: string }
  | { kind: 'Coding' | 'CodeableConcept' | 'Quantity'; codings: Json[]; hasText?: boolean };

/**
 * Required and extensible bindings, decided on local terminology. A value set (or code system) that
 * cannot be expanded here yields `bindings/not-checked` (information), never a false error.
 */
export function checkBinding(input: BindingInput, node: ElementPlan, where: Where, sink: IssueSink, terminology: TerminologyService): void {
  const binding = node.binding;
  if (!binding?.valueSet) return;
  const strength = binding.strength;
  if (strength !== 'required' && strength !== 'extensible') return;
  const codings: { system: string | undefined; code: string }[] = [];
  if ('codings' in input) {
    for (const c of input.codings) {
      if (typeof c['code'] === 'string') codings.push({ system: typeof c['system'] === 'string' ? c['system'] : undefined, code: c['code'] });
    }
    if (codings.length === 0) {
      if (strength === 'required' && input.kind !== 'Quantity') {
        sink.report('bindings/required', where, { code: input.hasText ? '(text only, no code)' : '(no code)', valueSet: binding.valueSet }, { node });
      }
      return;
    }
  } else {
    codings.push({ system: input.system, code: input.code });
  }
  const reasons: string[] = [];
  let anyUnknown = false;
  for (const c of codings) {
    const r = terminology.check(binding.valueSet, c.system, c.code);
    if (r.result === 'in') return;
    if (r.result === 'unknown') { anyUnknown = true; if (r.reason) reasons.push(r.reason); }
  }
  if (anyUnknown) {
    sink.report('bindings/not-checked', where, { valueSet: binding.valueSet, reason: [...new Set(reasons)].join('; ') || 'not decidable locally' }, { node });
    return;
  }
  const shown = codings.map((c) => (c.system ? `${c.system}#${c.code}` : c.code)).join(', ');
  sink.report(strength === 'required' ? 'bindings/required' : 'bindings/extensible', where, { code: shown, valueSet: binding.valueSet }, { node });
}
