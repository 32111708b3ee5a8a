/**
 * Issue 12, point 7: outputs are atomic. A `protocol run` or `build` killed (SIGKILL) at moments
 * spread over its run leaves the old complete output or none — never a part — and no staging folder
 * is taken for output; `docs --from` refuses a package folder without its completion marker; disk
 * errors (a full disk, a place where no folder can be made, a file in the way) name the path, exit 2.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { list } from 'tar';
import { afterAll, describe, expect, it } from 'vitest';
import {
  COMPLETE_MARKER,
  folderReplaceProblem,
  isCompleteFolder,
  makeFolder,
  SafeFileError,
  writeFolderAtomic,
  writeFolderAtomicSync,
} from '../../src/util/fs-safe.js';
import { runCli, startCli, type CliRun } from '../helpers/cli.js';
import { hcoSendEvidence, readZip, root } from '../protocol/helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-atomic-'));
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) spawnSync('umount', [m]);
  rmSync(tmp, { recursive: true, force: true });
});

const cli = (...args: string[]): CliRun => runCli(args, { timeout: 180_000 });

/** Start the CLI and SIGKILL it after `delay` ms (or let it end first); resolves when the process is gone. */
function killAfter(delay: number, args: string[]): Promise<'killed' | 'ended'> {
  return new Promise((resolve) => {
    const child = startCli(args);
    const timer = setTimeout(() => child.kill('SIGKILL'), delay);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 'killed' : 'ended');
    });
  });
}

/**
 * Start the CLI, watch `parent` for its staging folder (`.<name>.staging.<pid>.*`) and SIGKILL it `delay` ms
 * after that appears — so the kill lands while the output is being written.
 */
function killWhileWriting(delay: number, args: string[], parent: string): Promise<'killed' | 'ended'> {
  return new Promise((resolve) => {
    const child = startCli(args);
    const poll = setInterval(() => {
      let names: string[] = [];
      try {
        names = readdirSync(parent);
      } catch {
        /* not made yet */
      }
      if (names.some((n) => n.includes(`.staging.${child.pid}.`))) {
        clearInterval(poll);
        setTimeout(() => child.kill('SIGKILL'), delay);
      }
    }, 2);
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      resolve(signal === 'SIGKILL' ? 'killed' : 'ended');
    });
  });
}

/**
 * Leftovers of a killed run in `parent` are hidden and never complete, so never taken for output;
 * `visible`: the names that may be seen (the output itself).
 */
function noStagingTakenForOutput(parent: string, visible: (name: string) => boolean): void {
  for (const n of readdirSync(parent)) {
    if (visible(n)) continue;
    expect(n.startsWith('.'), `${n} in ${parent}`).toBe(true);
    if (statSync(join(parent, n)).isDirectory() && n.includes('.staging.')) expect(isCompleteFolder(join(parent, n)), n).toBe(false);
  }
}

describe('the folder writer (src/util/fs-safe.ts)', () => {
  it("makeFolder under /proc ends at once with the folder named (Node's recursive mkdir spins there forever)", () => {
    const t = Date.now();
    let caught: unknown;
    try {
      makeFolder('/proc/medcom-ig-x/y/z');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SafeFileError);
    expect((caught as SafeFileError).file).toBe('/proc/medcom-ig-x');
    expect(Date.now() - t).toBeLessThan(5_000);
    const file = join(tmp, 'in-the-way');
    writeFileSync(file, 'x');
    expect(() => makeFolder(join(file, 'a'))).toThrow(SafeFileError);
  });

  it('folderReplaceProblem: absent, empty, complete or own files only may be replaced; other files, a file or a link may not', () => {
    const base = mkdtempSync(join(tmp, 'frp-'));
    expect(folderReplaceProblem(join(base, 'absent'))).toBeUndefined();
    mkdirSync(join(base, 'empty'));
    expect(folderReplaceProblem(join(base, 'empty'))).toBeUndefined();
    mkdirSync(join(base, 'own'));
    writeFileSync(join(base, 'own', 'report.json'), '{');
    expect(folderReplaceProblem(join(base, 'own'), (n) => n === 'report.json')).toBeUndefined();
    expect(folderReplaceProblem(join(base, 'own'))).toMatch(/report\.json/);
    writeFileSync(join(base, 'own', COMPLETE_MARKER), '');
    expect(folderReplaceProblem(join(base, 'own'))).toBeUndefined();
    writeFileSync(join(base, 'file'), 'x');
    expect(folderReplaceProblem(join(base, 'file'))).toBeDefined();
  });

  it('a failing fill leaves the old folder as it was and no staging folder; leftovers of a dead process are removed by the next write', async () => {
    const base = mkdtempSync(join(tmp, 'wfa-'));
    const out = join(base, 'out');
    writeFolderAtomicSync(out, (d) => writeFileSync(join(d, 'a.txt'), 'old'));
    await expect(
      writeFolderAtomic(out, (d) => {
        writeFileSync(join(d, 'a.txt'), 'new');
        throw new Error('disk on fire');
      }),
    ).rejects.toThrow(SafeFileError);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('old');
    expect(readdirSync(base)).toEqual(['out']);
    // a staging folder of a process that no longer runs (pid 2^22 + 1 is above Linux's pid_max)
    mkdirSync(join(base, '.out.staging.4194305.0badc0de'));
    writeFolderAtomicSync(out, (d) => writeFileSync(join(d, 'a.txt'), 'newer'));
    expect(readdirSync(base)).toEqual(['out']);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('newer');
  });
});

