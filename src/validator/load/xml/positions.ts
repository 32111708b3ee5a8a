import { computeLineStarts, InputError, parentAt, positionAt, type PathStep, type Position } from '../source.js';

/**
 * Positions in FHIR XML: the text with its line index (built on the first position asked for),
 * the failure that points at an offset, and the index from JSON values back to where their
 * element or attribute starts.
 */

/** The text being read: offsets → line/column, and the one way to give up on it. */
export class XmlText {
  private lineStarts: number[] | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  /** Line starts of the text (computed once, on first use). */
  lines(): number[] {
    return (this.lineStarts ??= computeLineStarts(this.text));
  }

  position(offset: number): Position {
    return positionAt(this.lines(), offset);
  }

  /** Throw an `InputError` for the file, at `at` (an offset, clamped to the text) when given. */
  fail(reason: string, at?: number): never {
    throw new InputError(this.file, reason, at === undefined ? undefined : this.position(Math.min(Math.max(at, 0), this.text.length)));
  }
}

/** A position to be read from an attribute of the start tag at `at` (found on demand). */
export interface AttrRef {
  at: number;
  attr: string;
}

/**
 * Where each value of the JSON form came from: per container (object or array), key → the offset
 * of its element, or the attribute it was read from; and the literal of numbers as written.
 */
export class PositionIndex {
  private readonly positions = new WeakMap<object, Map<PathStep, number | AttrRef>>();
  private readonly numbers = new WeakMap<object, Map<PathStep, string>>();
  /**
   * Where each attribute of a start tag is: indexed once per element, on the first issue there
   * (a rescan of the tag per issue made 20,000 attributes on one element quadratic).
   */
  private readonly attrIndexes = new Map<number, Map<string, number>>();

  constructor(private readonly text: string) {}

  mark(container: object, key: PathStep, at: number | AttrRef): void {
    let m = this.positions.get(container);
    if (!m) this.positions.set(container, (m = new Map<PathStep, number | AttrRef>()));
    m.set(key, at);
  }

  markNumber(container: object, key: PathStep, literal: string | undefined): void {
    if (literal === undefined) return;
    let m = this.numbers.get(container);
    if (!m) this.numbers.set(container, (m = new Map<PathStep, string>()));
    m.set(key, literal);
  }

  /** The start of the element (or attribute) for `path` in `root`, or of the nearest located ancestor (`rootAt` at worst). */
  locate(root: unknown, rootAt: number, path: readonly PathStep[]): number {
    let cur: unknown = root;
    let offset: number | AttrRef = rootAt;
    for (let step of path) {
      if (cur === null || typeof cur !== 'object') break;
      if (Array.isArray(cur) && typeof step === 'string' && /^[0-9]+$/.test(step)) step = Number(step);
      const p = this.positions.get(cur)?.get(step);
      if (p === undefined) break;
      offset = p;
      cur = (cur as Record<PathStep, unknown>)[step];
    }
    return typeof offset === 'number' ? offset : this.attrPosition(offset);
  }

  /** The number at `path` as written in the text (its JSON value would lose e.g. trailing zeros). */
  numberText(root: unknown, path: readonly PathStep[]): string | undefined {
    const at = parentAt(root, path);
    if (!at) return undefined;
    const literal = this.numbers.get(at.parent)?.get(at.key);
    if (literal !== undefined) return literal;
    const v = (at.parent as Record<PathStep, unknown>)[at.key];
    return typeof v === 'number' ? String(v) : undefined;
  }

  private attrPosition(ref: AttrRef): number {
    let index = this.attrIndexes.get(ref.at);
    if (!index) this.attrIndexes.set(ref.at, (index = indexAttrs(this.text, ref.at)));
    return index.get(ref.attr) ?? ref.at;
  }
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * Where each attribute of the start tag at `at` starts (name → offset of its name; the first when
 * a name is repeated). One pass over the tag: names, then quoted values skipped whole.
 */
export function indexAttrs(text: string, at: number): Map<string, number> {
  const out = new Map<string, number>();
  const n = text.length;
  let k = at + 1;
  // the element name
  while (k < n) {
    const c = text.charCodeAt(k);
    if (isSpace(c) || c === 0x3e /* > */ || c === 0x2f /* / */) break;
    k++;
  }
  for (;;) {
    while (k < n && isSpace(text.charCodeAt(k))) k++;
    if (k >= n) return out;
    const c = text.charCodeAt(k);
    if (c === 0x3e || c === 0x2f || c === 0x3c /* < */) return out;
    const start = k;
    while (k < n) {
      const d = text.charCodeAt(k);
      if (isSpace(d) || d === 0x3d /* = */ || d === 0x3e || d === 0x2f) break;
      k++;
    }
    if (k === start) {
      k++;
      continue;
    }
    const name = text.slice(start, k);
    if (!out.has(name)) out.set(name, start);
    while (k < n && isSpace(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) !== 0x3d) continue;
    k++;
    while (k < n && isSpace(text.charCodeAt(k))) k++;
    const q = text.charCodeAt(k);
    if (q === 0x22 || q === 0x27) {
      const close = text.indexOf(q === 0x22 ? '"' : "'", k + 1);
      if (close < 0) return out;
      k = close + 1;
    }
  }
}
