/**
 * Three-valued code sets: the membership algebra behind local ValueSet expansion.
 *
 * A value set that cannot be fully expanded locally (SNOMED CT filters, a fragment code system,
 * a missing import …) still has codes that are certainly in it and codes that are certainly not.
 * A `TriSet` holds, for one code system, the codes known to be in, the codes known to be out, the
 * codes whose membership is unknown, and what holds for every other code (`rest`): not in
 * (`rest === null`) or unknown (`rest` is the reason).
 *
 * Union, intersection and difference follow Kleene's three-valued logic, so an undecidable part
 * of a value set never turns into a false `not-in`.
 *
 * A system defined by a grammar rather than a list (UCUM) has no list of its codes, but each code
 * can be decided: such a set carries an `oracle` that decides the codes no map holds (while `rest`
 * is unknown), and combining sets keeps the oracle (the combination asks both sides code by code).
 */

/** A code in a set: the code as written by its source, and a display when one is known. */
export interface Member {
  code: string;
  display?: string;
}

export type Status =
  | { s: 'in'; m: Member }
  /** `r`: why, when an oracle says so (e.g. not a valid UCUM unit) */
  | { s: 'not-in'; r?: string }
  | { s: 'unknown'; r: string };

/** Decides a code (by key) that no map of the set holds. */
export type Oracle = (key: string) => Status;

const NOT_IN: Status = { s: 'not-in' };

export class TriSet {
  /** Codes certainly in (by key: the code, or its case-folded form for case-insensitive systems). */
  readonly in = new Map<string, Member>();
  /** Codes whose membership is unknown while `rest` is `null` (key → reason). */
  readonly maybe = new Map<string, string>();
  /** Codes certainly not in while `rest` is unknown. */
  readonly out = new Set<string>();

  /**
   * `rest`: `null` when every other code is not in; a string when every other code is unknown, for
   * that reason — unless `oracle` (only used while `rest` is a string) decides it.
   */
  constructor(
    readonly rest: string | null,
    readonly oracle?: Oracle,
  ) {}

  static empty(): TriSet {
    return new TriSet(null);
  }

  static unknown(reason: string): TriSet {
    return new TriSet(reason);
  }

  static of(members: Iterable<[string, Member]>): TriSet {
    const t = new TriSet(null);
    for (const [k, m] of members) if (!t.in.has(k)) t.in.set(k, m);
    return t;
  }

  status(key: string): Status {
    const m = this.in.get(key);
    if (m) return { s: 'in', m };
    if (this.rest === null) {
      const r = this.maybe.get(key);
      return r === undefined ? NOT_IN : { s: 'unknown', r };
    }
    if (this.out.has(key)) return NOT_IN;
    return this.oracle ? this.oracle(key) : { s: 'unknown', r: this.rest };
  }

  restStatus(): Status {
    return this.rest === null ? NOT_IN : { s: 'unknown', r: this.rest };
  }

  /** True when nothing is known to be in and nothing is undecided. */
  isEmpty(): boolean {
    return this.rest === null && this.in.size === 0 && this.maybe.size === 0;
  }

  private place(key: string, st: Status): void {
    if (st.s === 'in') this.in.set(key, st.m);
    else if (st.s === 'not-in') {
      if (this.rest !== null) this.out.add(key);
    } else if (this.rest === null) this.maybe.set(key, st.r);
  }

  private *keys(): Iterable<string> {
    yield* this.in.keys();
    yield* this.maybe.keys();
    yield* this.out;
  }

  /** Combine two sets code by code with a three-valued operator. */
  static combine(a: TriSet, b: TriSet, op: (x: Status, y: Status) => Status): TriSet {
    const rest = op(a.restStatus(), b.restStatus());
    // No operator used here maps two "rest" statuses (not-in / unknown) to `in`; be safe anyway.
    const restValue = rest.s === 'not-in' ? null : rest.s === 'unknown' ? rest.r : 'internal: unbounded set';
    // codes no map lists are decided by asking both sides, when either has an oracle
    const oracle = restValue !== null && (a.oracle || b.oracle) ? (k: string): Status => op(a.status(k), b.status(k)) : undefined;
    const result = new TriSet(restValue, oracle);
    const seen = new Set<string>();
    for (const set of [a, b]) {
      for (const k of set.keys()) {
        if (seen.has(k)) continue;
        seen.add(k);
        result.place(k, op(a.status(k), b.status(k)));
      }
    }
    return result;
  }

  static union(a: TriSet, b: TriSet): TriSet {
    if (a.isEmpty()) return b;
    if (b.isEmpty()) return a;
    return TriSet.combine(a, b, or);
  }

  static intersect(a: TriSet, b: TriSet): TriSet {
    return TriSet.combine(a, b, and);
  }

  static minus(a: TriSet, b: TriSet): TriSet {
    if (b.isEmpty()) return a;
    return TriSet.combine(a, b, andNot);
  }
}

/** Join two reasons without repeating them (and without growing without bound). */
export function joinReasons(a: string, b: string): string {
  if (a === b || a.includes(b)) return a;
  if (b.includes(a)) return b;
  if (a.length > 600) return a;
  return `${a}; ${b}`;
}

export function or(x: Status, y: Status): Status {
  if (x.s === 'in') return x;
  if (y.s === 'in') return y;
  if (x.s === 'unknown' && y.s === 'unknown') return { s: 'unknown', r: joinReasons(x.r, y.r) };
  if (x.s === 'unknown') return x;
  if (y.s === 'unknown') return y;
  return NOT_IN;
}

export function and(x: Status, y: Status): Status {
  if (x.s === 'not-in' || y.s === 'not-in') return NOT_IN;
  if (x.s === 'in' && y.s === 'in') return x.m.display !== undefined ? x : y.m.display !== undefined ? y : x;
  if (x.s === 'unknown' && y.s === 'unknown') return { s: 'unknown', r: joinReasons(x.r, y.r) };
  return x.s === 'unknown' ? x : y;
}

/** `x and not y` */
export function andNot(x: Status, y: Status): Status {
  if (x.s === 'not-in' || y.s === 'in') return NOT_IN;
  if (y.s === 'not-in') return x;
  // y unknown
  return x.s === 'unknown' ? { s: 'unknown', r: joinReasons(x.r, y.r) } : { s: 'unknown', r: `may be excluded: ${y.r}` };
}
