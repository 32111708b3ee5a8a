import { evaluateAt, evaluateFocus } from '../fhirpath/engine.js';
import { fhirpathJs } from '../fhirpath/library.js';
import type { InvariantIR } from '../ir/types.js';
import type { Diagnostics } from './diagnostics.js';

/** An example given in context: the focus is what `at` selects inside `in` (for resolve(), %resource …). */
export interface InContextExample {
  in: unknown;
  at: string;
}

function isInContext(v: unknown): v is InContextExample {
  return typeof v === 'object' && v !== null && 'in' in v && 'at' in v && typeof (v as InContextExample).at === 'string';
}

/**
 * An example evaluated with fixed answers for the functions a build cannot decide on its own
 * (`conformsTo()` needs a validator, `memberOf()` the value set): the example then tests what the
 * expression does around them (navigation, `all()`, `implies` …), not the profile or value set.
 */
export interface AssumingExample {
  assume: { conformsTo?: boolean; memberOf?: boolean };
  example: unknown;
}

function isAssuming(v: unknown): v is AssumingExample {
  return typeof v === 'object' && v !== null && 'assume' in v && 'example' in v;
}

function hostAnswers(assume: AssumingExample['assume']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const answer = (value: boolean | undefined) => ({
    fn: (inputs: unknown[]): boolean[] => (value === undefined || inputs.length !== 1 ? [] : [value]),
    arity: { 1: ['String'] },
  });
  if (assume.conformsTo !== undefined) out['conformsTo'] = answer(assume.conformsTo);
  if (assume.memberOf !== undefined) out['memberOf'] = answer(assume.memberOf);
  return out;
}

function evaluate(value: unknown, focus: string, expression: string): unknown[] {
  const extra = isAssuming(value) ? hostAnswers(value.assume) : {};
  const v = isAssuming(value) ? value.example : value;
  if (isInContext(v)) return evaluateAt(v.in, v.at, expression, extra);
  return evaluateFocus(v, focus, expression, extra);
}

function verdict(result: unknown[]): 'true' | 'false' | 'empty' | 'other' {
  if (result.length === 0) return 'empty';
  if (result.length === 1 && result[0] === true) return 'true';
  if (result.length === 1 && result[0] === false) return 'false';
  return 'other';
}

/**
 * Evaluate an invariant's examples. `pass` examples must give `true`, `fail` examples `false`.
 * A declared quirk must still let its `shouldFail` values through (so it stays a known quirk).
 */
export function checkInvariantExamples(inv: InvariantIR, diagnostics: Diagnostics, resource?: string): void {
  const where = { source: inv.sourceInfo, ...(resource !== undefined ? { resource } : {}) };
  const focus = inv.examples?.focusType;
  if (!inv.examples || focus === undefined) return;
  try {
    fhirpathJs().fhirpath.parse(inv.expression);
  } catch (e) {
    diagnostics.report('compile/invariant-parse', `${inv.key}: expression does not parse: ${(e as Error).message}`, where);
    return;
  }
  const run = (value: unknown): ReturnType<typeof verdict> | Error => {
    try {
      return verdict(evaluate(value, focus, inv.expression));
    } catch (e) {
      return e as Error;
    }
  };
  inv.examples.pass.forEach((v, i) => {
    const r = run(v);
    if (r instanceof Error)
      diagnostics.report('compile/invariant-example', `${inv.key}: pass example #${i + 1} raised an error: ${r.message}`, where);
    else if (r !== 'true' && !(inv.quirk && r === 'empty')) {
      diagnostics.report('compile/invariant-example', `${inv.key}: pass example #${i + 1} gave ${r}, expected true`, where);
    }
  });
  inv.examples.fail.forEach((v, i) => {
    const r = run(v);
    if (r instanceof Error)
      diagnostics.report('compile/invariant-example', `${inv.key}: fail example #${i + 1} raised an error: ${r.message}`, where);
    else if (r !== 'false')
      diagnostics.report(
        'compile/invariant-example',
        `${inv.key}: fail example #${i + 1} gave ${r}, expected false (the invariant never fails on it)`,
        where,
      );
  });
  if (inv.quirk) {
    inv.quirk.shouldFail.forEach((v, i) => {
      const r = run(v);
      if (r === 'false') {
        diagnostics.report(
          'compile/invariant-example',
          `${inv.key}: declared quirk no longer reproduced: shouldFail #${i + 1} now fails; remove the quirk`,
          where,
        );
      }
    });
    diagnostics.report(
      'compile/invariant-quirk',
      `${inv.key}: published invariant never fails (${inv.quirk.neverFails}); reproduced for parity`,
      where,
    );
  }
}
