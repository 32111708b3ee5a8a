/**
 * Issue 12, the input side: special files, links out of the input folder, unreadable files, an
 * oversized stdin, package folders and tarballs, an unresolvable --profile, and outputs (--out, a
 * full or closed stdout). Every case spawns the CLI with a generous bound and asserts it ended,
 * its exit code and the rule id / file named — never message text beyond the file name.
 */
import { execFileSync, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Header } from 'tar';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPackages, PackageLoadError } from '../../src/defs/load-package.js';
import { cliBin as bin, repoRoot as root, runCli, type CliRun } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-inputs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A bound for hang tests: a run that has not ended by then is killed and the test fails. */
const HANG_BOUND_MS = 30_000;
const isRoot = process.getuid?.() === 0;
const VALID = join(root, 'examples', 'hco', 'valid', 'modified-message-revision.json');

type Run = CliRun;

function cli(args: string[], options: { input?: string | Buffer; stdin?: number; stdout?: number } = {}): Run {
  return runCli(args, { ...options, timeout: HANG_BOUND_MS });
}

interface JsonReport {
  files: { file: string; valid: boolean; profiles: string[]; issues: { ruleId: string; severity: string }[] }[];
}

/** `validate --format json`: the report, after checking the run ended. */
function validate(args: string[]): { run: Run; report: JsonReport } {
  const run = cli(['validate', '--format', 'json', ...args]);
  expect(run.timedOut, 'the run did not end within the bound').toBe(false);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  return { run, report: JSON.parse(run.stdout) as JsonReport };
}

function rulesOf(report: JsonReport, file: string): string[] {
  const f = report.files.find((x) => x.file === file);
  expect(f, `${file} is in the report`).toBeDefined();
  return f!.issues.map((i) => i.ruleId);
}

/** A folder with one valid bundle beside whatever `make` adds. */
function folder(name: string, make: (dir: string) => void): { dir: string; good: string } {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const good = join(dir, 'good.json');
  copyFileSync(VALID, good);
  make(dir);
  return { dir, good };
}

describe('validate: special files end with a per-file finding, never hang', () => {
  it('a FIFO named *.json given directly', () => {
    const fifo = join(tmp, 'direct-fifo.json');
    execFileSync('mkfifo', [fifo]);
    const { run, report } = validate([fifo]);
    expect(run.status).toBe(1);
    expect(rulesOf(report, fifo)).toEqual(['input/unreadable']);
  });

  it('a FIFO in a folder: a finding for it, the other files are validated (workers too)', () => {
    const { dir, good } = folder('fifo-folder', (d) => execFileSync('mkfifo', [join(d, 'pipe.json')]));
    const { run, report } = validate([dir, '--workers', '2']);
    expect(run.status).toBe(1);
    expect(rulesOf(report, join(dir, 'pipe.json'))).toEqual(['input/unreadable']);
    expect(rulesOf(report, good)).not.toContain('input/unreadable');
    expect(report.files.find((f) => f.file === good)!.valid).toBe(true);
  });

  it('/dev/zero behind a *.json link: given directly, in a folder, and in a folder with --follow-symlinks', () => {
    const { dir, good } = folder('zero', (d) => symlinkSync('/dev/zero', join(d, 'z.json')));
    const z = join(dir, 'z.json');
    for (const args of [[z], [dir], [dir, '--follow-symlinks']]) {
      const { run, report } = validate(args);
      expect(run.status, args.join(' ')).toBe(1);
      expect(rulesOf(report, z)).toEqual(['input/unreadable']);
      if (args[0] === dir) expect(report.files.find((f) => f.file === good)!.valid).toBe(true);
    }
  });
});

