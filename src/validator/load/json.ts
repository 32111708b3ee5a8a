import { isJsonSpace, skipSpace as skipWsAt, skipString, skipValue } from '../../util/json-scan.js';
import { computeLineStarts, InputError, parentAt, pathsOf, positionAt, type PathStep, type Position, type SourceDoc } from './source.js';

export interface JsonReadOptions {
  /** Deeper nesting is rejected (default 512; FHIR resources are never nearly that deep). */
  maxDepth?: number;
  /**
   * `lazy` (default): positions are found when an issue asks for one, by scanning the text along
   * the path (and, after LAZY_LOOKUPS lookups, by indexing the whole text once). `eager`: every
   * property's and item's position is recorded while reading.
   */
  positions?: 'lazy' | 'eager';
  /** Lazy positions: lookups answered by scanning before the text is indexed (default LAZY_LOOKUPS). */
  scanLookups?: number;
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

/** Where an eagerly read container is: its own offset, and those of its properties (name) or items. */
interface ContainerLoc {
  start: number;
  keys?: Map<string, number>;
  items?: number[];
}

/** Lookups answered by scanning before the whole text is indexed instead. */
const LAZY_LOOKUPS = 32;

/**
 * Read FHIR JSON: the value, with the literal text of numbers JSON.parse would not keep exactly
 * (`1.50`), properties given twice, and a way back to the position of any path. One iterative
 * pass (no recursion, so deep nesting cannot overflow the stack); values are built as it goes.
 */
export function readJson(file: string, input: string, options: JsonReadOptions = {}): JsonDoc {
  const maxDepth = options.maxDepth ?? 512;
  if (input.length === 0) throw new InputError(file, 'the file is empty');
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.includes('\u0000')) {
    throw new InputError(file, 'the file contains NUL characters: not UTF-8 text (UTF-16 or binary?); FHIR JSON must be UTF-8');
  }
  const locs = options.positions === 'eager' ? new Map<object, ContainerLoc>() : undefined;
  const { root, raws, duplicates, position } = parse(file, text, maxDepth, locs);

  const rootStart = skipWsAt(text, 0);

  /** Recorded positions: follow the offsets (nearest located ancestor when the path leaves the value). */
  const indexedOffset = (path: readonly PathStep[], index: Map<object, ContainerLoc>, start: unknown): number => {
    let value = start;
    let loc = index.get(value as object);
    let offset = loc ? loc.start : rootStart;
    for (const step of path) {
      if (!loc || value === null || typeof value !== 'object') break;
      const at = typeof step === 'number' ? loc.items?.[step] : loc.keys?.get(step);
      if (at === undefined) break;
      offset = at;
      value = (value as Record<PathStep, unknown>)[step];
      loc = typeof value === 'object' && value !== null ? index.get(value) : undefined;
    }
    return offset;
  };

  let lookups = 0;
  let index: { locs: Map<object, ContainerLoc>; root: unknown } | undefined;
  const offsetOf = (path: readonly PathStep[]): number => {
    if (locs) return indexedOffset(path, locs, root);
    if (!index && ++lookups > (options.scanLookups ?? LAZY_LOOKUPS)) {
      // many issues: index the whole text once instead of scanning it for each (the positions of
      // the value already read: no second copy of the value)
      index = { locs: indexOver(text, rootStart, root), root };
    }
    if (index) return indexedOffset(path, index.locs, index.root);
    return scanOffset(text, rootStart, path, duplicates.length > 0);
  };

  return {
    file,
    format: 'json',
    value: root,
    duplicates: duplicatesAt(root, duplicates, position),
    locate(path) {
      return position(offsetOf(path));
    },
    numberText(path) {
      const at = parentAt(root, path);
      const value = at ? (at.parent as Record<PathStep, unknown>)[at.key] : undefined;
      if (!at || typeof value !== 'number') return undefined;
      return raws.get(at.parent)?.get(at.key) ?? String(value);
    },
  };
}

interface Parsed {
  root: unknown;
  /** container → property name or index → literal text of a number with a fraction or exponent */
  raws: Map<object, Map<PathStep, string>>;
  duplicates: { container: object; key: string; offset: number }[];
  position: (offset: number) => Position;
}

