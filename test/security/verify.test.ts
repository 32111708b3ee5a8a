/**
 * Issue 12, found when verifying the merged fixes (the general case, not the one input):
 * - a symbolic link to a *folder* outside a validate input folder was skipped silently (exit 0, its
 *   files never validated, nothing said); it is an input/unreadable finding for the link like a link to a file;
 * - terminal escape codes from inputs reached the human lines of the CLI: `protocol run`'s summary
 *   (an evidence file's name), `diff`'s text (a package's names and texts), error lines on stderr;
 * - `docs --from` a build folder that lacks a standard's package (a build killed before writing it)
 *   was "internal error"; it is a usage error naming the folder;
 * - `protocol run --out` at the evidence folder (or a folder holding it) that carries a completion
 *   marker replaced it: the evidence was deleted; it is refused (exit 2), whatever the folder holds;
 * - `--out` naming a device, a FIFO or a link: the atomic writer renamed a regular file over it (as
 *   root, `--out /dev/null` would have replaced /dev/null itself); a device or FIFO is written in
 *   place, a link's target is replaced and the link kept.
 * Each case spawns the CLI, bounded, and asserts exit codes, rule ids and files, not message text.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  constants,
  copyFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { walkFiles } from '../../src/util/fs-safe.js';
import { repoRoot as root, runCli } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-verify-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ESC = '\u001b';
const SECRET_ID = 'outsidesecret';

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = runCli(args, { timeout: 60_000 });
  expect(r.error, 'the run ended within the bound').toBeUndefined();
  return r;
}

/** An input folder with one file of its own and links to a folder outside it (absolute and relative, nested). */
function folderWithLinkOut(): { dir: string } {
  const base = mkdtempSync(join(tmp, 'in-'));
  for (const o of ['outside', 'outside2']) {
    mkdirSync(join(base, o));
    writeFileSync(join(base, o, 'p.json'), JSON.stringify({ resourceType: 'Patient', id: SECRET_ID }));
  }
  const dir = join(base, 'in');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  writeFileSync(join(dir, 'own.json'), JSON.stringify({ resourceType: 'Patient', id: 'own' }));
  symlinkSync(join(base, 'outside'), join(dir, 'shared'));
  symlinkSync(join('..', '..', 'outside2'), join(dir, 'sub', 'up'));
  symlinkSync(join(dir, 'sub'), join(dir, 'z-inside')); // a link to a folder inside (walked after sub): walked once, not reported
  symlinkSync(join(base, 'outside'), join(dir, '.hidden')); // hidden folders are not walked: not reported either
  return { dir };
}

