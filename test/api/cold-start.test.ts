/**
 * What `npm run compile` writes so that a one-bundle `validate` starts fast (docs/bench.md, cold start): the
 * bundled CLI (scripts/bundle.ts, dist/src/bundle) and the compact url index of base R4 (dist/r4/.urls.tsv).
 * Each must say exactly what the slower path it replaces says.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';

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