/** The reading pass; records every container's positions into `locs` when given. */
function parse(file: string, text: string, maxDepth: number, locs: Map<object, ContainerLoc> | undefined): Parsed {
  /** container → property name or index → literal text of a number with a fraction or exponent */
  const raws = new Map<object, Map<PathStep, string>>();
  const duplicates: { container: object; key: string; offset: number }[] = [];
  let lineStarts: number[] | undefined;
  const position = (offset: number): Position => positionAt((lineStarts ??= computeLineStarts(text)), offset);
  const fail = (reason: string, at: number): never => {
    throw new InputError(file, `not valid JSON: ${reason}`, position(Math.min(at, text.length)));
  };

  let i = 0;
  const n = text.length;
  const skipWs = (): void => {
    while (i < n) {
      if (isJsonSpace(text.charCodeAt(i))) i++;
      else break;
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
      if (c === 0x5c) {
        simple = false;
        j += 2;
        continue;
      }
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
    if (text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    return fail(`unexpected character '${text[i] ?? ''}'`, i);
  };

  // explicit stack of open containers
  interface Frame {
    value: Record<string, unknown> | unknown[];
    isArray: boolean;
    count: number;
    loc: ContainerLoc | undefined;
    pendingKey: string | undefined;
    keyOffset: number;
  }
  const stack: Frame[] = [];
  let root: unknown;
  let haveRoot = false;

  const attach = (value: unknown, at: number, numberText?: string): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = value;
      haveRoot = true;
      return;
    }
    const exact = numberText !== undefined && /[.eE]/.test(numberText) ? numberText : undefined;
    if (top.isArray) {
      const arr = top.value as unknown[];
      top.loc?.items!.push(at);
      if (exact !== undefined) rawsOf(raws, arr).set(arr.length, exact);
      arr.push(value);
    } else {
      const key = top.pendingKey!;
      const obj = top.value as Record<string, unknown>;
      if (Object.hasOwn(obj, key)) duplicates.push({ container: obj, key, offset: top.keyOffset });
      top.loc?.keys!.set(key, top.keyOffset);
      if (exact !== undefined) rawsOf(raws, obj).set(key, exact);
      // an own property, as JSON.parse makes it (assignment would set the object's prototype)
      if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
      else obj[key] = value;
      top.pendingKey = undefined;
    }
    top.count++;
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
        i++;
        stack.pop();
      } else {
        if (top.count > 0) {
          if (c !== ',') fail("expected ',' or '}'", i);
          i++;
          skipWs();
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
      i++;
      stack.pop();
    } else {
      if (top && top.isArray && top.count > 0) {
        if (text[i] !== ',') fail("expected ',' or ']'", i);
        i++;
        skipWs();
      }
      const at = i;
      const c = text[i];
      if (c === '{' || c === '[') {
        if (stack.length >= maxDepth) fail(`nested deeper than ${maxDepth} levels`, i);
        i++;
        const isArray = c === '[';
        const value: Record<string, unknown> | unknown[] = isArray ? [] : {};
        let loc: ContainerLoc | undefined;
        if (locs) {
          loc = isArray ? { start: at, items: [] } : { start: at, keys: new Map() };
          locs.set(value, loc);
        }
        attach(value, at);
        stack.push({ value, isArray, count: 0, loc, pendingKey: undefined, keyOffset: -1 });
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
  return { root, raws, duplicates, position };
}

/** The duplicate properties with the paths of their objects (all found in one pass over the value). */
function duplicatesAt(root: unknown, found: Parsed['duplicates'], position: (offset: number) => Position): DuplicateKey[] {
  if (found.length === 0) return [];
  const paths = pathsOf(root, new Set(found.map((d) => d.container)));
  return found.map((d) => ({ path: paths.get(d.container) ?? [], key: d.key, position: position(d.offset) }));
}

function rawsOf(raws: Map<object, Map<PathStep, string>>, container: object): Map<PathStep, string> {
  let m = raws.get(container);
  if (!m) {
    m = new Map();
    raws.set(container, m);
  }
  return m;
}

/**
 * Where every container of `root` (the value read from `text`, which is valid JSON) and its
 * properties and items start: one pass over the text alongside the value, building no values.
 * With duplicate properties the last occurrence is the one in the value; each occurrence gets a
 * fresh entry, so the last one read is the one kept.
 */
function indexOver(text: string, rootStart: number, root: unknown): Map<object, ContainerLoc> {
  const locs = new Map<object, ContainerLoc>();
  interface Frame {
    value: unknown;
    loc: ContainerLoc | undefined;
    isArray: boolean;
    count: number;
  }
  const stack: Frame[] = [];
  let i = rootStart;
  const n = text.length;
  /** A container opens at `at`: what it is in the value (when it is there, of the same kind). */
  const open = (value: unknown, isArray: boolean, at: number): void => {
    let loc: ContainerLoc | undefined;
    if (value !== null && typeof value === 'object' && Array.isArray(value) === isArray) {
      loc = isArray ? { start: at, items: [] } : { start: at, keys: new Map() };
      locs.set(value, loc);
    }
    stack.push({ value: loc ? value : undefined, loc, isArray, count: 0 });
  };
  /** The value at `at` in the top container: its text is skipped unless it is a container. */
  const item = (child: unknown): void => {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      open(child, c === 0x5b, i);
      i++;
    } else {
      i = skipValue(text, i);
    }
  };
  if (text.charCodeAt(i) !== 0x7b && text.charCodeAt(i) !== 0x5b) return locs;
  open(root, text.charCodeAt(i) === 0x5b, i);
  i++;
  while (stack.length > 0 && i < n) {
    i = skipWsAt(text, i);
    const top = stack[stack.length - 1]!;
    const c = text.charCodeAt(i);
    if (c === 0x7d || c === 0x5d) {
      stack.pop();
      i++;
      continue;
    }
    if (c === 0x2c) {
      i++;
      continue;
    }
    if (top.isArray) {
      const at = i;
      top.loc?.items!.push(at);
      const child = top.value !== undefined ? (top.value as unknown[])[top.count] : undefined;
      top.count++;
      item(child);
    } else {
      // a property: its name, ':', its value
      const keyStart = i;
      const keyEnd = skipString(text, i);
      const raw = text.slice(keyStart + 1, keyEnd - 1);
      let key = raw;
      if (raw.includes('\\')) {
        try {
          key = JSON.parse(text.slice(keyStart, keyEnd)) as string;
        } catch {
          key = raw;
        }
      }
      i = skipWsAt(text, keyEnd);
      i = skipWsAt(text, i + 1); // past ':'
      top.loc?.keys!.set(key, keyStart);
      const child =
        top.value !== undefined && Object.hasOwn(top.value as object, key) ? (top.value as Record<string, unknown>)[key] : undefined;
      item(child);
    }
  }
  return locs;
}

/** Does the string literal `text[start..end)` (quotes included) spell `key`? */
function keyIs(text: string, start: number, end: number, key: string): boolean {
  const inner = end - start - 2;
  if (inner === key.length && text.startsWith(key, start + 1)) return true;
  // escaped spellings are rare: decode only when the literal contains a backslash
  if (text.lastIndexOf('\\', end - 2) < start + 1) return false;
  try {
    return JSON.parse(text.slice(start, end)) === key;
  } catch {
    return false;
  }
}

/**
 * Where `path` starts in valid JSON `text` whose root value starts at `rootStart`, found by
 * scanning along the path: a property's name, an item's value; the nearest ancestor when the path
 * leaves the value. With duplicate keys the last one counts, as when reading.
 */
function scanOffset(text: string, rootStart: number, path: readonly PathStep[], duplicates: boolean): number {
  let at = rootStart;
  let found = rootStart;
  for (const step of path) {
    const open = text.charCodeAt(at);
    if (typeof step === 'string' && open === 0x7b) {
      let j = at + 1;
      let hitKey = -1;
      let hitValue = -1;
      for (;;) {
        j = skipWsAt(text, j);
        const d = text.charCodeAt(j);
        if (d === 0x2c) {
          j++;
          continue;
        }
        if (d !== 0x22) break;
        const keyStart = j;
        const keyEnd = skipString(text, j);
        j = skipWsAt(text, keyEnd);
        if (text.charCodeAt(j) !== 0x3a) break;
        j = skipWsAt(text, j + 1);
        if (keyIs(text, keyStart, keyEnd, step)) {
          hitKey = keyStart;
          hitValue = j;
          if (!duplicates) break;
        }
        j = skipValue(text, j);
      }
      if (hitKey < 0) break;
      found = hitKey;
      at = hitValue;
    } else if (typeof step === 'number' && open === 0x5b) {
      let j = at + 1;
      let k = 0;
      let hit = -1;
      for (;;) {
        j = skipWsAt(text, j);
        const d = text.charCodeAt(j);
        if (d === 0x2c) {
          j++;
          continue;
        }
        if (d === 0x5d || Number.isNaN(d)) break;
        if (k === step) {
          hit = j;
          break;
        }
        j = skipValue(text, j);
        k++;
      }
      if (hit < 0) break;
      found = hit;
      at = hit;
    } else {
      break;
    }
  }
  return found;
}