describe('validate: one bad file does not abort the run', () => {
  it('a dangling link and a link loop in a folder are findings for those files (exit 1, not "internal error")', () => {
    const { dir, good } = folder('links', (d) => {
      symlinkSync(join(d, 'nowhere.json'), join(d, 'dangling.json'));
      symlinkSync(join(d, 'loop2.json'), join(d, 'loop1.json'));
      symlinkSync(join(d, 'loop1.json'), join(d, 'loop2.json'));
    });
    const { run, report } = validate([dir]);
    expect(run.status).toBe(1);
    for (const f of ['dangling.json', 'loop1.json', 'loop2.json']) expect(rulesOf(report, join(dir, f)), f).toEqual(['input/unreadable']);
    expect(report.files.find((f) => f.file === good)!.valid).toBe(true);
    expect(report.files).toHaveLength(4);
  });

  it('a dangling link named directly is a finding for it', () => {
    const link = join(tmp, 'direct-dangling.json');
    symlinkSync(join(tmp, 'nowhere.json'), link);
    const { run, report } = validate([link, VALID]);
    expect(run.status).toBe(1);
    expect(rulesOf(report, link)).toEqual(['input/unreadable']);
  });

  it('a link leading outside the folder is refused, and read with --follow-symlinks', () => {
    const outside = join(tmp, 'outside-patient.json');
    writeFileSync(outside, JSON.stringify({ resourceType: 'Patient', id: 'outside', active: 'not-a-boolean' }));
    const { dir } = folder('out-link', (d) => symlinkSync(outside, join(d, 'leak.json')));
    const leak = join(dir, 'leak.json');
    const refused = validate([dir]);
    expect(refused.run.status).toBe(1);
    expect(rulesOf(refused.report, leak)).toEqual(['input/unreadable']);
    const followed = validate([dir, '--follow-symlinks']);
    expect(rulesOf(followed.report, leak)).not.toContain('input/unreadable');
    expect(rulesOf(followed.report, leak).length).toBeGreaterThan(0);
  });

  it('a file over --max-input-mb is a finding for it; the others are validated', () => {
    const { dir, good } = folder('large', (d) =>
      writeFileSync(join(d, 'big.json'), `{"resourceType":"Patient","text":"${'x'.repeat(3 * 1048576)}"}`),
    );
    const { run, report } = validate([dir, '--max-input-mb', '2']);
    expect(run.status).toBe(1);
    expect(rulesOf(report, join(dir, 'big.json'))).toEqual(['input/unreadable']);
    expect(report.files.find((f) => f.file === good)!.valid).toBe(true);
  });

  // root reads a chmod 000 file: as root the run drops to user nobody with setpriv, or is skipped without it
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
  it.skipIf(isRoot && !setpriv)(
    'an unreadable file and an unreadable folder (chmod 000) are findings for them (skipped as root without setpriv)',
    () => {
      const { dir, good } = folder('eacces', (d) => {
        writeFileSync(join(d, 'locked.json'), '{}');
        chmodSync(join(d, 'locked.json'), 0o000);
        mkdirSync(join(d, 'closed'));
        writeFileSync(join(d, 'closed', 'x.json'), '{}');
        chmodSync(join(d, 'closed'), 0o000);
      });
      chmodSync(tmp, 0o755);
      chmodSync(dir, 0o755);
      const args = [bin, 'validate', '--format', 'json', dir];
      let r: SpawnSyncReturns<string>;
      try {
        r = isRoot
          ? spawnSync(setpriv!, ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...args], {
              cwd: root,
              encoding: 'utf8',
              timeout: HANG_BOUND_MS,
              env: { ...process.env, HOME: tmp },
            })
          : spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: HANG_BOUND_MS });
      } finally {
        // so that the temporary folder can be removed by a user who is not root
        chmodSync(join(dir, 'closed'), 0o755);
        chmodSync(join(dir, 'locked.json'), 0o644);
      }
      expect(r.status, r.stderr).toBe(1);
      const report = JSON.parse(r.stdout) as JsonReport;
      expect(rulesOf(report, join(dir, 'locked.json'))).toEqual(['input/unreadable']);
      expect(rulesOf(report, join(dir, 'closed'))).toEqual(['input/unreadable']);
      expect(report.files.find((f) => f.file === good)!.valid).toBe(true);
    },
  );

  it('a sequence step folder with a dangling link: a finding for that file, the sequence goes on', () => {
    const { dir } = folder('sequence/step', (d) => symlinkSync(join(d, 'nowhere.json'), join(d, 'dangling.json')));
    const manifest = join(tmp, 'sequence', 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ steps: [{ action: 'share', file: 'step' }] }));
    const { run, report } = validate(['--sequence', manifest]);
    expect(run.status).toBe(1);
    expect(rulesOf(report, join(dir, 'dangling.json'))).toEqual(['input/unreadable']);
  });
});

describe('validate: standard input has a size cap', () => {
  it('an endless stdin (/dev/zero) ends within the bound with exit 2 and one line naming standard input', () => {
    const fd = openSync('/dev/zero', 'r');
    try {
      const run = cli(['validate', '-', '--max-input-mb', '16'], { stdin: fd });
      expect(run.timedOut, 'the run did not end within the bound').toBe(false);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/standard input/);
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    } finally {
      closeSync(fd);
    }
  });

  it('the default cap (256 MiB) applies without the option', () => {
    const fd = openSync('/dev/zero', 'r');
    try {
      const run = cli(['validate', '-'], { stdin: fd });
      expect(run.timedOut, 'the run did not end within the bound').toBe(false);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/standard input/);
    } finally {
      closeSync(fd);
    }
  });

  it('stdin under the cap is validated as before', () => {
    const run = cli(['validate', '-', '--format', 'json', '--max-input-mb', '1'], { input: readFileSync(VALID) });
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as JsonReport).files[0]!.file).toBe('-');
  });
});

