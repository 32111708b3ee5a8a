import type { ApplyContext } from './context.js';

const STRENGTH_ORDER = { example: 0, preferred: 1, extensible: 2, required: 3 } as const;

/**
 * Bindings: may not weaken a required or extensible parent binding. A new binding keeps the
 * parent's strength or value set only where the rule omits them; the parent's description and
 * binding extensions are dropped (as the snapshot generator does).
 */
export function applyBinding(ctx: ApplyContext): void {
  const { rule, el } = ctx;
  if (!rule.binding) return;
  const before = el.binding;
  if (
    before &&
    (before.strength === 'required' || before.strength === 'extensible') &&
    STRENGTH_ORDER[rule.binding.strength] < STRENGTH_ORDER[before.strength]
  ) {
    ctx.report(
      'compile/binding-weakened',
      `${el.id}: binding strength ${rule.binding.strength} is weaker than the parent's ${before.strength}`,
    );
    return;
  }
  if (
    before &&
    before.strength === rule.binding.strength &&
    before.valueSet === rule.binding.valueSet &&
    (rule.binding.description === undefined || rule.binding.description === before.description)
  )
    return;
  const binding: fhir4.ElementDefinitionBinding = { strength: rule.binding.strength };
  if (rule.binding.description !== undefined) binding.description = rule.binding.description;
  const vs = rule.binding.valueSet ?? before?.valueSet;
  if (vs !== undefined) binding.valueSet = vs;
  el.binding = binding;
}
