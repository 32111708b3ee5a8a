/**
 * What `npm run compile` writes so that a one-bundle `validate` starts fast (docs/bench.md, cold start): the
 * bundled CLI with its code cache (scripts/bundle.ts, dist/src/bundle; src/util/script-cache.ts) and the compact
 * url index of base R4 (dist/r4/.urls.tsv). Each must say exactly what the slower path it replaces says.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCachedScript } from '../../src/util/script-cache.js';
import { repoRoot, runCli } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'medcom-cold-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const dist = join(repoRoot, 'dist');

describe('cold start artefacts (npm run compile)', () => {
  it('the bundle is stamped with the compiled CLI it was made from, so bin/medcom-ig.js uses it for validate', () => {
    const stamp = JSON.parse(readFileSync(join(dist, 'src', 'bundle', 'stamp.json'), 'utf8')) as {
      source: { size: number; mtimeMs: number; sha256: string };
    };
    const cli = join(dist, 'cli', 'medcom-ig.js');
    const st = statSync(cli);
    // size and time; the content's SHA-256 for an installed copy, whose times npm pack replaced
    expect(stamp.source).toEqual({
      size: st.size,
      mtimeMs: st.mtimeMs,
      sha256: createHash('sha256').update(readFileSync(cli)).digest('hex'),
    });
  });

  it('the bundle is CommonJS with a code cache beside its chunks, the entry and the validator among them', () => {
    const files = readdirSync(join(dist, 'src', 'bundle'));
    expect(files).toContain('medcom-ig.cjs');
    expect(files).toContain('script-cache.cjs');
    expect(files).toContain('medcom-ig.cjs.cache');
    const validation = files.find((f) => f.startsWith('validation-') && f.endsWith('.cjs'));
    expect(validation).toBeDefined();
    expect(files).toContain(`${validation}.cache`);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a package given as a .tgz loads the same from the bundle (a package import() inside the bundle is a require)', () => {
    const src = join(tmp, 'pkg');
    cpSync(join(dist, 'ig', 'medcom.fhir.dk.homecareobservation#1.2.1', 'package'), join(src, 'package'), { recursive: true });
    const tgz = join(tmp, 'hco.tgz');
    execFileSync('tar', ['czf', tgz, '-C', src, 'package']);
    const args = ['validate', '--format', 'json', '--package', tgz, 'examples/hco/1.2.1/valid/new-message-blood-pressure.json'];
    const bundled = runCli(args, { env: { ...process.env, MEDCOM_IG_DEBUG: '' } });
    const unbundled = runCli(args, { env: { ...process.env, MEDCOM_IG_DEBUG: '1' } });
    expect(bundled.stderr).toBe('');
    expect(bundled.status).toBe(0);
    expect(unbundled.stdout).toBe(bundled.stdout);
  });

  it('validate from the bundle reports exactly what dist/cli reports (MEDCOM_IG_DEBUG runs dist/cli)', () => {
    const args = [
      'validate',
      '--format',
      'json',
      '--ig',
      'hco',
      'examples/hco/valid',
      'examples/hco/invalid/bindings-required-diagnosticreport-code.json',
    ];
    const bundled = runCli(args, { env: { ...process.env, MEDCOM_IG_DEBUG: '' } });
    const unbundled = runCli(args, { env: { ...process.env, MEDCOM_IG_DEBUG: '1' } });
    expect(bundled.status).toBe(1);
    expect(unbundled.status).toBe(bundled.status);
    expect(unbundled.stdout).toBe(bundled.stdout);
    expect(JSON.parse(bundled.stdout)).toMatchObject({ summary: { files: 7 } });
  });

  it("base R4's .urls.tsv maps every url to the file .index.json maps it to (the first file of a url)", () => {
    const r4 = join(dist, 'r4');
    const index = JSON.parse(readFileSync(join(r4, '.index.json'), 'utf8')) as { files: { filename: string; url?: string }[] };
    const fromIndex = new Map<string, string>();
    for (const f of index.files) if (f.url && !fromIndex.has(f.url)) fromIndex.set(f.url, f.filename);
    const text = readFileSync(join(r4, '.urls.tsv'), 'utf8');
    expect(text.startsWith('\n')).toBe(true);
    const lines = text.split('\n').filter((l) => l !== '');
    const fromUrls = new Map(lines.map((l) => l.split('\t') as [string, string]));
    expect(fromUrls.size).toBe(lines.length);
    expect(fromUrls).toEqual(fromIndex);
    expect(fromIndex.size).toBeGreaterThan(3000);
  });
});

describe('runCachedScript (src/util/script-cache.ts)', () => {
  const chunks = (name: string): string => {
    const dir = join(tmp, name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'main.cjs'),
      'const b = require("./b.cjs");\nexports.answer = b.twice(21) + require("node:path").sep.length * 0;\n',
    );
    writeFileSync(join(dir, 'b.cjs'), 'exports.twice = (n) => n * 2;\nexports.self = this === undefined;\n');
    return dir;
  };

  it('runs chunks that require each other; writing the cache (at exit) leaves one .cache per chunk, no temporary file', () => {
    const dir = chunks('write');
    const exports = runCachedScript(join(dir, 'main.cjs')) as { answer: number };
    expect(exports.answer).toBe(42);
    expect(readdirSync(dir).filter((f) => f.endsWith('.cache'))).toEqual([]); // reading never writes
    // the build's way (scripts/bundle.ts): a process that runs the chunks with writeCache, then exits
    const loader = join(dist, 'src', 'bundle', 'script-cache.cjs');
    const code = `require(${JSON.stringify(loader)}).runCachedScript(${JSON.stringify(join(dir, 'main.cjs'))}, { writeCache: true })`;
    execFileSync(process.execPath, ['-e', code]);
    expect(
      readdirSync(dir)
        .filter((f) => /\.(cache|tmp)$/.test(f))
        .sort(),
    ).toEqual(['b.cjs.cache', 'main.cjs.cache']);
    expect((runCachedScript(join(dir, 'main.cjs')) as { answer: number }).answer).toBe(42);
  });

  it('a cache V8 rejects (here: garbage) only costs the time: the chunk is compiled as usual', () => {
    const dir = chunks('garbage');
    writeFileSync(join(dir, 'b.cjs.cache'), 'not a code cache');
    const exports = runCachedScript(join(dir, 'main.cjs')) as { answer: number };
    expect(exports.answer).toBe(42);
  });

  it('chunks run in strict mode, as the ES modules they were bundled from', () => {
    const dir = chunks('strict');
    const b = runCachedScript(join(dir, 'b.cjs')) as { self: boolean };
    expect(b.self).toBe(false); // `this` at a chunk's top is its exports, as in Node's CommonJS
    writeFileSync(join(dir, 'sloppy.cjs'), 'undeclared = 1;\n');
    expect(() => runCachedScript(join(dir, 'sloppy.cjs'))).toThrow(ReferenceError);
  });
});
