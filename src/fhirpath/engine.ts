import { fhirpathJs } from './library.js';
import { compileRegex, regexFunctions } from './regex.js';
import { holderOf } from './runner.js';
import { DocumentScopes } from '../fhir/references.js';

export { compileRegex, regexFunctions, translateRegex } from './regex.js';

type Json = Record<string, unknown>;

function plain(item: unknown): unknown {
  return item && typeof item === 'object' && 'data' in (item as Json) ? (item as Json)['data'] : item;
}

/**
 * The functions invariant examples need beyond fhirpath.js: resolve() inside the document (a
 * Bundle's entries, contained resources; src/fhir/references.ts decides), and
 * matches()/replaceMatches() with Java regex idioms translated (as the validator's runner does),
 * so that a published `(?i)` invariant is evaluated by the build the way it is in validation.
 */
function invocationTable(scopes: DocumentScopes): Record<string, unknown> {
  return {
    ...regexFunctions(compileRegex, plain),
    resolve: {
      // the items as fhirpath.js holds them, so that a `reference` string still knows its Reference
      internalStructures: true,
      fn(inputs: unknown[]): Json[] {
        const out: Json[] = [];
        for (const item of inputs) {
          const data = item && typeof item === 'object' && 'data' in (item as Json) ? (item as Json)['data'] : item;
          const ref = typeof data === 'string' ? data : (data as Json | undefined)?.['reference'];
          if (typeof ref !== 'string') continue;
          const hit = scopes.resolve(ref, holderOf(item));
          if (hit) out.push(hit);
        }
        return out;
      },
    },
  };
}

/** Evaluate an expression with a typed focus value (`focusType` like `Identifier.value` or `Patient`). */
export function evaluateFocus(value: unknown, focusType: string, expression: string, extra: Record<string, unknown> = {}): unknown[] {
  const { fhirpath, r4 } = fhirpathJs();
  const data = structuredClone(value);
  return fhirpath.evaluate(data, { base: focusType, expression }, {}, r4, {
    userInvocationTable: { ...invocationTable(new DocumentScopes(data)), ...extra },
  } as never) as unknown[];
}

/**
 * Evaluate an expression on the node(s) `at` selects inside `resource` (which is also %resource
 * and %rootResource), with `resolve()` working inside the resource (a Bundle's entries).
 */
export function evaluateAt(resource: unknown, at: string, expression: string, extra: Record<string, unknown> = {}): unknown[] {
  const data = structuredClone(resource);
  const { fhirpath, r4 } = fhirpathJs();
  return fhirpath.evaluate(data, `(${at}).select(${expression})`, { resource: data, rootResource: data }, r4, {
    userInvocationTable: { ...invocationTable(new DocumentScopes(data)), ...extra },
  } as never) as unknown[];
}
