/**
 * Codes against their code systems, once per document after the walk: every coded value (a Coding,
 * or a Quantity with a code: an object with a string `system` and `code`) anywhere in the document.
 *
 * - A code system we do not hold (SKS, ICPC-2, LOINC, SNOMED CT or NPU beyond the codes our value
 *   sets list …): its codes cannot be checked. Said once per code system per file
 *   (`terminology/not-checked`, information), at its first code, with how many there are — never
 *   silence. A code a value set decided to be in it (a binding, a slice discriminator, memberOf())
 *   is vouched for by that value set, and a code a CodeSystem resource we hold lists (MedCom's NPU
 *   repertoire, a fragment of SNOMED CT) is a known code: neither is counted. Run after the walk
 *   and before the business rules, so that official findings never depend on those.
 * - A code system the run was given (`--terminology`): a code it does not define is
 *   `terminology/unknown-code` (an error, as the HL7 validator reports a code not in a complete
 *   CodeSystem).
 *
 * `bindings/not-checked` is another question: whether a code is in the value set of a binding,
 * which stays open when that value set cannot be expanded here (it is reported per element).
 */
import { ROOT_PATH } from '../../load/source.js';
import { child, type IssueSink, type Json, type Where } from '../../context.js';
import type { CodeCheck, TerminologyService } from '../../terminology/types.js';
import { isObject } from '../../../util/json.js';

export interface CodingsInput {
  /** The parsed document. */
  root: unknown;
  sink: IssueSink;
  terminology: TerminologyService;
  /** Did a value set decide, while this document was validated, that `system#code` is in it? */
  foundInValueSet: (system: string, code: string) => boolean;
}

interface Unchecked {
  count: number;
  first: Where;
  code: string;
  reason: string;
}

/** Where the visit is: the steps from the root, made into a Where only for the codings reported. */
interface Step {
  up: Step | undefined;
  key: string;
  index: number | undefined;
}

/** Check every coded value of the document against its code system (see the module comment). */
export function checkCodings(input: CodingsInput): void {
  const { root, sink, terminology } = input;
  if (!isObject(root)) return;
  const unchecked = new Map<string, Unchecked>();
  const results = new Map<string, CodeCheck>();
  const rt = root['resourceType'];
  const start: Where = { jsonPath: ROOT_PATH, fhirPath: typeof rt === 'string' ? rt : '', resource: root, root };
  const coding = (system: string, code: string, at: Step | undefined): void => {
    const key = `${system}\u0000${code}`;
    let r = results.get(key);
    if (!r) {
      r = terminology.checkCodeSystem(system, code);
      results.set(key, r);
    }
    if (r.result === 'not-in' && terminology.isLoaded(system)) {
      sink.report('terminology/unknown-code', whereOf(start, at), { code, system });
      return;
    }
    if (r.result !== 'unknown' || input.foundInValueSet(system, code)) return;
    const u = unchecked.get(system);
    if (u) u.count++;
    else unchecked.set(system, { count: 1, first: whereOf(start, at), code, reason: r.reason ?? 'not decidable locally' });
  };
  visit(root, undefined, coding);
  for (const [system, u] of unchecked) {
    sink.report('terminology/not-checked', u.first, {
      system,
      count: u.count,
      code: u.code,
      reason: u.reason,
    });
  }
}

/**
 * Every object of the document, depth first in document order; `onCoding` for those with a string
 * system and code. Linear in the document; no path text is made on the way.
 */
function visit(value: Json, at: Step | undefined, onCoding: (system: string, code: string, at: Step | undefined) => void): void {
  const system = value['system'];
  const code = value['code'];
  if (typeof system === 'string' && system !== '' && typeof code === 'string' && code !== '') onCoding(system, code, at);
  for (const key in value) {
    const v = value[key];
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (isObject(item)) visit(item, { up: at, key, index: i }, onCoding);
      }
    } else visit(v as Json, { up: at, key, index: undefined }, onCoding);
  }
}

/** The Where of a step: the walk's FHIRPath and JSON path, from the root down. */
function whereOf(start: Where, at: Step | undefined): Where {
  const steps: Step[] = [];
  for (let s = at; s; s = s.up) steps.push(s);
  let where = start;
  for (let k = steps.length - 1; k >= 0; k--) where = child(where, steps[k]!.key, steps[k]!.index);
  return where;
}
