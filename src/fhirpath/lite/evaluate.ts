/**
 * The lite FHIRPath evaluator: the subset {@link parseLite} accepts, evaluated directly on the
 * JSON with the base R4 model for choice types and type tests. It exists so that validating a
 * bundle does not need to load fhirpath.js at all (see library.ts), and it is several times
 * faster on the expressions it knows.
 *
 * It promises the same result as fhirpath.js 5.2.0 (with the validator's user functions) or no
 * result: wherever fhirpath.js semantics get subtle — primitive extensions (`_name`), nulls,
 * numbers from the data, dates, object equality, a singleton operator on several items (an
 * error in fhirpath.js), abstract types — it gives up by throwing {@link CannotDecide}, and the
 * runner evaluates the expression with fhirpath.js. test/fhirpath/lite.test.ts holds it to
 * fhirpath.js on unit cases; the corpus tests cross-check every evaluation on every example.
 */
import { memberOfValue } from '../member-of.js';
import type { Ast } from './parse.js';
import { isObject } from '../../util/json.js';
import { capitalize } from '../../util/text.js';

type Json = Record<string, unknown>;

/** What the lite evaluator needs to know of FHIR R4 types (FhirModel provides it). */
export interface LiteModel {
  /** Elements of a type keyed by their path below it (`name`, `contact.name`, `value[x]`). */
  elements(type: string): Map<string, { types: string[]; choice: boolean; contentReference?: string | undefined }>;
  /** The StructureDefinition of a type (for its `baseDefinition`). */
  structure(type: string): { baseDefinition?: string | undefined } | undefined;
}

/** What functions need from around the evaluation (the same host fhirpath.js gets). */
export interface LiteHost {
  /** `at`: the object the reference was read from (the Reference element), when known. */
  resolve(reference: string, vars: LiteVars, at: object | undefined): Json | undefined;
  memberOf?(valueSet: string, system: string | undefined, code: string): 'in' | 'not-in' | 'unknown';
  conformsTo?(resource: Json, profile: string, vars: LiteVars): boolean | undefined;
  regex(source: string): RegExp;
}

export interface LiteVars {
  resource: unknown;
  rootResource: unknown;
  [key: string]: unknown;
}

/** This evaluation is outside what the lite evaluator decides exactly like fhirpath.js. */
export class CannotDecide extends Error {}
const CANNOT = new CannotDecide('lite FHIRPath cannot decide');

/**
 * A value from the data, with where it sits in the model: `owner` + `rel` locate its element
 * definition (`Organization` + `contact` for a backbone element; `Quantity` + '' for a
 * datatype; none for a primitive). `fromFunction` marks resources handed back by resolve(),
 * which fhirpath.js does not type.
 */
class Node {
  /** For a primitive value: the object it was read from (the Reference of a `reference`). */
  holder: Json | undefined;

  constructor(
    readonly data: unknown,
    readonly type: string | undefined,
    readonly owner: string | undefined,
    readonly rel: string,
    readonly fromFunction = false,
  ) {}
}

type Item = Node | string | number | boolean;
type Coll = Item[];

const STRINGISH = new Set(['string', 'code', 'id', 'uri', 'url', 'canonical', 'oid', 'uuid', 'markdown', 'base64Binary']);
const TEMPORAL = new Set(['date', 'dateTime', 'instant', 'time']);
const SYSTEM_TYPES = new Set(['Boolean', 'String', 'Integer', 'Long', 'Decimal', 'Date', 'DateTime', 'Time']);
const ABSTRACT = new Set(['Resource', 'DomainResource', 'Element', 'BackboneElement']);

function valData(item: Item): unknown {
  return item instanceof Node ? item.data : item;
}

interface Ctx {
  /** `$this`: the focus at the top, the item inside where()/select()/all()/exists(). */
  readonly self: Coll;
  readonly vars: LiteVars;
}

export class LiteEvaluator {
  constructor(
    private readonly model: LiteModel,
    private readonly host: LiteHost,
  ) {}

