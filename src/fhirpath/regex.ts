/**
 * Java / XML-schema regex idioms translated for JavaScript: a leading inline `(?i)` becomes the
 * `i` flag (MedCom Document 2.0 invariants start with it; `RegExp` rejects it).
 */
export function translateRegex(regex: string): { source: string; flags: string } {
  let source = regex;
  let flags = 'su';
  const m = /^\(\?([imsx]+)\)/.exec(source);
  if (m) {
    source = source.slice(m[0].length);
    if (m[1]!.includes('i')) flags += 'i';
  }
  return { source, flags };
}

/**
 * A JavaScript RegExp for a FHIRPath (Java / XML-schema) regex. Java accepts an escaped punctuation
 * character (`\'`) and a lone `]`, which JavaScript's unicode mode rejects: such a regex is compiled
 * without the `u` flag, where they mean what they mean in Java (R4's eld-19 and eld-20 are written so).
 */
export function compileRegex(regex: string): RegExp {
  const { source, flags } = translateRegex(regex);
  try {
    return new RegExp(source, flags);
  } catch (e) {
    try {
      return new RegExp(source, flags.replace('u', ''));
    } catch {
      throw e;
    }
  }
}

/**
 * FHIRPath `matches()` and `replaceMatches()` with Java regex idioms translated, for a
 * userInvocationTable: shared by the build's invariant examples, the validator's runner and the
 * lite evaluator, so a published `(?i)` invariant means the same in all of them. `regexOf` may
 * cache; `value` unwraps an item.
 */
export function regexFunctions(regexOf: (regex: string) => RegExp, value: (item: unknown) => unknown): Record<string, unknown> {
  return {
    matches: {
      fn(inputs: unknown[], regex: unknown): boolean[] {
        return matches(inputs.length === 1 ? value(inputs[0]) : undefined, regex, regexOf);
      },
      arity: { 1: ['String'] },
    },
    replaceMatches: {
      fn(inputs: unknown[], regex: unknown, substitution: unknown): string[] {
        const s = inputs.length === 1 ? value(inputs[0]) : undefined;
        if (typeof s !== 'string' || typeof regex !== 'string' || typeof substitution !== 'string') return [];
        const r = regexOf(regex);
        return [s.replace(new RegExp(r.source, r.flags + 'g'), substitution)];
      },
      arity: { 2: ['String', 'String'] },
    },
  };
}

/** `matches()` on one input value: `[]` unless both are strings. */
export function matches(s: unknown, regex: unknown, regexOf: (regex: string) => RegExp): boolean[] {
  if (typeof s !== 'string' || typeof regex !== 'string') return [];
  return [regexOf(regex).test(s)];
}
