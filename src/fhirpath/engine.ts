import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4/index.js';

/** The FHIR R4 model fhirpath.js needs for typed navigation (choice types, ofType, is). */
export const R4_MODEL = r4 as unknown as Parameters<typeof fhirpath.evaluate>[3];

type Json = Record<string, unknown>;

/**
 * `resolve()` without a server: references are looked up among the entries of the Bundle (by
 * fullUrl, or `Type/id` against the entries' resources) and among contained resources.
 */
export function bundleResolver(root: unknown): (ref: string) => Json | undefined {
  const entries: { fullUrl?: string; resource?: Json }[] = [];
  const r = root as Json | undefined;
  if (r?.['resourceType'] === 'Bundle' && Array.isArray(r['entry'])) entries.push(...(r['entry'] as { fullUrl?: string; resource?: Json }[]));
  const contained = (r?.['contained'] as Json[] | undefined) ?? [];
  return (ref: string) => {
    if (ref.startsWith('#')) return contained.find((c) => c['id'] === ref.slice(1));
    const byFullUrl = entries.find((e) => e.fullUrl === ref);
    if (byFullUrl?.resource) return byFullUrl.resource;
    const m = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(ref);
    if (m) {
      const hit = entries.find((e) => e.resource?.['resourceType'] === m[1] && e.resource?.['id'] === m[2]);
      if (hit?.resource) return hit.resource;
    }
    return undefined;
  };
}

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

/** A JavaScript RegExp for a FHIRPath (Java / XML-schema) regex. */
export function compileRegex(regex: string): RegExp {
  const { source, flags } = translateRegex(regex);
  return new RegExp(source, flags);
}

/**
 * FHIRPath `matches()` and `replaceMatches()` with Java regex idioms translated, for a
 * userInvocationTable: shared by the build's invariant examples and the validator's runner, so a
 * published `(?i)` invariant means the same in both. `regexOf` may cache; `value` unwraps an item.
 */
export function regexFunctions(regexOf: (regex: string) => RegExp, value: (item: unknown) => unknown): Record<string, unknown> {
  return {
    matches: {
      fn(inputs: unknown[], regex: unknown): boolean[] {
        const s = inputs.length === 1 ? value(inputs[0]) : undefined;
        if (typeof s !== 'string' || typeof regex !== 'string') return [];
        return [regexOf(regex).test(s)];
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

function plain(item: unknown): unknown {
  return (item && typeof item === 'object' && 'data' in (item as Json)) ? (item as Json)['data'] : item;
}

/**
 * The functions invariant examples need beyond fhirpath.js: resolve() inside the Bundle, and
 * matches()/replaceMatches() with Java regex idioms translated (as the validator's runner does),
 * so that a published `(?i)` invariant is evaluated by the build the way it is in validation.
 */
function invocationTable(resolveRef: (ref: string) => Json | undefined): Record<string, unknown> {
  return {
    ...regexFunctions(compileRegex, plain),
    resolve: {
      fn(inputs: unknown[]): Json[] {
        const out: Json[] = [];
        for (const item of inputs) {
          const data = (item && typeof item === 'object' && 'data' in (item as Json)) ? (item as Json)['data'] : item;
          const ref = typeof data === 'string' ? data : (data as Json | undefined)?.['reference'];
          if (typeof ref !== 'string') continue;
          const hit = resolveRef(ref);
          if (hit) out.push(hit);
        }
        return out;
      },
    },
  };
}

/** Evaluate an expression with a typed focus value (`focusType` like `Identifier.value` or `Patient`). */
export function evaluateFocus(value: unknown, focusType: string, expression: string, extra: Record<string, unknown> = {}): unknown[] {
  return fhirpath.evaluate(structuredClone(value), { base: focusType, expression }, {}, R4_MODEL, {
    userInvocationTable: { ...invocationTable(bundleResolver(value)), ...extra },
  } as never) as unknown[];
}

/**
 * Evaluate an expression on the node(s) `at` selects inside `resource` (which is also %resource
 * and %rootResource), with `resolve()` working inside the resource (a Bundle's entries).
 */
export function evaluateAt(resource: unknown, at: string, expression: string, extra: Record<string, unknown> = {}): unknown[] {
  const data = structuredClone(resource);
  return fhirpath.evaluate(data, `(${at}).select(${expression})`, { resource: data, rootResource: data }, R4_MODEL, {
    userInvocationTable: { ...invocationTable(bundleResolver(data)), ...extra },
  } as never) as unknown[];
}