  /**
   * Evaluate `ast` on `focus` (a value of FHIR type `base`: `Patient`, `Organization.contact`,
   * `string` …); the result as plain values, like fhirpath.js with resolveInternalTypes.
   * Throws CannotDecide when fhirpath.js must answer.
   */
  evaluate(ast: Ast, focus: unknown, base: string, vars: LiteVars): unknown[] {
    const dot = base.indexOf('.');
    let root: Node;
    if (dot < 0) root = this.typed(focus, base);
    else {
      // A backbone element, possibly one defined elsewhere (`TestScript.test.action.assert`).
      const owner = base.slice(0, dot);
      let rel = base.slice(dot + 1);
      const ref = this.model.elements(owner).get(rel)?.contentReference;
      if (ref !== undefined) {
        if (!ref.startsWith(`${owner}.`)) throw CANNOT;
        rel = ref.slice(owner.length + 1);
      }
      root = new Node(focus, 'BackboneElement', owner, rel);
    }
    const self = [root];
    return this.eval(ast, self, { self, vars }).map(valData);
  }

  /** A value of a known type (resources by their resourceType, as fhirpath.js does). */
  private typed(data: unknown, type: string): Node {
    if (isObject(data) && typeof data['resourceType'] === 'string') return new Node(data, data['resourceType'], data['resourceType'], '');
    if (/^[a-z]/.test(type)) return new Node(data, type, undefined, '');
    return new Node(data, type, type, '');
  }

  private eval(ast: Ast, input: Coll, ctx: Ctx): Coll {
    switch (ast.k) {
      case 'this':
        return ctx.self;
      case 'lit':
        return [ast.value];
      case 'env': {
        const v = ctx.vars[ast.name];
        if (!isObject(v) || typeof v['resourceType'] !== 'string') throw CANNOT;
        return [this.typed(v, v['resourceType'])];
      }
      case 'member': {
        const from = ast.from ? this.eval(ast.from, input, ctx) : input;
        const out: Coll = [];
        for (const item of from) this.children(item, ast.name, out);
        return out;
      }
      case 'index': {
        const from = this.eval(ast.from, input, ctx);
        const hit = from[ast.index];
        return hit === undefined ? [] : [hit];
      }
      case 'ofType': {
        const from = ast.from ? this.eval(ast.from, input, ctx) : input;
        return from.filter((item) => this.isOfType(item, ast.type));
      }
      case 'call':
        return this.call(ast, ast.from ? this.eval(ast.from, input, ctx) : input, ctx);
      case 'op':
        return this.operator(ast.op, this.eval(ast.left, input, ctx), this.eval(ast.right, input, ctx));
    }
  }

  /** fhirpath.js's makeChildResNodes, for the shapes it handles without subtleties. */
  private children(item: Item, name: string, out: Coll): void {
    if (!(item instanceof Node)) {
      if (typeof item === 'string' && name in Object(item)) throw CANNOT;
      return;
    }
    const d = item.data;
    if (!isObject(d)) {
      if (d !== null && d !== undefined && name in Object(d)) throw CANNOT;
      return;
    }
    if (item.owner === undefined) throw CANNOT;
    const els = this.model.elements(item.owner);
    const key = item.rel ? `${item.rel}.${name}` : name;
    const info = els.get(key);
    if (info && !info.choice) {
      this.push(d, name, info.contentReference !== undefined ? { backbone: info.contentReference } : info.types, item.owner, key, out);
      return;
    }
    const choice = els.get(`${key}[x]`);
    if (choice?.choice) {
      let found: string | undefined;
      for (const t of choice.types) {
        const field = name + capitalize(t);
        if (d[field] === undefined && d[`_${field}`] === undefined) continue;
        if (found !== undefined) throw CANNOT; // fhirpath.js takes the first in its model's order
        found = t;
      }
      if (found !== undefined) this.push(d, name + capitalize(found), [found], item.owner, key, out);
      return;
    }
    if (d[name] !== undefined || d[`_${name}`] !== undefined) throw CANNOT; // not in the model
  }

