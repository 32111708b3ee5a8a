/**
 * The machine's limit for the validator benchmark (issue 18): what reading, `JSON.parse`-ing and visiting every node
 * of the corpus costs, with no validation at all. Shared by the limit child (validate-limit.ts) and the tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Count the nodes of a parsed JSON value: the value itself, and every array item and object property value below it,
 * recursively (so `{"a":[1,2]}` has 4 nodes: the object, the array, 1 and 2). The count is returned and summed by the
 * caller, so V8 cannot drop the walk as dead code.
 */
export function countNodes(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 1;
  let n = 1;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) n += countNodes(item);
  } else {
    for (const key in value) n += countNodes((value as Record<string, unknown>)[key]);
  }
  return n;
}

/** The `*.json` files below `dirs` (recursively), each folder's names sorted, folders in the order given. */
export function jsonFiles(dirs: readonly string[]): string[] {
  const out: string[] = [];
  const visit = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) visit(path);
      else if (e.isFile() && e.name.endsWith('.json')) out.push(path);
    }
  };
  for (const d of dirs) visit(d);
  return out;
}

export interface LimitPass {
  files: number;
  bytes: number;
  nodes: number;
  /** read + parse + walk of all files, milliseconds */
  ms: number;
}

/** One pass: read every file from disk, `JSON.parse` it and count its nodes. */
export function limitPass(files: readonly string[]): LimitPass {
  const t0 = performance.now();
  let bytes = 0;
  let nodes = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    bytes += Buffer.byteLength(text);
    nodes += countNodes(JSON.parse(text) as unknown);
  }
  return { files: files.length, bytes, nodes, ms: performance.now() - t0 };
}
