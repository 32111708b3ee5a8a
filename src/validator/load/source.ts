/**
 * What the validator reads: a parsed FHIR JSON value plus a way back to the source text, so issues
 * carry line and column. Positions are looked up only for issues (the fast path never asks).
 */

/** A step in a JSON path: an object key or an array index. */
export type PathStep = string | number;

/**
 * A JSON path as a persistent list: each path points at its parent, so extending one costs one
 * small object and siblings share their ancestors (the walk makes one per element it visits).
 * Turned into an array of steps only where a position is looked up.
 */
export interface JsonPath {
  readonly up: JsonPath | undefined;
  readonly step: PathStep;
  /** Number of steps. */
  readonly length: number;
}

/** The path of the document's root value (no steps). */
export const ROOT_PATH: JsonPath = Object.freeze({ up: undefined, step: '', length: 0 });

export function extendPath(path: JsonPath, ...steps: PathStep[]): JsonPath {
  let p = path;
  for (const step of steps) p = { up: p, step, length: p.length + 1 };
  return p;
}

export function pathSteps(path: JsonPath): PathStep[] {
  const out = new Array<PathStep>(path.length);
  for (let p: JsonPath | undefined = path; p && p.length > 0; p = p.up) out[p.length - 1] = p.step;
  return out;
}

export function pathFromSteps(steps: readonly PathStep[]): JsonPath {
  return extendPath(ROOT_PATH, ...steps);
}

/**
 * The JSON paths of the `targets` inside `root` (one breadth-first pass with parent links, a path
 * built only for a target found): linear in the size of the value, however many targets.
 */
export function pathsOf(root: unknown, targets: Set<object>): Map<object, PathStep[]> {
  const found = new Map<object, PathStep[]>();
  interface Node {
    v: object;
    up: number;
    step: PathStep;
  }
  const queue: Node[] = root && typeof root === 'object' ? [{ v: root, up: -1, step: '' }] : [];
  for (let q = 0; q < queue.length && found.size < targets.size; q++) {
    const { v } = queue[q]!;
    if (targets.has(v) && !found.has(v)) {
      const p: PathStep[] = [];
      for (let k = q; k > 0; k = queue[k]!.up) p.push(queue[k]!.step);
      found.set(v, p.reverse());
    }
    if (Array.isArray(v)) {
      for (let k = 0; k < v.length; k++) {
        const x: unknown = v[k];
        if (x && typeof x === 'object') queue.push({ v: x, up: q, step: k });
      }
    } else {
      for (const k of Object.keys(v)) {
        const x = (v as Record<string, unknown>)[k];
        if (x && typeof x === 'object') queue.push({ v: x, up: q, step: k });
      }
    }
  }
  return found;
}

/**
 * The container the last step of `path` is read from in `root`, and that step (a digit string
 * into an array as the index it names); undefined for the root itself or where the path leaves
 * the value. What both readers look up a number's literal text by.
 */
export function parentAt(root: unknown, path: readonly PathStep[]): { parent: object; key: PathStep } | undefined {
  if (path.length === 0) return undefined;
  let parent: unknown = root;
  for (let k = 0; k < path.length - 1; k++) {
    if (parent === null || typeof parent !== 'object') return undefined;
    parent = (parent as Record<PathStep, unknown>)[path[k]!];
  }
  if (parent === null || typeof parent !== 'object') return undefined;
  let key = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof key === 'string' && /^[0-9]+$/.test(key)) key = Number(key);
  return { parent, key };
}

export interface Position {
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  /** 0-based character offset */
  offset: number;
}

/**
 * The offsets where lines start, for both readers alike: `\n`, `\r\n` and a lone `\r` each end a
 * line (the line ends XML normalises, and what editors show), so the same text gives the same
 * line and column whatever its line ends and whether it is JSON or XML. Columns count UTF-16 units.
 */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) starts.push(k + 1);
    else if (c === 13 && text.charCodeAt(k + 1) !== 10) starts.push(k + 1);
  }
  return starts;
}

/** The line and column of `offset`, given the offsets where lines start (binary search). */
export function positionAt(lineStarts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo]! + 1, offset };
}

export interface SourceDoc {
  /** The file name as the user gave it (or `-` for stdin). */
  file: string;
  format: 'json' | 'xml';
  /** The FHIR JSON value (XML is converted to the JSON form). */
  value: unknown;
  /**
   * Where the value at `path` starts in the source (for an object property: where its name
   * starts). Falls back to the nearest located ancestor.
   */
  locate(path: readonly PathStep[]): Position | undefined;
  /** The literal text of a number at `path` as written (`1.50`), when the format keeps it. */
  numberText(path: readonly PathStep[]): string | undefined;
}

/** Input that could not be read as FHIR JSON/XML. Carries the file and the reason; no stack trace is shown. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly position?: Position,
  ) {
    super(`${file}${position ? `:${position.line}:${position.column}` : ''}: ${reason}`);
    this.name = 'InputError';
  }
}
