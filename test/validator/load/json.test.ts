/**
 * The JSON reader: values as JSON.parse makes them, exact number text, duplicate properties, and
 * positions — found lazily by scanning along the path (then by indexing the text once) and
 * identical to recording every position while reading.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJson } from '../../../src/validator/load/json.js';
import type { PathStep } from '../../../src/validator/load/source.js';
import { anchorsOrSkip } from '../../helpers/shared.js';

/** Every path to a value in `v` (the root included). */
function allPaths(v: unknown, prefix: PathStep[] = [], out: PathStep[][] = []): PathStep[][] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, k) => allPaths(x, [...prefix, k], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) allPaths(x, [...prefix, k], out);
  return out;
}

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? jsonFiles(p) : f.endsWith('.json') && !f.startsWith('package') ? [p] : [];
  });
}

const root = join(import.meta.dirname, '..', '..', '..');
const anchors = anchorsOrSkip('json reader: positions in the official examples');

describe('readJson', () => {
  it('reads values as JSON.parse does', () => {
    const text = '{ "a": [1, 2.50, -3e2, true, null, "x\\u00e6\\n"], "b": { "c": {} }, "d": [] }';
    expect(readJson('t.json', text).value).toEqual(JSON.parse(text));
  });

  it('keeps the text of numbers with a fraction or exponent', () => {
    const doc = readJson('t.json', '{"q": {"value": 1.50}, "r": [0.10, 7], "e": 1E2}');
    expect(doc.numberText(['q', 'value'])).toBe('1.50');
    expect(doc.numberText(['r', 0])).toBe('0.10');
    expect(doc.numberText(['r', 1])).toBe('7');
    expect(doc.numberText(['e'])).toBe('1E2');
    expect(doc.numberText(['q'])).toBeUndefined();
    expect(doc.numberText(['nothing', 'here'])).toBeUndefined();
  });

  it('reports a property given twice, keeps the last, and locates the last', () => {
    const text = '{\n  "a": 1,\n  "b": {"c": 1, "c": 2},\n  "a": 3\n}';
    for (const positions of ['lazy', 'eager'] as const) {
      const doc = readJson('t.json', text, { positions });
      expect(doc.value).toEqual({ a: 3, b: { c: 2 } });
      expect(doc.duplicates.map((d) => [d.path, d.key, d.position.line])).toEqual([
        [['b'], 'c', 3],
        [[], 'a', 4],
      ]);
      expect(doc.locate(['a'])!.line).toBe(4);
      expect(doc.locate(['b', 'c'])!.column).toBe(text.split('\n')[2]!.lastIndexOf('"c"') + 1);
    }
  });

  it('keeps __proto__ as an own property', () => {
    const doc = readJson('t.json', '{"__proto__": {"polluted": true}, "x": {}}');
    const v = doc.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.hasOwn(v, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('locates escaped property names and falls back to the nearest ancestor', () => {
    const text = '{"resourceType": "Patient",\n "n\\u0061me": [{"family": "Hansen"}]}';
    for (const positions of ['lazy', 'eager'] as const) {
      const doc = readJson('t.json', text, { positions });
      expect(doc.locate(['name', 0, 'family'])).toMatchObject({ line: 2, column: text.split('\n')[1]!.indexOf('"family"') + 1 });
      expect(doc.locate(['name', 0, 'given', 0])).toEqual(doc.locate(['name', 0]));
      expect(doc.locate(['name', 5])).toEqual(doc.locate(['name']));
      expect(doc.locate([])).toMatchObject({ line: 1, column: 1 });
    }
  });

  const files = [
    ...jsonFiles(join(root, 'examples')),
    ...(anchors
      ? [
          ...['conditionlist', 'hco', 'notes'].flatMap((s) => jsonFiles(join(anchors, s, 'examples'))),
          ...jsonFiles(join(anchors, '..', 'testscripts')).slice(0, 60),
        ]
      : []),
  ];

  it('has examples to compare on', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('finds every position by scanning, by indexing and by recording alike', () => {
    let compared = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      let eager;
      try {
        eager = readJson(f, text, { positions: 'eager' });
      } catch {
        continue;
      }
      const scanning = readJson(f, text, { scanLookups: Number.POSITIVE_INFINITY });
      const indexing = readJson(f, text, { scanLookups: 0 });
      for (const p of allPaths(eager.value)) {
        const want = eager.locate(p);
        expect(scanning.locate(p), `${f} ${p.join('.')}`).toEqual(want);
        expect(indexing.locate(p), `${f} ${p.join('.')}`).toEqual(want);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  }, 60_000);
});
