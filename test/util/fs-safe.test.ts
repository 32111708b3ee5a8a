import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import {
  COMPLETE_MARKER,
  isCompleteFolder,
  readFileSafe,
  readStreamCapped,
  SafeFileError,
  walkFiles,
  writeFileAtomic,
  writeFolderAtomic,
} from '../../src/util/fs-safe.js';

const dir = mkdtempSync(join(tmpdir(), 'medcom-fs-safe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problem(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof SafeFileError) return e.problem;
    throw e;
  }
  return undefined;
}

describe('readFileSafe', () => {
  const root = join(dir, 'root');
  mkdirSync(root);
  writeFileSync(join(root, 'a.json'), '{"resourceType":"Patient"}');
  writeFileSync(join(dir, 'outside.json'), '{"secret":true}');
  symlinkSync(join(dir, 'outside.json'), join(root, 'out-link.json'));
  symlinkSync(join(root, 'a.json'), join(root, 'in-link.json'));
  symlinkSync(join(root, 'nowhere.json'), join(root, 'dangling.json'));
  symlinkSync(join(root, 'loop2.json'), join(root, 'loop1.json'));
  symlinkSync(join(root, 'loop1.json'), join(root, 'loop2.json'));
  symlinkSync('/dev/zero', join(root, 'zero.json'));

  it('reads a regular file inside its root', () => {
    expect(readFileSafe(join(root, 'a.json'), { root }).toString()).toContain('Patient');
    expect(readFileSafe(join(root, 'in-link.json'), { root }).toString()).toContain('Patient');
  });
  it('refuses a link leading outside the root, unless told to follow links', () => {
    expect(problem(() => readFileSafe(join(root, 'out-link.json'), { root }))).toBe('outside-root');
    expect(problem(() => readFileSafe(join(root, '..', 'outside.json'), { root }))).toBe('outside-root');
    expect(readFileSafe(join(root, 'out-link.json'), { root, followSymlinks: true }).toString()).toContain('secret');
  });
  it('names dangling links, loops and missing files', () => {
    expect(problem(() => readFileSafe(join(root, 'dangling.json'), { root }))).toBe('dangling-link');
    expect(problem(() => readFileSafe(join(root, 'loop1.json'), { root }))).toBe('link-loop');
    expect(problem(() => readFileSafe(join(root, 'none.json')))).toBe('missing');
  });
  it('refuses devices and FIFOs without blocking', () => {
    expect(problem(() => readFileSafe(join(root, 'zero.json'), { followSymlinks: true }))).toBe('not-regular');
    execFileSync('mkfifo', [join(root, 'fifo.json')]);
    const started = Date.now();
    expect(problem(() => readFileSafe(join(root, 'fifo.json'), { root }))).toBe('not-regular');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(problem(() => readFileSafe(root))).toBe('is-folder');
  });
  it('caps the size', () => {
    writeFileSync(join(root, 'big.json'), 'x'.repeat(2000));
    expect(problem(() => readFileSafe(join(root, 'big.json'), { maxBytes: 1999 }))).toBe('too-large');
    expect(readFileSafe(join(root, 'big.json'), { maxBytes: 2000 }).length).toBe(2000);
  });
  it('reports an unreadable file', () => {
    if (process.getuid?.() === 0) return; // root reads everything
    writeFileSync(join(root, 'locked.json'), '{}');
    chmodSync(join(root, 'locked.json'), 0);
    expect(problem(() => readFileSafe(join(root, 'locked.json')))).toBe('permission');
  });
});

describe('walkFiles', () => {
  it('lists files with per-file problems instead of failing', () => {
    const root = join(dir, 'walk');
    mkdirSync(join(root, 'sub'), { recursive: true });
    writeFileSync(join(root, 'b.json'), '{}');
    writeFileSync(join(root, 'sub', 'c.xml'), '<x/>');
    writeFileSync(join(root, 'notes.txt'), '');
    symlinkSync(join(root, 'missing.json'), join(root, 'dangling.json'));
    symlinkSync(join(dir, 'outside.json'), join(root, 'out.json'));
    symlinkSync(root, join(root, 'sub', 'back')); // a folder loop
    const entries = walkFiles(root, (n) => /\.(json|xml)$/.test(n));
    const byName = Object.fromEntries(entries.map((e) => [e.file.slice(root.length + 1), e.problem?.problem ?? 'ok']));
    expect(byName).toEqual({ 'b.json': 'ok', 'dangling.json': 'dangling-link', 'out.json': 'outside-root', 'sub/c.xml': 'ok' });
  });
});

describe('readStreamCapped', () => {
  it('stops reading past the cap', async () => {
    await expect(readStreamCapped(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), '-', 1000)).rejects.toMatchObject({
      problem: 'too-large',
      file: 'standard input',
    });
    expect((await readStreamCapped(Readable.from([Buffer.alloc(600)]), '-', 1000)).length).toBe(600);
  });
});

describe('atomic writes', () => {
  it('writeFileAtomic replaces the file and leaves no temporary file', () => {
    const f = join(dir, 'w', 'report.json');
    writeFileAtomic(f, 'one');
    writeFileAtomic(f, 'two');
    expect(readFileSync(f, 'utf8')).toBe('two');
    expect(readdirSync(join(dir, 'w'))).toEqual(['report.json']);
  });
  it('names the path when it cannot write', () => {
    const e = (() => {
      try {
        writeFileAtomic('/proc/version/x', 'x');
      } catch (x) {
        return x;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(SafeFileError);
    expect((e as SafeFileError).file).toContain('/proc/version');
  });
  it('writeFolderAtomic keeps the old folder when filling fails, and marks a complete one', async () => {
    const target = join(dir, 'pkg');
    await writeFolderAtomic(target, (s) => writeFileSync(join(s, 'a.json'), '1'));
    expect(isCompleteFolder(target)).toBe(true);
    await expect(
      writeFolderAtomic(target, (s) => {
        writeFileSync(join(s, 'a.json'), '2');
        throw new Error('killed');
      }),
    ).rejects.toThrow();
    expect(readFileSync(join(target, 'a.json'), 'utf8')).toBe('1');
    expect(readdirSync(dir).filter((n) => n.includes('staging'))).toEqual([]);
    expect(existsSync(join(target, COMPLETE_MARKER))).toBe(true);
  });
});