describe('a symbolic link to a folder outside a validate input folder', () => {
  it('walkFiles reports it (outside-root) instead of skipping it silently', () => {
    const { dir } = folderWithLinkOut();
    const entries = walkFiles(dir, (n) => n.endsWith('.json'));
    const byName = Object.fromEntries(entries.map((e) => [e.file.slice(dir.length + 1), e.problem?.problem ?? 'ok']));
    expect(byName).toEqual({ 'own.json': 'ok', shared: 'outside-root', 'sub/up': 'outside-root' });
  });

  it('validate: an input/unreadable finding for each link, the other files validated, exit 1; nothing of the folder read', () => {
    const { dir } = folderWithLinkOut();
    const r = cli(['validate', '--format', 'json', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    const report = JSON.parse(r.stdout) as { files: { file: string; issues: { ruleId: string }[] }[] };
    const rules = Object.fromEntries(report.files.map((f) => [f.file.slice(dir.length + 1), f.issues.map((i) => i.ruleId)]));
    expect(rules['shared']).toEqual(['input/unreadable']);
    expect(rules['sub/up']).toEqual(['input/unreadable']);
    expect(rules['own.json']).not.toContain('input/unreadable');
    expect(Object.keys(rules).sort()).toEqual(['own.json', 'shared', 'sub/up']);
    expect(r.stdout).not.toContain(SECRET_ID);
  });

  it('--follow-symlinks reads the folder it leads to', () => {
    const { dir } = folderWithLinkOut();
    const r = cli(['validate', '--format', 'json', '--follow-symlinks', dir]);
    const report = JSON.parse(r.stdout) as { files: { file: string; issues: { ruleId: string }[] }[] };
    expect(report.files.map((f) => f.file.slice(dir.length + 1)).sort()).toEqual(['own.json', 'shared/p.json', 'sub/up/p.json']);
    expect(report.files.flatMap((f) => f.issues.map((i) => i.ruleId))).not.toContain('input/unreadable');
  });
});

describe("no terminal escape codes from inputs in the CLI's human lines", () => {
  it('protocol run: an evidence file named with ESC sequences is listed on stdout as \\u001b…, never raw', () => {
    const ev = mkdtempSync(join(tmp, 'ev-'));
    copyFileSync(join(root, 'examples', 'hco', 'valid', 'new-message-quantity.xml'), join(ev, 'HomeCareObservation_3.3.1.11_A.xml'));
    writeFileSync(join(ev, `HomeCareObservation_3.4.2_A${ESC}[31m${ESC}]0;title\u0007.txt`), 'x');
    writeFileSync(join(ev, `notes${ESC}[2J\u009b1m\u202e.txt`), 'x');
    const r = cli(['protocol', 'run', 'hco-send', '--evidence', ev, '--out', join(tmp, `out-${Date.now()}`)]);
    expect([0, 1]).toContain(r.status);
    expect(r.stdout).toMatch(/^unmatched: .*\\u001b\[31m/m);
    for (const c of [ESC, '\u0007', '\u009b', '\u202e']) {
      expect(r.stdout).not.toContain(c);
      expect(r.stderr).not.toContain(c);
    }
  });

  it('diff text: names, urls and element paths of a package are shown as \\u001b…', () => {
    const a = mkdtempSync(join(tmp, 'a-'));
    const b = mkdtempSync(join(tmp, 'b-'));
    for (const [dir, min] of [
      [a, 0],
      [b, 1],
    ] as const) {
      const element = [
        { id: 'Patient', path: 'Patient', min: 0, max: '*' },
        { id: `Patient.x${ESC}[31m`, path: `Patient.x${ESC}[31m`, min, max: '1', type: [{ code: 'code' }] },
      ];
      writeFileSync(
        join(dir, 'sd.json'),
        JSON.stringify({
          resourceType: 'StructureDefinition',
          id: 'x',
          url: `http://example.org/x${ESC}[31m`,
          version: '1',
          name: `X${ESC}]0;pwned\u0007`,
          status: 'active',
          kind: 'resource',
          abstract: false,
          type: 'Patient',
          baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Patient',
          derivation: 'constraint',
          differential: { element },
          snapshot: { element },
        }),
      );
    }
    const r = cli(['diff', a, b]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('cardinality-tightened');
    expect(r.stdout).toContain('\\u001b');
    expect(r.stdout).not.toContain(ESC);
    expect(r.stdout).not.toContain('\u0007');
  });

  it('an error line naming a file with ESC in its name (stderr) shows it as \\u001b…, exit 2', () => {
    const dir = mkdtempSync(join(tmp, 'err-'));
    const r = cli(['validate', join(dir, `missing${ESC}[31m.json`)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('\\u001b[31m');
    expect(r.stderr).not.toContain(ESC);
  });
});

describe('protocol run --out at the evidence folder, or a folder holding it, with a completion marker', () => {
  for (const where of ['the evidence folder', 'its parent'] as const) {
    it(`${where}: exit 2, the evidence left as it was`, () => {
      const parent = mkdtempSync(join(tmp, 'planted-'));
      const ev = join(parent, 'ev');
      mkdirSync(ev);
      const msg = join(ev, 'HomeCareObservation_3.3.1.11_A.xml');
      copyFileSync(join(root, 'examples', 'hco', 'valid', 'new-message-quantity.xml'), msg);
      const out = where === 'the evidence folder' ? ev : parent;
      writeFileSync(join(out, '.medcom-ig-complete'), 'written completely by medcom-ig\n');
      const r = cli(['protocol', 'run', 'hco-send', '--evidence', ev, '--out', out]);
      expect(r.status).toBe(2);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(readFileSync(msg)).toEqual(readFileSync(join(root, 'examples', 'hco', 'valid', 'new-message-quantity.xml')));
    });
  }
});

describe("docs --from a build folder without a standard's package", () => {
  it('is exit 2 naming the folder, not an internal error', () => {
    const out = mkdtempSync(join(tmp, 'build-'));
    // a complete package folder of something else, as a build killed before writing the standards leaves it
    const pkg = join(out, 'example.other#1.0.0');
    mkdirSync(join(pkg, 'package'), { recursive: true });
    writeFileSync(
      join(pkg, 'package', 'package.json'),
      JSON.stringify({ name: 'example.other', version: '1.0.0', fhirVersions: ['4.0.1'] }),
    );
    writeFileSync(join(pkg, '.medcom-ig-complete'), 'written completely by medcom-ig\n');
    const r = cli(['docs', '--from', out, '--out', join(tmp, `site-${Date.now()}`), '--ig', 'hco']);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(r.stderr).toContain(out);
  });
});

describe('--out naming a device, a FIFO or a symbolic link', () => {
  const VALID = join(root, 'examples', 'hco', 'valid', 'new-message-quantity.json');

  it('a FIFO stays a FIFO and its reader gets the report, exit 0', () => {
    const dir = mkdtempSync(join(tmp, 'fifo-'));
    const fifo = join(dir, 'report.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK); // a reader, so the writer's open does not wait
    try {
      const r = cli(['validate', '--format', 'json', '--out', fifo, VALID]);
      expect(r.status).toBe(0);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      const buf = Buffer.alloc(1 << 16);
      const n = readSync(reader, buf, 0, buf.length, null);
      expect((JSON.parse(buf.subarray(0, n).toString('utf8')) as { files: unknown[] }).files).toHaveLength(1);
    } finally {
      closeSync(reader);
    }
  });

  it.runIf(process.getuid?.() === 0)('a character device (a null device made with mknod) stays a device, exit 0', () => {
    const dir = mkdtempSync(join(tmp, 'dev-'));
    const dev = join(dir, 'null');
    expect(spawnSync('mknod', [dev, 'c', '1', '3']).status).toBe(0);
    const r = cli(['validate', '--out', dev, VALID]);
    expect(r.status).toBe(0);
    expect(lstatSync(dev).isCharacterDevice()).toBe(true);
  });

  it('/dev/stdout appended to a file (>> log): the earlier content kept, the report added, the file not replaced', () => {
    const dir = mkdtempSync(join(tmp, 'stdout-'));
    const log = join(dir, 'log.txt');
    writeFileSync(log, 'earlier line\n');
    const before = lstatSync(log).ino;
    const fd = openSync(log, 'a');
    try {
      const r = runCli(['validate', '--format', 'json', '--out', '/dev/stdout', VALID], { stdin: 'ignore', stdout: fd, timeout: 60_000 });
      expect(r.status).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(lstatSync(log).ino).toBe(before);
    const text = readFileSync(log, 'utf8');
    expect(text.startsWith('earlier line\n')).toBe(true);
    expect((JSON.parse(text.slice('earlier line\n'.length)) as { files: unknown[] }).files).toHaveLength(1);
  });

  it('a symbolic link is kept and the file it leads to gets the report', () => {
    const dir = mkdtempSync(join(tmp, 'link-'));
    writeFileSync(join(dir, 'target.json'), 'old');
    symlinkSync('target.json', join(dir, 'report.json'));
    const r = cli(['validate', '--format', 'json', '--out', join(dir, 'report.json'), VALID]);
    expect(r.status).toBe(0);
    expect(lstatSync(join(dir, 'report.json')).isSymbolicLink()).toBe(true);
    expect((JSON.parse(readFileSync(join(dir, 'target.json'), 'utf8')) as { files: unknown[] }).files).toHaveLength(1);
  });
});
