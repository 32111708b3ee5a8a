/**
 * Native evaluation of the invariants nearly every MedCom instance meets: the base R4 ones of
 * every resource, Bundle, entry and narrative (dom-*, bdl-*, ref-1, per-1, txt-1/2), and the
 * dk-core check digits of GLN and CVR identifiers (whose nested arithmetic alone takes fhirpath.js
 * tens of milliseconds to parse). fhirpath.js spends most of a validation on these; the natives
 * answer the common shapes directly and give up (`undefined`) on anything else, which the
 * FHIRPath engine then evaluates. A native applies only when the constraint's expression is
 * exactly the text it was written for: a profile that changes the expression gets the engine.
 *
 * Semantics follow the validator's reading of a FHIRPath result: `fail` is the result `false`,
 * `pass` anything else (`true`, or an empty result). test/validator/invariants/native.test.ts
 * checks every native against fhirpath.js on passing, failing and give-up inputs.
 */
import { htmlChecks } from '../../../fhirpath/xhtml.js';
import { isObject } from '../../../util/json.js';

type Json = Record<string, unknown>;

export type NativeResult = 'pass' | 'fail' | undefined;

export interface NativeInvariant {
  key: string;
  /** The R4 expression this native stands in for, verbatim. */
  expression: string;
  /** `focus` is the element the constraint is on; `resource` is %resource. */
  check(focus: unknown, resource: unknown): NativeResult;
}

/**
 * Is the element `name` present (FHIRPath `name.exists()`): a value, or only its `_name` twin.
 * `undefined` for shapes the engine should judge (null, empty arrays, arrays with nulls).
 */
function present(obj: Json, name: string): boolean | undefined {
  const v = obj[name];
  const twin = obj[`_${name}`];
  if (v === null || twin === null) return undefined;
  if (Array.isArray(v)) return v.length === 0 || v.includes(null) ? undefined : true;
  if (Array.isArray(twin)) return undefined;
  return v !== undefined || twin !== undefined;
}

/**
 * The plain string value of a primitive: `null` when the element is absent, `undefined` when it
 * is there in a shape the engine should judge (not a string, or with a `_name` twin).
 */
function stringValue(obj: Json, name: string): string | null | undefined {
  if (obj[`_${name}`] !== undefined) return undefined;
  const v = obj[name];
  if (v === undefined) return null;
  return typeof v === 'string' ? v : undefined;
}

/** The entries of a Bundle as objects; `undefined` for shapes the engine should judge. */
function entries(bundle: Json): Json[] | undefined {
  const e = bundle['entry'];
  if (e === undefined) return [];
  if (!Array.isArray(e) || e.length === 0 || !e.every(isObject)) return undefined;
  return e;
}

/** `contained` absent: the contained-resource invariants hold trivially. */
function noContained(focus: unknown): NativeResult {
  if (!isObject(focus)) return undefined;
  return present(focus, 'contained') === false ? 'pass' : undefined;
}

/** Every string value at any depth of `v` (references, canonicals, uris …), into `into`. */
function strings(v: unknown, into: Set<string>, depth = 0): void {
  if (depth > 256) return;
  if (typeof v === 'string') {
    into.add(v);
    // a narrative's links and images to a contained resource count as references (as the HL7 validator has it)
    if (v.startsWith('<div')) for (const m of v.matchAll(/\b(?:href|src)\s*=\s*["'](#[^"']*)["']/g)) into.add(m[1]!);
  } else if (Array.isArray(v)) for (const x of v) strings(x, into, depth + 1);
  else if (isObject(v)) for (const x of Object.values(v)) strings(x, into, depth + 1);
}

/**
 * dom-3: every contained resource is referenced from the resource (a `#id` reference, canonical or uri anywhere in
 * it, contained resources included, or a link or image in a narrative) or refers to its container itself (`#`).
 * R4's expression applies `as(canonical)` to a collection, which fhirpath.js refuses ("Expected singleton on left
 * side of 'as'") and the HL7 validator reads as a filter: decided here as the latter. Without type information
 * every string value counts as a possible canonical/uri (a plain string that is exactly `#id` is as good as never
 * seen).
 */