  private push(d: Json, field: string, types: string[] | { backbone: string }, owner: string, key: string, out: Coll): void {
    const raw = d[field];
    if (d[`_${field}`] !== undefined) throw CANNOT;
    if (raw === undefined || raw === null) return;
    const values = Array.isArray(raw) ? raw : [raw];
    let make: (v: unknown) => Node;
    if (!Array.isArray(types)) {
      const ref = types.backbone;
      const dot = ref.indexOf('.');
      if (dot < 0) throw CANNOT;
      make = (v) => new Node(v, 'BackboneElement', ref.slice(0, dot), ref.slice(dot + 1));
    } else {
      if (types.length !== 1) throw CANNOT;
      const t = types[0]!;
      if (t === 'BackboneElement' || t === 'Element') make = (v) => new Node(v, 'BackboneElement', owner, key);
      else if (t === 'Resource' || t === 'DomainResource') {
        make = (v) => {
          if (!isObject(v) || typeof v['resourceType'] !== 'string') throw CANNOT;
          return this.typed(v, v['resourceType']);
        };
      } else make = (v) => this.typed(v, t);
    }
    for (const v of values) {
      if (v === null || v === undefined) throw CANNOT;
      const node = make(v);
      if (!isObject(v)) node.holder = d;
      out.push(node);
    }
  }