describe('protocol run --out is atomic', () => {
  /** The report folder is complete and of one run: every file parses, the ZIP's report.md is the folder's. */
  function completeReport(out: string): string {
    expect(isCompleteFolder(out), `${out} has the marker`).toBe(true);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { generatedAt: string; evidence: { files: unknown[] } };
    expect(json.evidence.files.length).toBeGreaterThan(5);
    expect(XMLValidator.validate(readFileSync(join(out, 'junit.xml'), 'utf8'))).toBe(true);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/<\/html>\s*$/);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    const zip = readZip(readFileSync(join(out, 'HomeCareObservation_selftest.zip')));
    expect(zip.find((e) => e.name === 'report.md')?.data.toString('utf8')).toBe(md);
    expect(md).toContain(json.generatedAt);
    return json.generatedAt;
  }

  it('a run killed (SIGKILL) at moments spread over it leaves the previous complete report or none, never a part', async () => {
    // a large screenshot makes the write phase (ZIP) long enough to be hit
    const evidence = hcoSendEvidence();
    writeFileSync(join(evidence, 'HomeCareObservation_3.3.1.8_B.png'), randomBytes(24 * 1024 * 1024));
    const parent = join(tmp, 'p-run');
    mkdirSync(parent);
    const out = join(parent, 'report');
    const args = ['protocol', 'run', 'hco-send', '--evidence', evidence, '--out', out];
    const first = cli(...args);
    expect(first.status, first.stderr).toBe(0);
    let previous = completeReport(out);
    // kills spread over the run, then kills timed from the moment its staging folder appears (mid-write)
    const kills: (() => Promise<'killed' | 'ended'>)[] = [
      ...[0, 0.2, 0.5, 0.8].map((f) => () => killAfter(Math.round(first.ms * f), args)),
      ...[0, 5, 20, 50, 100, 200, 400, 800].map((d) => () => killWhileWriting(d, args, parent)),
    ];
    const seen = { killed: 0, ended: 0, absent: 0, old: 0, replaced: 0 };
    for (const kill of kills) {
      const how = await kill();
      seen[how]++;
      noStagingTakenForOutput(parent, (n) => n === 'report');
      if (!existsSync(out)) {
        seen.absent++;
        continue;
      }
      const now = completeReport(out);
      if (now === previous) seen.old++;
      else {
        seen.replaced++;
        previous = now;
      }
    }
    expect(seen.killed).toBeGreaterThan(3);
    // a later run writes a complete report again and removes what the killed runs left
    expect(cli(...args).status).toBe(0);
    completeReport(out);
    expect(readdirSync(parent)).toEqual(['report']);
    console.log(`protocol run kills: ${JSON.stringify(seen)} (run ${first.ms} ms)`);
    rmSync(evidence, { recursive: true, force: true });
  }, 600_000);

  it('--out naming a folder that holds other files is refused (exit 2, the folder named) and left as it was', () => {
    const evidence = hcoSendEvidence();
    const out = join(tmp, 'foreign');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const r = cli('protocol', 'run', 'hco-send', '--evidence', evidence, '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(out);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(readdirSync(out)).toEqual(['notes.txt']);
    // a report folder of an older version (the report files only, no marker) is replaced
    const older = join(tmp, 'older');
    mkdirSync(older);
    writeFileSync(join(older, 'report.json'), '{"truncat');
    expect(cli('protocol', 'run', 'hco-send', '--evidence', evidence, '--out', older).status).toBe(0);
    expect(isCompleteFolder(older)).toBe(true);
    rmSync(evidence, { recursive: true, force: true });
  }, 240_000);

  it('a place where no folder can be made, a file in the way: exit 2 within seconds, the path and reason named (no "internal error", no "ENOENT: mkdir")', () => {
    const evidence = hcoSendEvidence();
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'x');
    for (const out of ['/proc/medcom-ig-report/x', '/sys/medcom-ig-report', join(file, 'report')]) {
      const r = cli('protocol', 'run', 'hco-send', '--evidence', evidence, '--out', out);
      expect(r.status, out).toBe(2);
      expect(r.ms, out).toBeLessThan(60_000);
      expect(r.stderr, out).toMatch(/^medcom-ig: \/(proc|sys|tmp)\S*: /);
      expect(r.stderr, out).not.toMatch(/internal error|ENOENT: |\n\s+at /);
    }
    rmSync(evidence, { recursive: true, force: true });
  }, 240_000);

  it('a full disk: "<path>: the disk is full", exit 2, nothing partial left', (ctx) => {
    const small = join(tmp, 'small');
    mkdirSync(small);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', small]).status !== 0) ctx.skip();
    mounts.push(small);
    const evidence = hcoSendEvidence();
    writeFileSync(join(evidence, 'HomeCareObservation_3.3.1.8_B.png'), randomBytes(2 * 1024 * 1024));
    const out = join(small, 'report');
    const r = cli('protocol', 'run', 'hco-send', '--evidence', evidence, '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^medcom-ig: ${out}/\\S+: the disk is full`));
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(small)).toEqual([]);
    rmSync(evidence, { recursive: true, force: true });
  }, 240_000);
});