function containedReferenced(focus: unknown, resource: unknown): NativeResult {
  if (!isObject(focus)) return undefined;
  const has = present(focus, 'contained');
  if (has === false) return 'pass';
  const contained = focus['contained'];
  if (!Array.isArray(contained) || (resource !== undefined && resource !== focus)) return undefined;
  const everywhere = new Set<string>();
  strings(focus, everywhere);
  for (const c of contained) {
    if (!isObject(c)) return undefined;
    const id = c['id'];
    if (typeof id !== 'string') continue; // no id: nothing the expression can match (dom-3 is about ids)
    if (everywhere.has(`#${id}`)) continue;
    const own = new Set<string>();
    strings(c, own);
    if (own.has('#')) continue;
    return 'fail';
  }
  return 'pass';
}

/** bdl-3 / bdl-4: `entry.all(<name>.exists() = (%resource.type in types))`. */
function entriesHave(name: string, types: readonly string[]) {
  return (focus: unknown, resource: unknown): NativeResult => {
    if (!isObject(focus) || focus !== resource) return undefined;
    const type = stringValue(focus, 'type');
    if (typeof type !== 'string') return undefined;
    const list = entries(focus);
    if (!list) return undefined;
    const expected = types.includes(type);
    for (const e of list) {
      const has = present(e, name);
      if (has === undefined) return undefined;
      if (has !== expected) return 'fail';
    }
    return 'pass';
  };
}

/** bdl-9..12: `type = '<type>' implies <then>`; an absent type makes the result empty. */
function whenType(type: string, then: (bundle: Json) => NativeResult) {
  return (focus: unknown): NativeResult => {
    if (!isObject(focus)) return undefined;
    const t = stringValue(focus, 'type');
    if (t === undefined) return undefined;
    if (t === null || t !== type) return 'pass';
    return then(focus);
  };
}

/** bdl-11 / bdl-12: `entry.first().resource.is(<resourceType>)`. */
function firstEntryIs(resourceType: string) {
  return (bundle: Json): NativeResult => {
    const list = entries(bundle);
    if (!list) return undefined;
    const first = list[0];
    if (!first) return 'pass';
    const r = first['resource'];
    if (r === undefined) return 'pass';
    if (!isObject(r) || typeof r['resourceType'] !== 'string') return undefined;
    return r['resourceType'] === resourceType ? 'pass' : 'fail';
  };
}

/**
 * A weighted check-digit sum over the first `weights.length` digits of `value`: FHIRPath's
 * `substring(i,1).toInteger()` is empty for a missing or non-digit character, which makes the
 * whole expression empty (a pass). Undefined when that happens, else the digits.
 */
function digits(value: unknown, count: number): number[] | undefined {
  if (typeof value !== 'string' || value.length < count) return undefined;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
    out.push(c - 0x30);
  }
  return out;
}

/** txt-1 and txt-2 (the same expression in R4): the div in the narrative subset of XHTML. */
function narrative(focus: unknown): NativeResult {
  return typeof focus === 'string' ? (htmlChecks(focus).ok ? 'pass' : 'fail') : undefined;
}

