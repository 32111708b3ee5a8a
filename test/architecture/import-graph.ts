/**
 * The import graph of the project's TypeScript, read as plain text (no compiler): every
 * `import … from '…'`, `import '…'`, `export … from '…'` and `import('…')` with a literal, with comments
 * blanked out first so that an import named in a comment does not count. Relative specifiers are
 * resolved to files (`./x.js` is `./x.ts`); package and `node:` specifiers are kept as they are.
 * Type-only imports count: a layer that names another's types depends on it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

/** One import: in `from` (a path relative to the project root, `/`-separated), of `specifier`, resolved to `to` when relative. */
export interface ImportEdge {
  from: string;
  specifier: string;
  /** The file imported (project-relative), or undefined for a package; `unresolved` when a relative specifier names no file. */
  to?: string;
  unresolved?: boolean;
  line: number;
}

/**
 * Two views of the code, of the same length and lines: `code` with comments replaced by spaces, and
 * `bare` with the contents of strings, template literals and regular expressions blanked too (the
 * `${…}` parts of a template stay code). An import is a match in `code` whose keyword is code in `bare`.
 */
export function scan(source: string): { code: string; bare: string } {
  const code = source.split('');
  const bare = source.split('');
  const templateDepth: number[] = []; // brace depth at which each open template's `${` began
  let depth = 0;
  let i = 0;
  let lastSignificant = '';
  const blank = (views: string[][], from: number, to: number): void => {
    for (const v of views) for (let k = from; k < to; k++) if (v[k] !== '\n') v[k] = ' ';
  };
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && (next === '/' || next === '*')) {
      const end = next === '/' ? source.indexOf('\n', i) : source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : next === '/' ? end : end + 2;
      blank([code, bare], i, stop);
      i = stop;
      continue;
    }
    if (c === "'" || c === '"') {
      const from = ++i;
      while (i < source.length && source[i] !== c && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
      blank([bare], from, i);
      i++;
      lastSignificant = c;
      continue;
    }
    if (c === '`' || (c === '}' && templateDepth.length > 0 && templateDepth[templateDepth.length - 1] === depth)) {
      // a template literal, or the rest of one after a `${…}` part: up to its end or its next `${`
      if (c === '}') templateDepth.pop();
      const from = ++i;
      while (i < source.length && source[i] !== '`') {
        if (source[i] === '\\') {
          i += 2;
          continue;
        }
        if (source[i] === '$' && source[i + 1] === '{') {
          templateDepth.push(depth);
          break;
        }
        i++;
      }
      blank([bare], from, i);
      i += source[i] === '`' ? 1 : 2;
      lastSignificant = '`';
      continue;
    }
    if (
      c === '/' &&
      (lastSignificant === '' ||
        '(,=:[!&|?{};+-*%<>~^'.includes(lastSignificant) ||
        /\b(return|typeof|case|in|of)$/.test(source.slice(Math.max(0, i - 8), i).trimEnd()))
    ) {
      // a regular expression literal: up to its closing `/` outside a character class
      let inClass = false;
      const from = ++i;
      while (i < source.length && source[i] !== '\n' && (inClass || source[i] !== '/')) {
        if (source[i] === '\\') i++;
        else if (source[i] === '[') inClass = true;
        else if (source[i] === ']') inClass = false;
        i++;
      }
      blank([bare], from, i);
      i++;
      lastSignificant = '/';
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    if (!/\s/.test(c)) lastSignificant = c;
    i++;
  }
  return { code: code.join(''), bare: bare.join('') };
}

const STATIC = /\b(?:import|export)\s+(?:type\s+)?(?:[\w\s{},*$]*?\s+from\s*)?(['"])([^'"\n]+)\1/g;
const DYNAMIC = /\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g;

/** The specifiers a file's code imports, with their line numbers. */
export function importSpecifiers(code: string): { specifier: string; line: number }[] {
  const { code: text, bare } = scan(code);
  const found: { specifier: string; line: number; at: number }[] = [];
  for (const re of [STATIC, DYNAMIC]) {
    for (const m of text.matchAll(re)) {
      if (bare.slice(m.index, m.index + 6) !== m[0].slice(0, 6)) continue; // the keyword is inside a string
      const at = m.index + m[0].lastIndexOf(m[2]!);
      found.push({ specifier: m[2]!, at, line: text.slice(0, at).split('\n').length });
    }
  }
  const seen = new Set<number>();
  return found
    .filter((f) => (seen.has(f.at) ? false : (seen.add(f.at), true)))
    .sort((a, b) => a.at - b.at)
    .map(({ specifier, line }) => ({ specifier, line }));
}

/** A relative specifier resolved against the importing file, within the set of known files. */
export function resolveSpecifier(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  const candidates = [base, base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), `${base}.ts`, `${base}/index.ts`];
  return candidates.find((c) => files.has(c));
}

/** The edges of a set of files given as path → code (paths project-relative, `/`-separated). */
export function importEdges(sources: ReadonlyMap<string, string>): ImportEdge[] {
  const files = new Set(sources.keys());
  const edges: ImportEdge[] = [];
  for (const [from, code] of sources) {
    for (const { specifier, line } of importSpecifiers(code)) {
      if (!specifier.startsWith('.')) {
        edges.push({ from, specifier, line });
        continue;
      }
      const to = resolveSpecifier(from, specifier, files);
      // a relative import of something that is not TypeScript (a .json file) is not an edge of the graph
      if (to === undefined && /\.(json|css|html)$/.test(specifier)) continue;
      edges.push(to === undefined ? { from, specifier, line, unresolved: true } : { from, specifier, to, line });
    }
  }
  return edges;
}

/** Every .ts file below `dirs` of `root` (declaration files and node_modules left out), as path → code. */
export function readSources(root: string, dirs: readonly string[]): Map<string, string> {
  const sources = new Map<string, string>();
  const visit = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') visit(p);
        continue;
      }
      if (e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
        sources.set(relative(root, p).split(sep).join('/'), readFileSync(p, 'utf8'));
    }
  };
  for (const d of dirs) if (existsSync(join(root, d))) visit(join(root, d));
  return sources;
}

