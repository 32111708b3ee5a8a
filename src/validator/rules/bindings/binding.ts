import type { ElementPlan } from '../../plan/plan.js';
import type { TerminologyService } from '../../terminology/types.js';
import type { IssueSink, Json, Where } from '../../context.js';
import { isObject } from '../../../util/json.js';

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
      if (typeof c['code'] === 'string')
        codings.push({ system: typeof c['system'] === 'string' ? c['system'] : undefined, code: c['code'] });
    }
    if (codings.length === 0) {
      if (strength === 'required' && input.kind !== 'Quantity') {
        sink.report(
          'bindings/required',
          where,
          { code: input.hasText ? '(text only, no code)' : '(no code)', valueSet: binding.valueSet },
          { node },
        );
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
    if (r.result === 'unknown') {
      anyUnknown = true;
      if (r.reason) reasons.push(r.reason);
    }
  }
  if (anyUnknown) {
    sink.report(
      'bindings/not-checked',
      where,
      { valueSet: binding.valueSet, reason: [...new Set(reasons)].join('; ') || 'not decidable locally' },
      { node },
    );
    return;
  }
  const shown = codings.map((c) => (c.system ? `${c.system}#${c.code}` : c.code)).join(', ');
  sink.report(
    strength === 'required' ? 'bindings/required' : 'bindings/extensible',
    where,
    { code: shown, valueSet: binding.valueSet },
    { node },
  );
}

/** A coded complex value (Coding, CodeableConcept, Quantity with a code) against the element's binding. */
export function checkCodedBinding(
  value: unknown,
  node: ElementPlan,
  type: string,
  where: Where,
  sink: IssueSink,
  terminology: TerminologyService,
): void {
  if (!node.binding || !isObject(value)) return;
  if (type === 'Coding') checkBinding({ codings: [value], kind: 'Coding' }, node, where, sink, terminology);
  else if (type === 'CodeableConcept') {
    const codings = Array.isArray(value['coding']) ? (value['coding'] as unknown[]).filter(isObject) : [];
    checkBinding({ codings, kind: 'CodeableConcept', hasText: typeof value['text'] === 'string' }, node, where, sink, terminology);
  } else if (type === 'Quantity' && value['code'] !== undefined) {
    checkBinding({ codings: [{ system: value['system'], code: value['code'] }], kind: 'Quantity' }, node, where, sink, terminology);
  }
}

/** A code, string or uri value against the element's binding. */
export function checkPrimitiveBinding(
  value: unknown,
  node: ElementPlan,
  type: string,
  where: Where,
  sink: IssueSink,
  terminology: TerminologyService,
): void {
  if (node.binding && (type === 'code' || type === 'string' || type === 'uri') && typeof value === 'string') {
    checkBinding({ system: undefined, code: value, kind: type }, node, where, sink, terminology);
  }
}
