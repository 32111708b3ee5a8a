/**
 * Search parameters checked against the definitions they name, as the HL7 validator checks them: a
 * SearchParameter derived from another (`derivedFrom`) keeps its type and applies to resource types the
 * other applies to; a CapabilityStatement's searchParam with a `definition` has that definition's type.
 */
import { child, type IssueSink, type Json, type Where } from '../../context.js';
import { isObject } from '../../../util/json.js';

export interface SearchParameterDeps {
  /** A SearchParameter by canonical (a loaded definition or base R4), or undefined. */
  searchParameter: (canonical: string) => Json | undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The resource types a SearchParameter applies to; `Resource` and `DomainResource` stand for every (domain) resource. */
function appliesTo(base: readonly string[], type: string): boolean {
  return (
    base.includes(type) ||
    base.includes('Resource') ||
    (base.includes('DomainResource') && type !== 'Bundle' && type !== 'Binary' && type !== 'Parameters')
  );
}

export function checkSearchParameter(sp: Json, where: Where, sink: IssueSink, deps: SearchParameterDeps): void {
  const derivedFrom = str(sp['derivedFrom']);
  if (derivedFrom === undefined) return;
  const parent = deps.searchParameter(derivedFrom);
  if (!parent) return; // not available: not decided here
  const type = str(sp['type']);
  const parentType = str(parent['type']);
  if (type !== undefined && parentType !== undefined && type !== parentType) {
    sink.report('conformance/sp-derived-type', child(where, 'type'), { type, parentType, derivedFrom });
  }
  const parentBase = strings(parent['base']);
  if (parentBase.length === 0) return;
  const base = Array.isArray(sp['base']) ? (sp['base'] as unknown[]) : [];
  base.forEach((b, i) => {
    if (typeof b === 'string' && !appliesTo(parentBase, b)) {
      sink.report('conformance/sp-derived-base', child(where, 'base', i), { base: b, derivedFrom });
    }
  });
}

export function checkCapabilityStatement(cs: Json, where: Where, sink: IssueSink, deps: SearchParameterDeps): void {
  const rests = Array.isArray(cs['rest']) ? (cs['rest'] as unknown[]) : [];
  rests.forEach((rest, ri) => {
    if (!isObject(rest)) return;
    const rw = child(where, 'rest', ri);
    checkSearchParams(rest['searchParam'], rw, sink, deps);
    const resources = Array.isArray(rest['resource']) ? (rest['resource'] as unknown[]) : [];
    resources.forEach((res, i) => {
      if (isObject(res)) checkSearchParams(res['searchParam'], child(rw, 'resource', i), sink, deps);
    });
  });
}

function checkSearchParams(params: unknown, w: Where, sink: IssueSink, deps: SearchParameterDeps): void {
  if (!Array.isArray(params)) return;
  (params as unknown[]).forEach((p, i) => {
    if (!isObject(p)) return;
    const definition = str(p['definition']);
    const type = str(p['type']);
    if (definition === undefined || type === undefined) return;
    const sp = deps.searchParameter(definition);
    const defined = sp ? str(sp['type']) : undefined;
    if (defined !== undefined && defined !== type) {
      sink.report('conformance/searchparam-type', child(w, 'searchParam', i), { type, definedType: defined, definition });
    }
  });
}
