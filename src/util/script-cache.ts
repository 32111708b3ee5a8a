/**
 * Runs the CommonJS build of the CLI (dist/src/bundle/cjs/, scripts/bundle.ts) with V8's code cache, so that a
 * `medcom-ig validate` process deserialises the bytecode of the functions a validation needs instead of parsing
 * and compiling them (about a seventh of a one-bundle run's instructions: docs/bench.md, "Cold start").
 *
 * Node 20 has no code cache for ES modules, hence the CommonJS build: each chunk is compiled as a `vm.Script`
 * with the cached data written beside it at build time (`<chunk>.cache`), and chunks `require` each other through
 * this loader; everything else (`node:*`, packages) goes to Node's own `require` — `import()` of a package too,
 * which the bundle writes as `require` (a `vm.Script` has no `import()` without an experimental flag). A cache V8 rejects (another
 * Node version, other V8 flags, a changed chunk) costs only the time saved: the chunk is compiled as usual.
 *
 * The cache files are written only at build time: `scripts/bundle.ts` runs the CLI on the bundled examples with
 * `writeCache` set, and on exit every chunk's cache — by then holding the bytecode of every function the run
 * compiled or took from the cache before — is written atomically (a temporary file renamed). At run time this
 * module only reads.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { Script } from 'node:vm';

/** The wrapper Node's CommonJS loader puts around a module's text. */
type ModuleWrapper = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;

interface Loaded {
  module: { exports: object };
  script: Script;
  file: string;
}

export interface ScriptCacheOptions {
  /** Write each loaded chunk's code cache on exit (build time only; it starts from the cache there is). */
  writeCache?: boolean;
}

/** Cached data for `file`, or undefined when there is none. */
function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file + '.cache');
  } catch {
    return undefined;
  }
}

/**
 * Loads `entry` (a CommonJS chunk) and the chunks it requires from its folder with their code caches. Returns
 * the entry's exports. Reads only files inside the entry's folder (the chunk names come from the bundle itself).
 */
export function runCachedScript(entry: string, options: ScriptCacheOptions = {}): object {
  const folder = dirname(resolve(entry));
  const loaded = new Map<string, Loaded>();

  const load = (file: string): object => {
    const hit = loaded.get(file);
    if (hit) return hit.module.exports;
    const text = readFileSync(file, 'utf8');
    const cachedData = readCache(file);
    // strict, as the ES modules the chunks were bundled from are
    const script = new Script("(function (exports, require, module, __filename, __dirname) {'use strict';" + text + '\n})', {
      filename: file,
      ...(cachedData ? { cachedData } : {}),
    });
    const module = { exports: {} };
    loaded.set(file, { module, script, file });
    const wrapper = script.runInThisContext() as ModuleWrapper;
    wrapper.call(module.exports, module.exports, requireFor(file), module, file, dirname(file));
    return module.exports;
  };

  const requireFor = (file: string): NodeJS.Require => {
    const outside = createRequire(file);
    const inside = (id: string): unknown => {
      if (id.startsWith('./') && id.endsWith('.cjs') && !id.includes('/', 2)) return load(join(folder, id.slice(2)));
      return outside(id);
    };
    return Object.assign(inside, { resolve: outside.resolve, cache: outside.cache, main: outside.main, extensions: outside.extensions });
  };

  if (options.writeCache) {
    process.on('exit', () => {
      for (const { script, file } of loaded.values()) {
        const tmp = `${file}.cache.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, file + '.cache');
      }
    });
  }
  return load(resolve(entry));
}