describe('validate --profile', () => {
  it('a profile that cannot be resolved is a usage error (exit 2) naming it', () => {
    const url = 'http://example.org/fhir/StructureDefinition/no-such-profile';
    const run = cli(['validate', VALID, '--profile', url]);
    expect(run.timedOut).toBe(false);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(url);
    expect(run.stdout).toBe('');
  });

  it('--package + --profile keeps working: validated against a profile the package brings (a guard; it passed before too)', () => {
    const url = 'http://example.org/fhir/StructureDefinition/test-patient-copy';
    const sd = JSON.parse(
      readFileSync(join(root, 'dist', 'ig', 'hl7.fhir.dk.core#3.2.0', 'package', 'StructureDefinition-dk-core-patient.json'), 'utf8'),
    ) as Record<string, unknown>;
    const pkg = join(tmp, 'profile-package');
    mkdirSync(pkg);
    writeFileSync(join(pkg, 'sd.json'), JSON.stringify({ ...sd, id: 'test-patient-copy', url, version: '1.0.0' }));
    const patient = join(tmp, 'patient.json');
    writeFileSync(patient, JSON.stringify({ resourceType: 'Patient', id: 'p1' }));
    const { run, report } = validate([patient, '--package', pkg, '--profile', url]);
    expect([0, 1]).toContain(run.status);
    expect(report.files[0]!.profiles).toContain(url);
    expect(rulesOf(report, patient)).not.toContain('profiles/unknown');
  });

  it('a profile behind a link out of the --package folder is not loaded', () => {
    const url = 'http://example.org/fhir/StructureDefinition/outside-profile';
    const sd = JSON.parse(
      readFileSync(join(root, 'dist', 'ig', 'hl7.fhir.dk.core#3.2.0', 'package', 'StructureDefinition-dk-core-patient.json'), 'utf8'),
    ) as Record<string, unknown>;
    const outside = join(tmp, 'outside-sd.json');
    writeFileSync(outside, JSON.stringify({ ...sd, id: 'outside-profile', url, version: '1.0.0' }));
    const pkg = join(tmp, 'linked-package');
    mkdirSync(pkg);
    writeFileSync(join(pkg, 'other.json'), JSON.stringify({ ...sd, id: 'inside-profile', url: `${url}-inside`, version: '1.0.0' }));
    symlinkSync(outside, join(pkg, 'leak.json'));
    const run = cli(['validate', VALID, '--package', pkg, '--profile', url]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(url);
  });
});

describe('--package: special files and tarballs', () => {
  it('a FIFO named *.json in a package folder does not block: an error naming it (exit 2)', () => {
    const pkg = join(tmp, 'fifo-package');
    mkdirSync(join(pkg, 'package'), { recursive: true });
    writeFileSync(join(pkg, 'package', 'package.json'), JSON.stringify({ name: 'example.fifo', version: '1.0.0' }));
    execFileSync('mkfifo', [join(pkg, 'package', 'pipe.json')]);
    const run = cli(['validate', VALID, '--package', pkg]);
    expect(run.timedOut, 'the run did not end within the bound').toBe(false);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(join(pkg, 'package', 'pipe.json'));
  });

  it('a FIFO in a folder of conformance resources is skipped; the run goes on', () => {
    const pkg = join(tmp, 'fifo-resources');
    mkdirSync(pkg);
    execFileSync('mkfifo', [join(pkg, 'pipe.json')]);
    writeFileSync(
      join(pkg, 'vs.json'),
      JSON.stringify({ resourceType: 'ValueSet', url: 'http://example.org/vs', version: '1', status: 'draft' }),
    );
    const { run } = validate([VALID, '--package', pkg]);
    expect(run.status).toBe(0);
  });

  it('a .tgz with more entries than the cap ends quickly with exit 2 naming the file', () => {
    const bomb = join(tmp, 'entries-bomb.tgz');
    writeFileSync(bomb, tarOfEmptyFiles(60_000));
    const run = cli(['validate', VALID, '--package', bomb]);
    expect(run.timedOut, 'the run did not end within the bound').toBe(false);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(bomb);
  });

  it('caps on extracted bytes and entries (function options); the temp folder is removed on every path', async () => {
    const temp = join(tmp, 'tar-temp');
    mkdirSync(temp);
    const src = join(tmp, 'tar-src');
    mkdirSync(join(src, 'package'), { recursive: true });
    writeFileSync(join(src, 'package', 'package.json'), JSON.stringify({ name: 'example.tar', version: '1.0.0' }));
    writeFileSync(
      join(src, 'package', 'ValueSet-a.json'),
      JSON.stringify({ resourceType: 'ValueSet', id: 'a', url: 'http://example.org/vs/a', version: '1', status: 'draft' }),
    );
    for (let i = 0; i < 8; i++) writeFileSync(join(src, 'package', `zeros-${i}.bin`), Buffer.alloc(1024 * 1024));
    symlinkSync('/etc/hostname', join(src, 'package', 'Link-leak.json'));
    const tgz = join(tmp, 'zeros.tgz');
    const { create } = await import('tar');
    await create({ gzip: true, file: tgz, cwd: src }, ['package']);
    expect(readFileSync(tgz).length).toBeLessThan(200 * 1024); // 8 MiB of zeros compress well

    // too many bytes once extracted, too many entries: refused, nothing left behind
    await expect(loadPackages(tgz, { maxTarballBytes: 4 * 1024 * 1024, tempDir: temp })).rejects.toBeInstanceOf(PackageLoadError);
    await expect(loadPackages(tgz, { maxTarballBytes: 4 * 1024 * 1024, tempDir: temp })).rejects.toThrow(tgz);
    await expect(loadPackages(tgz, { maxTarballEntries: 5, tempDir: temp })).rejects.toThrow(tgz);
    expect(readdirSync(temp)).toEqual([]);
    // not a tarball at all
    const junk = join(tmp, 'junk.tgz');
    writeFileSync(junk, gzipSync(Buffer.from('not a tar archive, but long enough to look at '.repeat(40))));
    await expect(loadPackages(junk, { tempDir: temp })).rejects.toBeInstanceOf(PackageLoadError);
    expect(readdirSync(temp)).toEqual([]);
    // under the caps it loads; the link entry is not extracted; the temp folder is gone again
    const [pkg] = await loadPackages(tgz, { tempDir: temp });
    expect(pkg!.manifest.name).toBe('example.tar');
    expect(readdirSync(temp)).toEqual([]);
  });
});

describe('outputs: --out is written whole, a full or closed stdout is exit 2 with one line', () => {
  it('validate, diff and testscript --out into a folder that cannot be made: exit 2 naming the path', () => {
    const blocker = join(tmp, 'a-file');
    writeFileSync(blocker, 'x');
    const target = join(blocker, 'sub', 'report.txt');
    const hco = join(root, 'dist', 'ig', 'hl7.fhir.dk.core#3.2.0');
    const script = join(tmp, 'script.json');
    writeFileSync(
      script,
      JSON.stringify({ resourceType: 'TestScript', name: 'x', status: 'draft', url: 'http://example.org/ts', test: [] }),
    );
    for (const args of [
      ['validate', VALID, '--out', target],
      ['diff', hco, hco, '--out', target],
      ['testscript', 'run', script, '--out', target],
    ]) {
      const run = cli(args);
      expect(run.status, args[0]).toBe(2);
      expect(run.stderr, args[0]).toContain(join(blocker, 'sub'));
      expect(run.stderr, args[0]).not.toMatch(/internal error|\n\s+at /);
    }
  });

  it('validate --out replaces a report whole and leaves no temporary file (a guard; it passed before too)', () => {
    const dir = join(tmp, 'out-atomic');
    mkdirSync(dir);
    const target = join(dir, 'report.json');
    writeFileSync(target, 'old');
    const run = cli(['validate', VALID, '--format', 'json', '--out', target]);
    expect(run.status).toBe(0);
    expect((JSON.parse(readFileSync(target, 'utf8')) as JsonReport).files).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('validate > /dev/full: exit 2, one line on stderr, no stack trace', () => {
    if (!existsSync('/dev/full')) return;
    const fd = openSync('/dev/full', 'w');
    try {
      const run = cli(['validate', VALID], { stdout: fd });
      expect(run.timedOut).toBe(false);
      expect(run.status).toBe(2);
      expect(run.stderr.split('\n').filter((l) => /standard output/.test(l))).toHaveLength(1);
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    } finally {
      closeSync(fd);
    }
  });

  it('a reader that closes stdout (EPIPE): exit 2, one line on stderr', async () => {
    const child = spawn(process.execPath, [bin, 'validate', VALID, VALID, VALID, '--format', 'json'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // the reader goes away before anything is written
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    const status = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error('the run did not end within the bound'));
      }, HANG_BOUND_MS);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    expect(status).toBe(2);
    expect(stderr.split('\n').filter((l) => /standard output/.test(l))).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

/** A gzipped tar of `n` empty files under package/ (headers only: a few seconds to make 60,000). */
function tarOfEmptyFiles(n: number): Buffer {
  const blocks = Buffer.alloc((n + 2) * 512);
  for (let i = 0; i < n; i++)
    new Header({ path: `package/f${i}.json`, size: 0, type: 'File', mode: 0o644, mtime: new Date(0) }).encode(blocks, i * 512);
  return gzipSync(blocks);
}
