import type { InvariantIR, Severity } from '../ir/types.js';
import type { InvariantHandle } from './handles.js';
import { callerSource } from './source.js';

interface InvariantBase {
  readonly key: string;
  readonly severity: Severity;
  readonly human: string;
  /** FHIRPath; evaluated with the element the invariant is attached to as focus. */
  readonly expression: string;
  readonly xpath?: string;
  readonly requirements?: string;
  /** Canonical of the definition that owns the invariant, when it is not the profile using it. */
  readonly source?: string;
  /** FHIR type of the focus the examples are (e.g. `Identifier.value`, `Patient`). */
  readonly focus: string;
}

/** An example evaluated in context: the focus is what the FHIRPath `at` selects inside `in`. */
export function inContext(resource: { resourceType: string }, at: string): { in: unknown; at: string } {
  return { in: resource, at };
}

/**
 * An example evaluated with fixed answers for `conformsTo()` / `memberOf()`, which the build cannot
 * decide (they need a validator or the value set): the example tests the expression around them.
 */
export function assuming(
  assume: { conformsTo?: boolean; memberOf?: boolean },
  example: unknown,
): { assume: typeof assume; example: unknown } {
  return { assume, example };
}

/**
 * An invariant ships with evidence: values on which it must hold (`pass`) and values on which it
 * must fail (`fail`). The build evaluates both. A published invariant that cannot fail (a MedCom
 * quirk we reproduce for parity) says so in `quirk`, with the values it *should* reject; the build
 * then checks that it indeed lets them through, so the quirk stays visible and tested.
 */
export type InvariantSpec = InvariantBase &
  (
    | {
        readonly examples: { readonly pass: readonly [unknown, ...unknown[]]; readonly fail: readonly [unknown, ...unknown[]] };
        readonly quirk?: undefined;
      }
    | {
        readonly examples: { readonly pass: readonly [unknown, ...unknown[]]; readonly fail: readonly unknown[] };
        readonly quirk: { readonly neverFails: string; readonly shouldFail: readonly [unknown, ...unknown[]] };
      }
  );

export function defineInvariant(spec: InvariantSpec): InvariantHandle {
  const ir: InvariantIR = {
    key: spec.key,
    severity: spec.severity,
    human: spec.human,
    expression: spec.expression,
    examples: { pass: [...spec.examples.pass], fail: [...spec.examples.fail], focusType: spec.focus },
    sourceInfo: callerSource(),
  };
  if (spec.xpath !== undefined) ir.xpath = spec.xpath;
  if (spec.requirements !== undefined) ir.requirements = spec.requirements;
  if (spec.source !== undefined) ir.source = spec.source;
  if (spec.quirk) ir.quirk = { neverFails: spec.quirk.neverFails, shouldFail: [...spec.quirk.shouldFail] };
  return { __handle: 'invariant', ir };
}
