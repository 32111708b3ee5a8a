import type { ElementPlan } from '../../plan/plan.js';
import type { TerminologyService, ValueSetDescription } from '../../terminology/types.js';
import type { IssueSink, Json, Where } from '../../context.js';
import { nearest } from '../../../util/edit-distance.js';
import { isObject } from '../../../util/json.js';
import { QUOTE_MAX, quoteValue } from '../../../util/text.js';

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
          {
            code: input.hasText ? '(text only, no code)' : '(no code)',
            valueSet: binding.valueSet,
            ...whatIsAllowed([], terminology.describe?.(binding.valueSet)),
          },
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
  sink.report(
    strength === 'required' ? 'bindings/required' : 'bindings/extensible',
    where,
    {
      code: codings.map(showCoding).join(', '),
      valueSet: binding.valueSet,
      ...whatIsAllowed(codings, terminology.describe?.(binding.valueSet)),
    },
    { node },
  );
}

/** How many codes a value set may have for a message to list them all (and suggest the nearest). */
export const LISTED_CODES = 10;

/** A code found, for a message: the code quoted, its system (if any) after it. */
function showCoding(c: { system: string | undefined; code: string }): string {
  return c.system === undefined ? quoteValue(c.code) : `${quoteValue(c.code)} (${quoteValue(c.system, 2 * QUOTE_MAX).slice(1, -1)})`;
}

/**
 * What a message says is allowed instead of the codes found: the value set's codes when it has at
 * most LISTED_CODES (and the one nearest to the first code found, when one is near), else its title
 * and how many codes it has (when it expands completely here).
 */
function whatIsAllowed(
  found: readonly { system: string | undefined; code: string }[],
  vs: ValueSetDescription | undefined,
): { allowed?: string; suggestion?: string; valueSetTitle?: string; size?: number } {
  if (!vs) return {};
  const codes = vs.codes;
  if (codes && codes.length > 0 && codes.length <= LISTED_CODES) {
    const oneSystem = new Set(codes.map((c) => c.system)).size === 1;
    const allowed = codes.map((c) => (oneSystem ? quoteValue(c.code) : `${quoteValue(c.code)} (${c.system})`)).join(', ');
    const first = found[0];
    const sameSystem = first?.system === undefined ? codes : codes.filter((c) => c.system === first.system);
    const near =
      first === undefined
        ? undefined
        : nearest(
            first.code,
            (sameSystem.length > 0 ? sameSystem : codes).map((c) => c.code),
          );
    return { allowed, ...(near !== undefined ? { suggestion: quoteValue(near) } : {}) };
  }
  return {
    ...(vs.title !== undefined ? { valueSetTitle: quoteValue(vs.title, 2 * QUOTE_MAX) } : {}),
    ...(codes && codes.length > 0 ? { size: codes.length } : {}),
  };
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