/**
 * The import cycles: each strongly connected component of more than one file (or a file importing
 * itself), as its files sorted, with one cycle through them to show.
 */
export function importCycles(edges: readonly ImportEdge[]): { files: string[]; path: string[] }[] {
  const graph = new Map<string, string[]>();
  for (const e of edges) {
    if (e.to === undefined) continue;
    if (!graph.has(e.from)) graph.set(e.from, []);
    graph.get(e.from)!.push(e.to);
  }
  // Tarjan's algorithm, iterative (deep graphs do not overflow the stack)
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  for (const start of [...graph.keys()].sort()) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter);
    counter++;
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const succ = graph.get(frame.node) ?? [];
      if (frame.next < succ.length) {
        const w = succ[frame.next++]!;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter);
          counter++;
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, next: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(w)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.node);
        const selfLoop = component.length === 1 && (graph.get(frame.node) ?? []).includes(frame.node);
        if (component.length > 1 || selfLoop) components.push(component.sort());
      }
    }
  }
  return components.sort((a, b) => (a[0]! < b[0]! ? -1 : 1)).map((files) => ({ files, path: cyclePath(files, graph) }));
}

/** One cycle through the first file of a component (breadth first back to it, inside the component). */
function cyclePath(files: string[], graph: ReadonlyMap<string, string[]>): string[] {
  const inside = new Set(files);
  const start = files[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const w of graph.get(node) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let n = node; n !== start; n = previous.get(n)!) path.splice(1, 0, n);
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, node);
        queue.push(w);
      }
    }
  }
  return files;
}

/** The folder a file belongs to for the layer table: `src/<folder>/…` is `<folder>`, otherwise the top folder. */
export function moduleOf(file: string): string {
  const parts = file.split('/');
  return parts[0] === 'src' && parts.length > 2 ? parts[1]! : parts[0] === 'src' ? `src/${parts[1]}` : parts[0]!;
}

/** The layers, low to high: a module may import its own layer and the ones below, never one above. */
export type LayerTable = readonly (readonly string[])[];

/**
 * What breaks the layering: an import from a lower layer into a higher one, an import of a module
 * in no layer, a relative import that names no file, and (for the front ends) an import under `src/`
 * outside the modules they may use. `frontDoor` maps a front end's module to the path prefixes it
 * may import besides its own files and packages.
 */
export function layerViolations(
  edges: readonly ImportEdge[],
  layers: LayerTable,
  options: { anything?: readonly string[]; frontDoor?: Readonly<Record<string, readonly string[]>> } = {},
): string[] {
  const rank = new Map<string, number>();
  layers.forEach((modules, i) => {
    for (const m of modules) rank.set(m, i);
  });
  const anything = new Set(options.anything ?? []);
  const problems: string[] = [];
  const where = (e: ImportEdge): string => `${e.from}:${e.line} imports '${e.specifier}'`;
  for (const e of edges) {
    if (e.unresolved) {
      problems.push(`${where(e)}: no such file`);
      continue;
    }
    if (e.to === undefined) continue;
    const from = moduleOf(e.from);
    const to = moduleOf(e.to);
    if (anything.has(from)) continue;
    if (anything.has(to)) {
      problems.push(`${where(e)}: nothing may import ${to}/`);
      continue;
    }
    const rf = rank.get(from);
    const rt = rank.get(to);
    if (rf === undefined) {
      problems.push(`${e.from}: ${from} is in no layer (add it to the layer table)`);
      continue;
    }
    if (rt === undefined) {
      problems.push(`${where(e)}: ${to} is in no layer (add it to the layer table)`);
      continue;
    }
    if (rt > rf) problems.push(`${where(e)}: ${from} (layer ${rf}) imports ${to} (layer ${rt}), a layer above it`);
    const door = options.frontDoor?.[from];
    if (door && to !== from && !door.some((prefix) => e.to!.startsWith(prefix))) {
      problems.push(`${where(e)}: ${from} imports only ${door.join(', ')} (and its own files), not ${e.to}`);
    }
  }
  return [...new Set(problems)];
}