const NATIVES: readonly NativeInvariant[] = [
  {
    key: 'dom-2',
    expression: 'contained.contained.empty()',
    check(focus) {
      if (!isObject(focus)) return undefined;
      const has = present(focus, 'contained');
      if (has !== true) return has === false ? 'pass' : undefined;
      const contained = focus['contained'];
      if (!Array.isArray(contained) || !contained.every(isObject)) return undefined;
      let nested = false;
      for (const c of contained) {
        const p = present(c, 'contained');
        if (p === undefined) return undefined;
        nested ||= p;
      }
      return nested ? 'fail' : 'pass';
    },
  },
  {
    key: 'dom-3',
    expression:
      "contained.where((('#'+id in (%resource.descendants().reference | %resource.descendants().as(canonical) | %resource.descendants().as(uri) | %resource.descendants().as(url))) or descendants().where(reference = '#').exists() or descendants().where(as(canonical) = '#').exists() or descendants().where(as(canonical) = '#').exists()).not()).trace('unmatched', id).empty()",
    check: containedReferenced,
  },
  {
    key: 'dom-4',
    expression: 'contained.meta.versionId.empty() and contained.meta.lastUpdated.empty()',
    check: noContained,
  },
  {
    key: 'dom-5',
    expression: 'contained.meta.security.empty()',
    check: noContained,
  },
  {
    key: 'dom-6',
    expression: 'text.`div`.exists()',
    check(focus) {
      if (!isObject(focus)) return undefined;
      const has = present(focus, 'text');
      if (has !== true) return has === false ? 'fail' : undefined;
      const text = focus['text'];
      if (!isObject(text)) return undefined;
      const div = present(text, 'div');
      return div === undefined ? undefined : div ? 'pass' : 'fail';
    },
  },
  {
    key: 'bdl-1',
    expression: "total.empty() or (type = 'searchset') or (type = 'history')",
    check(focus) {
      if (!isObject(focus)) return undefined;
      const total = present(focus, 'total');
      if (total === undefined) return undefined;
      if (!total) return 'pass';
      const type = stringValue(focus, 'type');
      if (type === undefined) return undefined;
      return type === null || type === 'searchset' || type === 'history' ? 'pass' : 'fail';
    },
  },
  {
    key: 'bdl-2',
    expression: "entry.search.empty() or (type = 'searchset')",
    check(focus) {
      if (!isObject(focus)) return undefined;
      const list = entries(focus);
      if (!list) return undefined;
      let search = false;
      for (const e of list) {
        const p = present(e, 'search');
        if (p === undefined) return undefined;
        search ||= p;
      }
      if (!search) return 'pass';
      const type = stringValue(focus, 'type');
      if (type === undefined) return undefined;
      return type === null || type === 'searchset' ? 'pass' : 'fail';
    },
  },
  {
    key: 'bdl-3',
    expression: "entry.all(request.exists() = (%resource.type = 'batch' or %resource.type = 'transaction' or %resource.type = 'history'))",
    check: entriesHave('request', ['batch', 'transaction', 'history']),
  },
  {
    key: 'bdl-4',
    expression:
      "entry.all(response.exists() = (%resource.type = 'batch-response' or %resource.type = 'transaction-response' or %resource.type = 'history'))",
    check: entriesHave('response', ['batch-response', 'transaction-response', 'history']),
  },
  {
    key: 'bdl-5',
    expression: 'resource.exists() or request.exists() or response.exists()',
    check(focus) {
      if (!isObject(focus)) return undefined;
      let any = false;
      for (const name of ['resource', 'request', 'response']) {
        const p = present(focus, name);
        if (p === undefined) return undefined;
        any ||= p;
      }
      return any ? 'pass' : 'fail';
    },
  },
  {
    key: 'bdl-8',
    expression: "fullUrl.contains('/_history/').not()",
    check(focus) {
      if (!isObject(focus)) return undefined;
      const url = stringValue(focus, 'fullUrl');
      if (url === undefined) return undefined;
      return url !== null && url.includes('/_history/') ? 'fail' : 'pass';
    },
  },
  {
    key: 'bdl-9',
    expression: "type = 'document' implies (identifier.system.exists() and identifier.value.exists())",
    check: whenType('document', (bundle) => {
      const has = present(bundle, 'identifier');
      if (has === undefined) return undefined;
      if (!has) return 'fail';
      const id = bundle['identifier'];
      if (!isObject(id)) return undefined;
      const system = present(id, 'system');
      const value = present(id, 'value');
      if (system === undefined || value === undefined) return undefined;
      return system && value ? 'pass' : 'fail';
    }),
  },
  {
    key: 'bdl-10',
    expression: "type = 'document' implies (timestamp.hasValue())",
    check: whenType('document', (bundle) => {
      const ts = stringValue(bundle, 'timestamp');
      if (ts === undefined) return undefined;
      return ts === null ? 'fail' : 'pass';
    }),
  },
  {
    key: 'bdl-11',
    expression: "type = 'document' implies entry.first().resource.is(Composition)",
    check: whenType('document', firstEntryIs('Composition')),
  },
  {
    key: 'bdl-12',
    expression: "type = 'message' implies entry.first().resource.is(MessageHeader)",
    check: whenType('message', firstEntryIs('MessageHeader')),
  },
  {
    key: 'ref-1',
    expression: "reference.startsWith('#').not() or (reference.substring(1).trace('url') in %rootResource.contained.id.trace('ids'))",
    check(focus) {
      if (!isObject(focus)) return undefined;
      const ref = stringValue(focus, 'reference');
      if (ref === undefined) return undefined;
      return ref === null || !ref.startsWith('#') ? 'pass' : undefined;
    },
  },
  {
    key: 'per-1',
    expression: 'start.hasValue().not() or end.hasValue().not() or (start <= end)',
    check(focus) {
      if (!isObject(focus)) return undefined;
      const start = stringValue(focus, 'start');
      const end = stringValue(focus, 'end');
      if (start === undefined || end === undefined) return undefined;
      return start === null || end === null ? 'pass' : undefined;
    },
  },
  { key: 'txt-1', expression: 'htmlChecks()', check: narrative },
  { key: 'txt-2', expression: 'htmlChecks()', check: narrative },
  {
    key: 'gln-modulus-10',
    expression:
      '((\n(10-((substring(0,1).toInteger()*1)+\n(substring(1,1).toInteger()*3)+\n(substring(2,1).toInteger()*1)+\n(substring(3,1).toInteger()*3)+\n(substring(4,1).toInteger()*1)\n+(substring(5,1).toInteger()*3)\n+(substring(6,1).toInteger()*1)\n+(substring(7,1).toInteger()*3)\n+(substring(8,1).toInteger()*1)\n+(substring(9,1).toInteger()*3)\n+(substring(10,1).toInteger()*1)\n+(substring(11,1).toInteger()*3))mod(10))mod(10))=substring(12,1).toInteger())',
    check(focus) {
      if (typeof focus !== 'string') return undefined;
      const d = digits(focus, 13);
      if (!d) return 'pass';
      let sum = 0;
      for (let i = 0; i < 12; i++) sum += d[i]! * (i % 2 === 0 ? 1 : 3);
      return (10 - (sum % 10)) % 10 === d[12] ? 'pass' : 'fail';
    },
  },
  {
    key: 'CVR-modulus-11',
    expression:
      '((\n    (substring(0,1).toInteger()*2)+\n    (substring(1,1).toInteger()*7)+\n    (substring(2,1).toInteger()*6)+\n    (substring(3,1).toInteger()*5)+\n    (substring(4,1).toInteger()*4)+\n    (substring(5,1).toInteger()*3)+\n    (substring(6,1).toInteger()*2)+\n    (substring(7,1).toInteger()*1)) mod(11)=0)',
    check(focus) {
      if (typeof focus !== 'string') return undefined;
      const d = digits(focus, 8);
      if (!d) return 'pass';
      const weights = [2, 7, 6, 5, 4, 3, 2, 1];
      let sum = 0;
      for (let i = 0; i < 8; i++) sum += d[i]! * weights[i]!;
      return sum % 11 === 0 ? 'pass' : 'fail';
    },
  },
];

/** The natives by constraint key. */
export function nativeInvariants(): Map<string, NativeInvariant> {
  // txt-1 and txt-2 ask about the same div, once per profile its resource is walked against: answers kept
  // per narrative text (a few hundred at most; the strings are the instance's own)
  const narratives = new Map<string, NativeResult>();
  const narrativeOnce = (focus: unknown): NativeResult => {
    if (typeof focus !== 'string') return undefined;
    let result = narratives.get(focus);
    if (result === undefined) {
      result = narrative(focus);
      if (narratives.size >= 256) narratives.clear();
      narratives.set(focus, result);
    }
    return result;
  };
  return new Map(NATIVES.map((n) => [n.key, n.check === narrative ? { ...n, check: narrativeOnce } : n]));
}