  private isOfType(item: Item, type: string): boolean {
    if (ABSTRACT.has(type) || !(item instanceof Node) || item.fromFunction || item.type === undefined) throw CANNOT;
    if (item.type === type) return true;
    if (/^[a-z]/.test(type)) throw CANNOT; // FHIR primitives convert along their own hierarchy (code → string)
    // `type` names a System type too (String, Integer …): fhirpath.js may convert FHIR primitives.
    if (SYSTEM_TYPES.has(type) || !this.model.structure(type)) throw CANNOT;
    // A primitive or a backbone element is never a complex type or a resource.
    if (item.type === 'BackboneElement' || /^[a-z]/.test(item.type)) return false;
    // A datatype or resource: convertible when `type` is among its ancestors.
    let sd = this.model.structure(item.type);
    for (let depth = 0; sd && depth < 10; depth++) {
      const parent = sd.baseDefinition?.replace(/^http:\/\/hl7\.org\/fhir\/StructureDefinition\//, '');
      if (parent === undefined) return false;
      if (parent === type) return true;
      if (parent.includes('/')) throw CANNOT;
      sd = this.model.structure(parent);
    }
    throw CANNOT;
  }

  private call(ast: Extract<Ast, { k: 'call' }>, input: Coll, ctx: Ctx): Coll {
    switch (ast.name) {
      case 'exists':
        return [(ast.args.length ? this.where(input, ast.args[0]!, ctx) : input).length > 0];
      case 'empty':
        return [input.length === 0];
      case 'count':
        return [input.length];
      case 'first':
        return input.slice(0, 1);
      case 'not': {
        const b = this.booleanParam(input);
        return typeof b === 'boolean' ? [!b] : [];
      }
      case 'where':
        return this.where(input, ast.args[0]!, ctx);
      case 'select': {
        const out: Coll = [];
        for (const item of input) out.push(...this.eval(ast.args[0]!, [item], { self: [item], vars: ctx.vars }));
        return out;
      }
      case 'all': {
        for (const item of input) {
          const r = this.eval(ast.args[0]!, [item], { self: [item], vars: ctx.vars });
          if (!(r.length === 1 && valData(r[0]!) === true)) return [false];
        }
        return [true];
      }
      case 'matches': {
        const regex = this.stringParam(ast.args[0]!, ctx);
        if (input.length !== 1 || regex === undefined) return [];
        const s = valData(input[0]!);
        return typeof s === 'string' ? [this.host.regex(regex).test(s)] : [];
      }
      case 'toString': {
        if (input.length === 0) return [];
        if (input.length > 1) throw CANNOT;
        return [this.toText(input[0]!)];
      }
      case 'intersect':
        return this.intersect(input, this.eval(ast.args[0]!, ctx.self, ctx));
      case 'extension': {
        const url = this.stringParam(ast.args[0]!, ctx);
        if (url === undefined) return [];
        const out: Coll = [];
        for (const item of input) {
          if (!(item instanceof Node)) throw CANNOT;
          const exts = isObject(item.data) ? item.data['extension'] : undefined;
          if (!Array.isArray(exts)) continue;
          for (const e of exts) {
            if (!isObject(e)) throw CANNOT;
            if (e['url'] === url) out.push(new Node(e, 'Extension', 'Extension', ''));
          }
        }
        return out;
      }
      case 'resolve': {
        const out: Coll = [];
        for (const item of input) {
          const d = valData(item);
          const ref = typeof d === 'string' ? d : isObject(d) ? d['reference'] : undefined;
          if (typeof ref !== 'string') continue;
          const hit = this.host.resolve(ref, ctx.vars, isObject(d) ? d : item instanceof Node ? item.holder : undefined);
          if (hit) {
            if (typeof hit['resourceType'] !== 'string') throw CANNOT;
            out.push(new Node(hit, hit['resourceType'], hit['resourceType'], '', true));
          }
        }
        return out;
      }
      case 'memberOf': {
        const vs = this.stringParam(ast.args[0]!, ctx);
        if (!this.host.memberOf || vs === undefined || input.length !== 1) return [];
        return memberOfValue(valData(input[0]!), vs, this.host.memberOf.bind(this.host));
      }
      case 'conformsTo': {
        const profile = this.stringParam(ast.args[0]!, ctx);
        if (!this.host.conformsTo || profile === undefined || input.length !== 1) return [];
        const d = valData(input[0]!);
        if (!isObject(d)) return [];
        const r = this.host.conformsTo(d, profile, ctx.vars);
        return r === undefined ? [] : [r];
      }
      default:
        throw CANNOT;
    }
  }

  /** fhirpath.js's where(): keeps an item when the criteria's first result is truthy (a node always is). */
  private where(input: Coll, criteria: Ast, ctx: Ctx): Coll {
    const out: Coll = [];
    for (const item of input) {
      const r = this.eval(criteria, [item], { self: [item], vars: ctx.vars });
      const first = r[0];
      if (first instanceof Node || (first !== undefined && first)) out.push(item);
    }
    return out;
  }

  /** A `String` parameter: a singleton string (fhirpath.js's singleton evaluation), else no result. */
  private stringParam(arg: Ast, ctx: Ctx): string | undefined {
    const r = this.eval(arg, ctx.self, ctx);
    if (r.length === 0) return undefined;
    if (r.length > 1) throw CANNOT;
    const v = valData(r[0]!);
    if (typeof v !== 'string') throw CANNOT;
    return v;
  }

  /** A `Boolean` parameter (singleton evaluation): empty → undefined, a non-boolean → true. */
  private booleanParam(coll: Coll): boolean | undefined {
    if (coll.length === 0) return undefined;
    if (coll.length > 1) throw CANNOT;
    const v = valData(coll[0]!);
    if (v === null || v === undefined) return undefined;
    return typeof v === 'boolean' ? v : true;
  }

  private toText(item: Item): string {
    if (!(item instanceof Node)) {
      if (typeof item === 'string') return item;
      if (typeof item === 'boolean') return String(item);
      if (Number.isInteger(item)) return String(item);
      throw CANNOT;
    }
    if (typeof item.data === 'string' && item.type !== undefined && (STRINGISH.has(item.type) || TEMPORAL.has(item.type))) return item.data;
    throw CANNOT;
  }

  /** A comparable primitive of an operand, or CANNOT for dates, numbers from data and objects. */
  private primitive(item: Item): string | number | boolean | Json {
    if (!(item instanceof Node)) return item;
    const d = item.data;
    if (isObject(d)) return d;
    if (typeof d === 'string' && item.type !== undefined && STRINGISH.has(item.type)) return d;
    if (typeof d === 'boolean' && item.type === 'boolean') return d;
    throw CANNOT;
  }

  private operator(op: Extract<Ast, { k: 'op' }>['op'], left: Coll, right: Coll): Coll {
    switch (op) {
      case 'and':
      case 'or':
      case 'xor':
      case 'implies': {
        const r = logic(op, this.booleanParam(left), this.booleanParam(right));
        return r === undefined ? [] : [r];
      }
      default:
        break;
    }
    if (left.length === 0 || right.length === 0) return [];
    if (left.length > 1 || right.length > 1) throw CANNOT;
    const a = this.primitive(left[0]!);
    const b = this.primitive(right[0]!);
    if (op === '=' || op === '!=') {
      let eq: boolean;
      if (isObject(a) && isObject(b)) throw CANNOT;
      if (isObject(a) || isObject(b)) eq = false;
      else if (typeof a !== typeof b) throw CANNOT;
      else eq = a === b;
      return [op === '=' ? eq : !eq];
    }
    if (typeof a === 'number' && typeof b === 'number') {
      if (!Number.isInteger(a) || !Number.isInteger(b)) throw CANNOT;
      switch (op) {
        case '+':
          return checkedInteger(a + b);
        case '-':
          return checkedInteger(a - b);
        case '>':
          return [a > b];
        case '<':
          return [a < b];
        case '>=':
          return [a >= b];
        case '<=':
          return [a <= b];
      }
    }
    throw CANNOT;
  }

  private intersect(a: Coll, b: Coll): Coll {
    if (a.length === 0 || b.length === 0) return [];
    if (a.length + b.length > 6) throw CANNOT; // fhirpath.js compares hashes from 7 items on
    const objects = (c: Coll) =>
      c.map((i) => {
        if (!(i instanceof Node) || !isObject(i.data)) throw CANNOT;
        return i.data;
      });
    const left = objects(a);
    const right = objects(b);
    const out: Coll = [];
    const kept: Json[] = [];
    left.forEach((x, i) => {
      if (kept.some((k) => sameJson(k, x))) return;
      kept.push(x);
      if (right.some((y) => sameJson(x, y))) out.push(a[i]!);
    });
    return out;
  }
}

function checkedInteger(n: number): Coll {
  if (!Number.isSafeInteger(n)) throw CANNOT;
  return [n];
}

/** fhirpath.js's and/or/xor/implies on singleton-evaluated booleans (undefined = empty). */
function logic(op: 'and' | 'or' | 'xor' | 'implies', a: boolean | undefined, b: boolean | undefined): boolean | undefined {
  switch (op) {
    case 'and':
      if (a === false || b === false) return false;
      return a === true && b === true ? true : undefined;
    case 'or':
      if (a === true || b === true) return true;
      return a === false && b === false ? false : undefined;
    case 'xor':
      return a === undefined || b === undefined ? undefined : a !== b;
    case 'implies':
      if (a === false) return true;
      if (a === true) return b;
      return b === true ? true : undefined;
  }
}

/** Deep equality of JSON made of strings, booleans, objects and arrays (numbers: CANNOT). */
function sameJson(x: unknown, y: unknown): boolean {
  if (typeof x === 'number' || typeof y === 'number') throw CANNOT;
  if (x === y) return true;
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    return x.every((v, i) => sameJson(v, y[i]));
  }
  if (!isObject(x) || !isObject(y)) return false;
  const kx = Object.keys(x);
  const ky = Object.keys(y);
  if (kx.length !== ky.length) return false;
  return kx.every((k) => Object.prototype.hasOwnProperty.call(y, k) && sameJson(x[k], y[k]));
}
