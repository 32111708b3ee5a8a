/** FSH-style element paths (`code.coding[ICPC2code].code`, `value[x]`, `onsetDateTime`, `.`). */

export interface PathSegment {
  /** Element name as in the snapshot id (`coding`, `value[x]`). */
  name: string;
  /** Slice names addressed on this element, outermost first. */
  slices: string[];
}

export function parseFshPath(path: string): PathSegment[] {
  if (path === '.' || path === '') return [];
  const segments: PathSegment[] = [];
  let i = 0;
  while (i < path.length) {
    let name = '';
    while (i < path.length && path[i] !== '.' && path[i] !== '[') name += path[i++];
    const slices: string[] = [];
    while (i < path.length && path[i] === '[') {
      const close = path.indexOf(']', i);
      if (close < 0) throw new Error(`unclosed '[' in path '${path}'`);
      const inner = path.slice(i + 1, close);
      i = close + 1;
      if (inner === 'x' && slices.length === 0) name += '[x]';
      else slices.push(inner);
    }
    if (name === '') throw new Error(`empty segment in path '${path}'`);
    segments.push({ name, slices });
    if (path[i] === '.') i++;
  }
  return segments;
}

/** `Condition.code.coding:ICPC2code.code` → `code.coding[ICPC2code].code` (root → `.`). */
export function idToFshPath(id: string): string {
  const dot = id.indexOf('.');
  if (dot < 0) return '.';
  return id
    .slice(dot + 1)
    .split('.')
    .map((part) => {
      const [name, ...slices] = part.split(':');
      return (name ?? '') + slices.map((s) => `[${s}]`).join('');
    })
    .join('.');
}

/** Remove slice names from an element id to get its path. */
export function idToPath(id: string): string {
  return id
    .split('.')
    .map((p) => p.split(':')[0])
    .join('.');
}