describe('build --out is atomic per package; docs --from refuses a package without its marker', () => {
  const ONLY = 'medcom.fhir.dk.homecareobservation';

  /** Every package folder is complete: marker, package.json and every indexed file parse, the tgz lists package/. */
  async function completePackages(out: string): Promise<number> {
    let n = 0;
    for (const f of readdirSync(out)) {
      if (f.startsWith('.')) continue;
      const dir = join(out, f);
      expect(isCompleteFolder(dir), `${f} has the marker`).toBe(true);
      JSON.parse(readFileSync(join(dir, 'package', 'package.json'), 'utf8'));
      const index = JSON.parse(readFileSync(join(dir, 'package', '.index.json'), 'utf8')) as { files: { filename: string }[] };
      for (const e of index.files) JSON.parse(readFileSync(join(dir, 'package', e.filename), 'utf8'));
      const entries: string[] = [];
      await list({
        file: join(dir, 'package.tgz'),
        onReadEntry: (e) => {
          entries.push(e.path);
        },
      });
      expect(entries).toContain('package/package.json');
      n++;
    }
    return n;
  }

  it('a build killed at moments spread over it leaves each package folder complete (marker) or absent', async () => {
    const parent = join(tmp, 'p-build');
    mkdirSync(parent);
    const out = join(parent, 'out');
    const args = ['build', '--out', out, '--only', ONLY];
    const first = cli(...args);
    expect(first.status, first.stderr).toBe(0);
    const count = await completePackages(out);
    expect(count).toBeGreaterThan(3);
    let killed = 0;
    const kills: (() => Promise<'killed' | 'ended'>)[] = [
      ...[0.3, 0.7].map((f) => () => killAfter(Math.round(first.ms * f), args)),
      ...[0, 10, 50, 200].map((d) => () => killWhileWriting(d, args, out)),
    ];
    for (const kill of kills) {
      if ((await kill()) === 'killed') killed++;
      noStagingTakenForOutput(out, (n) => !n.startsWith('.'));
      await completePackages(out);
    }
    expect(killed).toBeGreaterThan(2);
    // a build from scratch killed half-way: the folders there are complete
    const fresh = join(parent, 'fresh');
    mkdirSync(fresh);
    await killWhileWriting(300, ['build', '--out', fresh, '--only', ONLY], fresh);
    if (existsSync(fresh)) await completePackages(fresh);
  }, 600_000);

  it('docs --from a build folder with a package folder lacking the marker: exit 2 naming that folder', () => {
    const from = join(tmp, 'from');
    mkdirSync(from);
    const pkg = readdirSync(join(root, 'dist', 'ig')).find((f) => f.startsWith('medcom.fhir.dk.core#'))!;
    cpSync(join(root, 'dist', 'ig', pkg), join(from, pkg), { recursive: true });
    unlinkSync(join(from, pkg, COMPLETE_MARKER));
    const r = cli('docs', '--out', join(tmp, 'site'), '--from', from, '--ig', 'hco');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(join(from, pkg));
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(join(tmp, 'site'))).toBe(false);
  }, 240_000);

  it('build --out into a read-only place (/sys) or under a file: exit 2 naming the path', () => {
    const file = join(tmp, 'b-file');
    writeFileSync(file, 'x');
    for (const out of ['/sys/medcom-ig-build', join(file, 'out')]) {
      const r = cli('build', '--out', out, '--only', ONLY);
      expect(r.status, out).toBe(2);
      expect(r.stderr, out).toMatch(/^medcom-ig: \/(sys|tmp)\S*: /m);
      expect(r.stderr, out).not.toMatch(/internal error|\n\s+at /);
    }
  }, 240_000);
});
