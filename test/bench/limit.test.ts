/**
 * Issue 18's measuring pieces that need no timing: the limit's node walk and file pass, the corpus the limit section
 * writes, and the CPU-profile summary behind scripts/bench/cpu-top.ts. No timing assertions.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { asCpuProfile, frameLabel, renderCpuSummary, summarizeProfiles, type CpuProfile } from '../../scripts/bench/cpu-profile.js';
import { countNodes, jsonFiles, limitPass } from '../../scripts/bench/limit-walk.js';
import type { InputBundle } from '../../scripts/bench/validate-common.js';
import { writeCorpus } from '../../scripts/bench/validate-limit-run.js';

const temps: string[] = [];
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'medcom-limit-test-'));
  temps.push(d);
  return d;
}
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('countNodes', () => {
  it('counts a value, every array item and every property value, recursively', () => {
    expect(countNodes(null)).toBe(1);
    expect(countNodes('text')).toBe(1);
    expect(countNodes({})).toBe(1);
    expect(countNodes([])).toBe(1);
    expect(countNodes({ a: [1, 2] })).toBe(4);
    expect(countNodes({ resourceType: 'Bundle', entry: [{ resource: { resourceType: 'Patient', active: true } }, { fullUrl: 'x' }] })).toBe(
      9,
    );
    expect(countNodes([[[[]]]])).toBe(4);
  });
});

describe('the limit pass', () => {
  it('reads every *.json file below the folders, in name order, and counts their nodes', () => {
    const d = temp();
    mkdirSync(join(d, 'a', 'sub'), { recursive: true });
    mkdirSync(join(d, 'b'));
    writeFileSync(join(d, 'a', '2.json'), '{"x":[1,2,3]}');
    writeFileSync(join(d, 'a', '1.json'), '{"y":{"z":null}}');
    writeFileSync(join(d, 'a', 'sub', '3.json'), '[]');
    writeFileSync(join(d, 'a', 'notes.txt'), 'not json');
    writeFileSync(join(d, 'b', '4.json'), '"æ"');
    const files = jsonFiles([join(d, 'a'), join(d, 'b')]);
    expect(files.map((f) => f.slice(d.length + 1))).toEqual(['a/1.json', 'a/2.json', 'a/sub/3.json', 'b/4.json']);
    const pass = limitPass(files);
    expect(pass.files).toBe(4);
    expect(pass.nodes).toBe(3 + 5 + 1 + 1);
    expect(pass.bytes).toBe(16 + 13 + 2 + 4);
  });
});

describe('writeCorpus', () => {
  it('cycles through the inputs in order, one folder per standard', () => {
    const d = temp();
    const input = (standard: InputBundle['standard'], name: string): InputBundle => ({
      standard,
      file: `/anchors/${standard}/examples/${name}`,
      profile: `http://example.org/${standard}`,
      text: `{"resourceType":"Bundle","id":"${name}"}`,
      resources: 0,
    });
    const inputs = [input('conditionlist', 'Bundle-a.json'), input('conditionlist', 'Bundle-b.json'), input('hco', 'Bundle-c.json')];
    const folders = writeCorpus(inputs, 7, d);
    expect(folders.map((f) => [f.standard, f.files])).toEqual([
      ['conditionlist', 5],
      ['hco', 2],
    ]);
    expect(readdirSync(join(d, 'hco')).sort()).toEqual(['00003-Bundle-c.json', '00006-Bundle-c.json']);
    expect(readdirSync(join(d, 'conditionlist')).length).toBe(5);
    expect(limitPass(jsonFiles(folders.map((f) => f.dir))).bytes).toBe(folders.reduce((n, f) => n + f.bytes, 0));
  });
});

/**
 * root ─┬─ main ── a ── a (recursion) ── b
 *       └─ (garbage collector)
 * Samples (ms until the next one): a 10, a(inner) 10, b 20, GC 30, main 30 — 100 ms in all. Ties are ordered by label.
 */
function synthetic(): CpuProfile {
  const frame = (functionName: string, url = '', lineNumber = -1, columnNumber = -1) => ({
    functionName,
    url,
    lineNumber,
    columnNumber,
    scriptId: '0',
  });
  return asCpuProfile({
    nodes: [
      { id: 1, callFrame: frame('(root)'), hitCount: 0, children: [2, 5] },
      { id: 2, callFrame: frame('main', 'file:///x/main.js', 0, 0), hitCount: 1, children: [3] },
      { id: 3, callFrame: frame('a', 'file:///x/lib/a.js', 4, 2), hitCount: 1, children: [4] },
      { id: 4, callFrame: frame('a', 'file:///x/lib/a.js', 4, 2), hitCount: 1, children: [6] },
      { id: 5, callFrame: frame('(garbage collector)'), hitCount: 1 },
      { id: 6, callFrame: frame('', 'file:///x/lib/b.js', 9, 0), hitCount: 1 },
    ],
    startTime: 0,
    endTime: 100_000,
    samples: [3, 4, 6, 5, 2],
    timeDeltas: [0, 10_000, 10_000, 20_000, 30_000],
  });
}

describe('the CPU profile summary (cpu-top)', () => {
  it('labels frames with their file relative to the base, 1-based positions; V8 entries as they are', () => {
    expect(frameLabel({ functionName: 'a', url: 'file:///x/lib/a.js', lineNumber: 4, columnNumber: 2 }, '/x')).toBe('a (lib/a.js:5:3)');
    expect(frameLabel({ functionName: '', url: 'node:fs', lineNumber: 0, columnNumber: 0 })).toBe('(anonymous) (node:fs:1:1)');
    expect(frameLabel({ functionName: '(program)', url: '', lineNumber: -1, columnNumber: -1 })).toBe('(program)');
  });

  it('adds up self time per function and inclusive time once per sample, even through recursion', () => {
    const s = summarizeProfiles([synthetic()], 10, '/x');
    expect(s.samples).toBe(5);
    expect(s.totalMs).toBe(100);
    expect(s.bySelf.map((c) => [c.fn, c.selfMs])).toEqual([
      ['(garbage collector)', 30],
      ['main (main.js:1:1)', 30],
      ['(anonymous) (lib/b.js:10:1)', 20],
      ['a (lib/a.js:5:3)', 20],
    ]);
    expect(s.byTotal.map((c) => [c.fn, c.totalMs])).toEqual([
      ['main (main.js:1:1)', 70],
      ['a (lib/a.js:5:3)', 40],
      ['(garbage collector)', 30],
      ['(anonymous) (lib/b.js:10:1)', 20],
    ]);
    expect(s.byTotal[0]!.totalPct).toBe(70);
    expect(s.byTotal.some((c) => c.fn === '(root)')).toBe(false);
  });

  it('keeps the top N, and several profiles add up', () => {
    const s = summarizeProfiles([synthetic(), synthetic()], 2, '/x');
    expect(s.samples).toBe(10);
    expect(s.totalMs).toBe(200);
    expect(s.bySelf.map((c) => c.selfMs)).toEqual([60, 60]);
    expect(s.byTotal.map((c) => [c.fn, c.totalMs])).toEqual([
      ['main (main.js:1:1)', 140],
      ['a (lib/a.js:5:3)', 80],
    ]);
    const table = renderCpuSummary(s).split('\n');
    expect(table.filter((l) => /^\| \d+ \|/.test(l))).toHaveLength(4);
  });

  it('refuses what is not a .cpuprofile', () => {
    expect(() => asCpuProfile({ nodes: 'x' })).toThrow();
    expect(() => asCpuProfile({ nodes: [{ id: 1 }], startTime: 0, endTime: 1 })).toThrow();
  });
});
