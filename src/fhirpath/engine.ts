import { fhirpathJs } from './library.js';
import { compileRegex, regexFunctions } from './regex.js';

export { compileRegex, regexFunctions, translateRegex } from './regex.js';

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
  const { fhirpath, r4 } = fhirpathJs();
  return fhirpath.evaluate(structuredClone(value), { base: focusType, expression }, {}, r4, {
    userInvocationTable: { ...invocationTable(bundleResolver(value)), ...extra },
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
    userInvocationTable: { ...invocationTable(bundleResolver(data)), ...extra },
  } as never) as unknown[];
}
