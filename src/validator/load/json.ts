import { InputError, type PathStep, type Position, type SourceDoc } from './source.js';

interface ContainerLoc {
  start: number;
  /** object: property name → offsets of the name and of the value */
  keys?: Map<string, { key: number; value: number }>;
  /** array: offsets of the items */
  items?: number[];
  /** literal text of numbers that JSON.parse would not keep exactly (fractions, exponents) */
  raw?: Map<PathStep, string>;
}

export interface JsonReadOptions {
  /** Deeper nesting is rejected (default 512; FHIR resources are never nearly that deep). */
  maxDepth?: number;
}

/** Properties given twice in one object (FHIR JSON forbids it; JSON.parse silently keeps the last). */
export interface DuplicateKey {
  path: PathStep[];
  key: string;
  position: Position;
}

export interface JsonDoc extends SourceDoc {
  duplicates: DuplicateKey[];
}

const WS = new Uint8Array(128);
WS[0x20] = 1; WS[0x09] = 1; WS[0x0a] = 1; WS[0x0d] = 1;

/**
 * Read FHIR JSON keeping the position of every property and array item. One iterative pass (no
 * recursion, so deep nesting cannot overflow the stack); values are built as it goes.
 */
export function readJson(file: string, text: string, options: JsonReadOptions = {}): JsonDoc {
  const maxDepth = options.maxDepth ?? 512;
  if (text.length === 0) throw new InputError(file, 'the file is empty');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) {
    throw new InputError(file, 'the file contains NUL characters: not UTF-8 text (UTF-16 or binary?); FHIR JSON must be UTF-8');
  }
  const locs = new Map<object, ContainerLoc>();
  const duplicates: { container: object; key: string; offset: number }[] = [];
  let lineStarts: number[] | undefined;
  const position = (offset: number): Position => {
    lineStarts ??= computeLineStarts(text);
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1, offset };
  };
  const fail = (reason: string, at: number): never => {
    throw new InputError(file, `not valid JSON: ${reason}`, position(Math.min(at, text.length)));
  };

  let i = 0;
  const n = text.length;
  const skipWs = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128 && WS[c]) i++; else break;
    }
  };

  const readString = (): string => {
    // text[i] === '"'
    const start = i + 1;
    let j = start;
    let simple = true;
    for (;;) {
      if (j >= n) fail('unterminated string', start - 1);
      const c = text.charCodeAt(j);
      if (c === 0x22) break;
      if (c === 0x5c) { simple = false; j += 2; continue; }
      if (c < 0x20) fail('control character in string', j);
      j++;
    }
    const end = j;
    i = end + 1;
    if (simple) return text.slice(start, end);
    try {
      return JSON.parse(text.slice(start - 1, end + 1)) as string;
    } catch {
      return fail('invalid escape in string', start);
    }
  };

  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const readNumber = (): { value: number; text: string } => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m || m[0].length === 0) return fail('invalid number', i);
    i += m[0].length;
    const v = Number(m[0]);
    if (!Number.isFinite(v)) fail('number out of range', i - m[0].length);
    return { value: v, text: m[0] };
  };

  const readLiteral = (): unknown => {
    if (text.startsWith('true', i)) { i += 4; return true; }
    if (text.startsWith('false', i)) { i += 5; return false; }
    if (text.startsWith('null', i)) { i += 4; return null; }
    return fail(`unexpected character '${text[i] ?? ''}'`, i);
  };

  // explicit stack of open containers
  type Frame = { value: Record<string, unknown> | unknown[]; loc: ContainerLoc; isArray: boolean; pendingKey?: string; keyOffset?: number };
  const stack: Frame[] = [];
  let root: unknown;
  let haveRoot = false;

  const attach = (value: unknown, at: number, numberText?: string): void => {
    const top = stack[stack.length - 1];
    if (!top) { root = value; haveRoot = true; return; }
    if (top.isArray) {
      const arr = top.value as unknown[];
      top.loc.items!.push(at);
      if (numberText !== undefined && /[.eE]/.test(numberText)) (top.loc.raw ??= new Map()).set(arr.length, numberText);
      arr.push(value);
    } else {
      const key = top.pendingKey!;
      const obj = top.value as Record<string, unknown>;
      if (top.loc.keys!.has(key)) duplicates.push({ container: obj, key, offset: top.keyOffset! });
      top.loc.keys!.set(key, { key: top.keyOffset!, value: at });
      if (numberText !== undefined && /[.eE]/.test(numberText)) (top.loc.raw ??= new Map()).set(key, numberText);
      obj[key] = value;
      delete top.pendingKey;
    }
  };

  skipWs();
  if (i >= n) fail('no content', 0);
  for (;;) {
    skipWs();
    if (i >= n) fail('unexpected end of file', n);
    const top = stack[stack.length - 1];
    // expecting a key in an object?
    if (top && !top.isArray && top.pendingKey === undefined) {
      const c = text[i];
      if (c === '}') {
        i++; stack.pop();
      } else {
        if ((top.value && Object.keys(top.value).length > 0) || top.loc.keys!.size > 0) {
          if (c !== ',') fail("expected ',' or '}'", i);
          i++; skipWs();
        }
        if (text[i] !== '"') fail('expected a property name', i);
        const keyOffset = i;
        const key = readString();
        skipWs();
        if (text[i] !== ':') fail("expected ':'", i);
        i++;
        top.pendingKey = key;
        top.keyOffset = keyOffset;
        continue;
      }
    } else if (top && top.isArray && text[i] === ']') {
      i++; stack.pop();
    } else {
      if (top && top.isArray && (top.value as unknown[]).length > 0) {
        if (text[i] !== ',') fail("expected ',' or ']'", i);
        i++; skipWs();
      }
      const at = i;
      const c = text[i];
      if (c === '{' || c === '[') {
        if (stack.length >= maxDepth) fail(`nested deeper than ${maxDepth} levels`, i);
        i++;
        const isArray = c === '[';
        const value: Record<string, unknown> | unknown[] = isArray ? [] : {};
        const loc: ContainerLoc = isArray ? { start: at, items: [] } : { start: at, keys: new Map() };
        locs.set(value, loc);
        attach(value, at);
        stack.push({ value, loc, isArray });
        continue;
      } else if (c === '"') {
        attach(readString(), at);
      } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
        const num = readNumber();
        attach(num.value, at, num.text);
      } else {
        attach(readLiteral(), at);
      }
    }
    if (stack.length === 0) break;
  }
  skipWs();
  if (i < n) fail('unexpected content after the end of the JSON value', i);
  if (!haveRoot) fail('no content', 0);

  const walk = (path: readonly PathStep[]): { offset: number; loc?: ContainerLoc; value: unknown } => {
    let value = root;
    let offset = 0;
    let loc = locs.get(root as object);
    if (loc) offset = loc.start;
    for (const step of path) {
      if (!loc || value === null || typeof value !== 'object') break;
      if (typeof step === 'number') {
        const at = loc.items?.[step];
        if (at === undefined) break;
        offset = at;
        value = (value as unknown[])[step];
      } else {
        const at = loc.keys?.get(step);
        if (!at) break;
        offset = at.key;
        value = (value as Record<string, unknown>)[step];
      }
      loc = typeof value === 'object' && value !== null ? locs.get(value) : undefined;
    }
    return { offset, value, ...(loc ? { loc } : {}) };
  };

  const pathOf = (container: object): PathStep[] => {
    // breadth-first search for the container's path (only used for the rare duplicate keys)
    const queue: { v: unknown; p: PathStep[] }[] = [{ v: root, p: [] }];
    while (queue.length) {
      const { v, p } = queue.shift()!;
      if (v === container) return p;
      if (Array.isArray(v)) v.forEach((x, k) => queue.push({ v: x, p: [...p, k] }));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) queue.push({ v: x, p: [...p, k] });
    }
    return [];
  };

  return {
    file,
    format: 'json',
    value: root,
    duplicates: duplicates.map((d) => ({ path: pathOf(d.container), key: d.key, position: position(d.offset) })),
    locate(path) {
      return position(walk(path).offset);
    },
    numberText(path) {
      if (path.length === 0) return undefined;
      const parent = walk(path.slice(0, -1));
      const last = path[path.length - 1]!;
      const raw = parent.loc?.raw?.get(last);
      if (raw !== undefined) return raw;
      const v = (parent.value as Record<PathStep, unknown> | undefined)?.[last];
      return typeof v === 'number' ? String(v) : undefined;
    },
  };
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) starts.push(k + 1);
  return starts;
}
