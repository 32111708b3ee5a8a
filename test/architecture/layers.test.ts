/**
 * The import layering (docs/architecture.md): no import cycle between files, no module importing a
 * layer above its own, and the front ends (cli/, src/serve) importing src/ only through src/api.
 * The imports are read as text (test/architecture/import-graph.ts), type-only imports included.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importEdges, layerViolations, moduleOf, readSources, type LayerTable } from './import-graph.js';

const root = join(import.meta.dirname, '..', '..');

/**
 * Low to high; a module may import its own layer and those below. `src/<folder>` is named by the
 * folder, cli/ and profiles/ by theirs. scripts/ (benchmarks, code generation) may import anything
 * and nothing imports it.
 */
export const LAYERS: LayerTable = [
  ['util'],
  ['fhir', 'ir', 'defs', 'fhirpath'],
  ['dsl', 'compiler', 'package', 'validator'],
  // our standards: the profiles, the registry of standards and their definitions (src/standards)
  ['profiles', 'standards'],
  ['report', 'diff', 'parity', 'protocol', 'testscript', 'site'],
  ['api'],
  ['cli', 'serve'],
];
const ANYTHING = ['scripts'];

/**
 * The front ends import src/ only through src/api. The CLI also starts the self-test server
 * (`medcom-ig serve`): serve is a front end beside the CLI, above api, so it cannot be reached
 * through api; the CLI imports its entry point and nothing else of it.
 */
const FRONT_DOOR: Record<string, readonly string[]> = {
  cli: ['src/api/', 'src/serve/server.ts'],
  serve: ['src/api/'],
};

const sources = readSources(root, ['src', 'cli', 'profiles', 'scripts']);
const edges = importEdges(sources);

describe('import layers', () => {
  it('reads the whole tree', () => {
    expect(sources.size).toBeGreaterThan(200);
    expect(edges.filter((e) => e.to !== undefined).length).toBeGreaterThan(800);
    // every module of the table has files (a folder renamed away leaves no stale row)
    const modules = new Set([...sources.keys()].map(moduleOf));
    expect([...LAYERS.flat(), ...ANYTHING].filter((m) => !modules.has(m))).toEqual([]);
    // the readers' own imports are found, dynamic ones included
    expect(edges.some((e) => e.from === 'cli/medcom-ig.ts' && e.to === 'src/api/validate.ts')).toBe(true);
  });

  it('has no import cycle between files', () => {
    const cycles = importCycles(edges);
    expect(cycles.map((c) => `cycle: ${c.path.join(' → ')}`)).toEqual([]);
  });

  it('imports no layer above its own; cli/ and src/serve import src/ only through src/api', () => {
    expect(layerViolations(edges, LAYERS, { anything: ANYTHING, frontDoor: FRONT_DOOR })).toEqual([]);
  });
});

describe('the layer check itself (a synthetic tree)', () => {
  const tree = new Map<string, string>([
    // a loop: a → b → a (one of them through a dynamic import, one type-only)
    ['src/util/a.ts', "import type { B } from './b.js';\nexport type A = B;"],
    ['src/util/b.ts', "export type B = number;\nexport const load = () => import('./a.js');"],
    // an upward import: util imports api
    ['src/util/c.ts', "import { x } from '../api/x.js';\nexport const c = x;"],
    ['src/api/x.ts', "import { c } from '../util/c.js';\nexport { c };\nexport const x = 1;"],
    // a front end past the api
    ['cli/main.ts', "import { c } from '../src/util/c.js';\nimport { x } from '../src/api/x.js';\nvoid [c, x];"],
    // imports in comments and strings are not imports
    [
      'src/util/d.ts',
      "// import { x } from '../api/x.js';\n/* export * from '../api/x.js' */\nexport const s = \"import('../api/x.js')\";\n" +
        "export const t = `${s} import x from '../api/x.js'`;\nexport const r = /import('..\\/api\\/x.js')/;",
    ],
    // a module in no layer, a relative import of no file
    [
      'src/nowhere/e.ts',
      "import { missing } from '../util/missing.js';\nimport { c } from '../util/c.js';\nexport const e = [missing, c];",
    ],
  ]);
  const synthetic = importEdges(tree);
  const table: LayerTable = [['util'], ['api'], ['cli']];

  it('reports the cycle', () => {
    const cycles = importCycles(synthetic);
    expect(cycles.map((c) => c.files)).toEqual([
      ['src/api/x.ts', 'src/util/c.ts'],
      ['src/util/a.ts', 'src/util/b.ts'],
    ]);
    expect(cycles[1]!.path).toEqual(['src/util/a.ts', 'src/util/b.ts', 'src/util/a.ts']);
  });

  it('reports the upward import, the front end past the api, the unlayered module and the missing file, naming file and import', () => {
    const problems = layerViolations(synthetic, table, { frontDoor: { cli: ['src/api/'] } });
    expect(problems).toContainEqual("src/util/c.ts:1 imports '../api/x.js': util (layer 0) imports api (layer 1), a layer above it");
    expect(problems).toContainEqual(
      "cli/main.ts:1 imports '../src/util/c.js': cli imports only src/api/ (and its own files), not src/util/c.ts",
    );
    expect(problems).toContainEqual('src/nowhere/e.ts: nowhere is in no layer (add it to the layer table)');
    expect(problems).toContainEqual("src/nowhere/e.ts:1 imports '../util/missing.js': no such file");
    expect(problems.some((p) => p.startsWith('src/util/d.ts'))).toBe(false);
    expect(problems).toHaveLength(4);
  });
});
