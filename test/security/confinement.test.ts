/**
 * Issue 12, points 3 and 4: protocol evidence and TestScript fixtures stay inside their folder.
 * Each attack puts a secret in a file outside the folder and asserts that nothing of it reaches a
 * report file, the self-test ZIP or the output; special files (FIFO, /dev/zero) end within seconds.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validationDefinitions } from '../../src/api/validate.js';
import type { Definitions } from '../../src/defs/registry.js';
import { indexEvidence } from '../../src/protocol/evidence.js';
import { ProtocolLibrary } from '../../src/protocol/load.js';
import { readBuildFolder } from '../../src/site/load.js';
import { runTestScript } from '../../src/testscript/run.js';
import { COMPLETE_MARKER, SafeFileError } from '../../src/util/fs-safe.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { hcoSendEvidence, readZip } from '../protocol/helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-confinement-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SECRET = `SECRET-OUTSIDE-${process.pid}-7f3a9c`;
/** A file outside every input folder, a FHIR Bundle whose values are the secret. */
const outside = join(tmp, 'outside');
mkdirSync(outside);
const secretFile = join(outside, 'secret.json');
writeFileSync(secretFile, JSON.stringify({ resourceType: 'Bundle', id: SECRET, type: 'collection', meta: { tag: [{ code: SECRET }] } }));

const cli = (...args: string[]): CliRun => runCli(args);

function mkfifo(path: string): void {
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo ${path} failed`);
}

const hco = new ProtocolLibrary().get('hco-send');

describe('protocol evidence stays in its folder', () => {
  it('indexEvidence refuses mapping paths with ../ and absolute paths, links out, a FIFO and /dev/zero — listed with the problem, never read', () => {
    const dir = hcoSendEvidence();
    const rel = join('..', '..', '..', '..', '..', '..', '..', '..', secretFile);
    writeFileSync(
      join(dir, 'mapping.json'),
      JSON.stringify({ protocol: 'hco-send', steps: { '3.3.1.2': [rel, secretFile, '/etc/passwd'] } }),
    );
    symlinkSync(secretFile, join(dir, 'HomeCareObservation_3.3.1.3_A.json'));
    symlinkSync('/dev/zero', join(dir, 'HomeCareObservation_3.3.1.4_A.json'));
    mkfifo(join(dir, 'HomeCareObservation_3.3.1.5_A.json'));
    const t = Date.now();
    const index = indexEvidence(hco, dir);
    expect(Date.now() - t).toBeLessThan(20_000);
    const refused = Object.fromEntries(index.unmatched.filter((u) => u.refused).map((u) => [u.file, u.refused]));
    expect(refused).toEqual({
      [rel]: 'outside-root',
      [secretFile]: 'outside-root',
      '/etc/passwd': 'outside-root',
      'HomeCareObservation_3.3.1.3_A.json': 'outside-root',
      'HomeCareObservation_3.3.1.4_A.json': 'outside-root',
      'HomeCareObservation_3.3.1.5_A.json': 'not-regular',
    });
    // the refused files are evidence for no step; the folder's own files still are
    expect(index.files.map((f) => f.file)).not.toEqual(expect.arrayContaining(['HomeCareObservation_3.3.1.3_A.json']));
    expect(index.files.map((f) => f.file)).toContain('HomeCareObservation_3.3.1.1_A.json');
    expect(index.files.some((f) => f.targets.some((x) => x.number === '3.3.1.2'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a link inside the folder to a file inside it is read; a mapping path into a subfolder is read', () => {
    const dir = hcoSendEvidence();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'msg.json'), readFileSync(join(dir, 'HomeCareObservation_3.3.2.5_A.json')));
    symlinkSync(join(dir, 'sub', 'msg.json'), join(dir, 'HomeCareObservation_3.3.1.3_A.json'));
    writeFileSync(join(dir, 'mapping.json'), JSON.stringify({ protocol: 'hco-send', steps: { '3.3.1.2': ['sub/msg.json'] } }));
    const index = indexEvidence(hco, dir);
    expect(index.unmatched.filter((u) => u.refused)).toEqual([]);
    expect(index.files.map((f) => f.file)).toEqual(expect.arrayContaining(['HomeCareObservation_3.3.1.3_A.json', 'sub/msg.json']));
    rmSync(dir, { recursive: true, force: true });
  });

  it('protocol run: nothing of the outside file reaches report.json/md/html, junit.xml or the ZIP; exit 1; a FIFO does not hang', () => {
    const dir = hcoSendEvidence();
    writeFileSync(
      join(dir, 'mapping.json'),
      JSON.stringify({
        protocol: 'hco-send',
        steps: { '3.3.1.2': [join('..', '..', '..', '..', '..', '..', '..', '..', secretFile), secretFile] },
      }),
    );
    symlinkSync(secretFile, join(dir, 'HomeCareObservation_3.3.1.3_A.json'));
    mkfifo(join(dir, 'HomeCareObservation_3.3.1.5_A.json'));
    const out = join(tmp, 'report-attack');
    const r = cli('protocol', 'run', 'hco-send', '--evidence', dir, '--out', out);
    expect(r.status, r.stderr).toBe(1);
    expect(r.ms).toBeLessThan(90_000);
    expect(r.stdout).toMatch(/refused: HomeCareObservation_3\.3\.1\.3_A\.json/);
    expect(r.stdout).toMatch(/refused: HomeCareObservation_3\.3\.1\.5_A\.json/);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    const names = readdirSync(out)
      .filter((n) => !n.startsWith('.'))
      .sort();
    expect(names).toEqual(['HomeCareObservation_selftest.zip', 'junit.xml', 'report.html', 'report.json', 'report.md']);
    for (const n of names.filter((x) => !x.endsWith('.zip'))) expect(readFileSync(join(out, n), 'utf8'), n).not.toContain(SECRET);
    const zip = readZip(readFileSync(join(out, 'HomeCareObservation_selftest.zip')));
    for (const e of zip) expect(e.data.toString('utf8'), e.name).not.toContain(SECRET);
    expect(zip.map((e) => e.name)).not.toContain('HomeCareObservation_3.3.1.3_A.json');
    expect(zip.map((e) => e.name)).toContain('HomeCareObservation_3.3.1.1_A.json');
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
      evidence: { files: { file: string }[]; unmatched: { file: string; refused?: string }[] };
    };
    expect(
      report.evidence.unmatched
        .filter((u) => u.refused)
        .map((u) => u.refused)
        .sort(),
    ).toEqual(['not-regular', 'outside-root', 'outside-root', 'outside-root']);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('--mapping and --vendor-file must be regular files: a FIFO and /dev/zero end within seconds with exit 2 naming the file', () => {
    const dir = hcoSendEvidence();
    const fifo = join(tmp, 'mapping-fifo.json');
    mkfifo(fifo);
    const a = cli('protocol', 'run', 'hco-send', '--evidence', dir, '--out', join(tmp, 'o-fifo'), '--mapping', fifo);
    expect(a.status).toBe(2);
    expect(a.stderr).toContain(fifo);
    expect(a.ms).toBeLessThan(30_000);
    const b = cli('protocol', 'run', 'hco-send', '--evidence', dir, '--out', join(tmp, 'o-zero'), '--vendor-file', '/dev/zero');
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('/dev/zero');
    expect(b.ms).toBeLessThan(30_000);
    expect(b.stderr).not.toMatch(/\n\s+at /);
    rmSync(dir, { recursive: true, force: true });
  }, 90_000);
});

describe("TestScript fixtures stay in the script's folder", () => {
  let defs: Definitions;
  beforeAll(async () => {
    defs = await validationDefinitions();
  });

  /** A script in its own folder whose fixture `doc` is `reference`, with an assert that prints the fixture's id. */
  function script(reference: string): string {
    const dir = mkdtempSync(join(tmp, 'ts-'));
    const ts = {
      resourceType: 'TestScript',
      id: 'conf',
      name: 'Conf',
      status: 'draft',
      url: 'http://example.org/TestScript/conf',
      fixture: [{ id: 'doc', autocreate: false, autodelete: false, resource: { reference } }],
      test: [
        {
          name: 'post',
          action: [
            { operation: { type: { code: 'create' }, resource: 'Bundle', encodeRequestUrl: true, sourceId: 'doc' } },
            {
              assert: {
                description: 'the id',
                direction: 'request',
                expression: 'Bundle.id',
                operator: 'equals',
                value: 'x',
                warningOnly: false,
              },
            },
          ],
        },
      ],
    };
    const file = join(dir, 'TestScript.json');
    writeFileSync(file, JSON.stringify(ts));
    return file;
  }

  it('a reference with ../ to a file outside the folder is refused: the fixture names the file and reason, its assert is an error, no value printed', async () => {
    const file = script(`../outside/secret.json`);
    const rep = await runTestScript({ file, definitions: defs });
    expect(rep.fixtures[0]).toMatchObject({ id: 'doc', missing: true, refused: 'outside-root' });
    expect(rep.fixtures[0]!.reason).toContain('secret.json');
    expect(rep.tests[0]!.asserts[0]!.outcome).toBe('error');
    expect(JSON.stringify(rep)).not.toContain(SECRET);
  });

  it('an absolute reference and a link in the folder that leads out are refused', async () => {
    const abs = await runTestScript({ file: script(secretFile), definitions: defs });
    expect(abs.fixtures[0]).toMatchObject({ missing: true, refused: 'outside-root' });
    const file = script('linked.json');
    symlinkSync(secretFile, join(file, '..', 'linked.json'));
    const linked = await runTestScript({ file, definitions: defs });
    expect(linked.fixtures[0]).toMatchObject({ missing: true, refused: 'outside-root' });
    expect(JSON.stringify(abs) + JSON.stringify(linked)).not.toContain(SECRET);
  });

  it('a --fixtures folder: a link in it that leads out is refused; a FIFO in it is refused without hanging', async () => {
    const fixtures = mkdtempSync(join(tmp, 'fx-'));
    symlinkSync(secretFile, join(fixtures, 'secret.json'));
    mkfifo(join(fixtures, 'pipe.json'));
    const a = await runTestScript({ file: script('/FHIRSandbox/secret.json'), fixtureDirs: [fixtures], definitions: defs });
    expect(a.fixtures[0]).toMatchObject({ missing: true, refused: 'outside-root' });
    const b = await runTestScript({ file: script('/FHIRSandbox/pipe.json'), fixtureDirs: [fixtures], definitions: defs });
    expect(b.fixtures[0]).toMatchObject({ missing: true, refused: 'not-regular' });
    expect(JSON.stringify(a)).not.toContain(SECRET);
  });

  it('the CLI: a fixture reference to /dev/zero ends within seconds (no 7 GB), exit 1, the fixture named; --fixture id=/dev/zero is exit 2', () => {
    const r = cli('testscript', 'run', script('/dev/zero'), '--format', 'json');
    expect(r.status, r.stderr).toBe(1);
    expect(r.ms).toBeLessThan(60_000);
    const rep = JSON.parse(r.stdout) as { fixtures: { id: string; refused?: string; reason?: string }[] };
    expect(rep.fixtures[0]).toMatchObject({ id: 'doc', refused: 'outside-root' });
    expect(rep.fixtures[0]!.reason).toContain('/dev/zero');
    const text = cli('testscript', 'run', script('../outside/secret.json'));
    expect(text.status).toBe(1);
    expect(text.stdout + text.stderr).not.toContain(SECRET);
    const given = cli('testscript', 'run', script('x.json'), '--fixture', 'doc=/dev/zero');
    expect(given.status).toBe(2);
    expect(given.stderr).toContain('/dev/zero');
    expect(given.ms).toBeLessThan(60_000);
  }, 120_000);

  it('a file the user names with --fixture may lie anywhere (it is read)', async () => {
    const rep = await runTestScript({ file: script('x.json'), fixtures: { doc: secretFile }, definitions: defs });
    expect(rep.fixtures[0]).toMatchObject({ missing: false, from: 'given' });
    expect(rep.tests[0]!.asserts[0]!.actual).toContain(SECRET);
  });
});

describe('a build folder given to the site stays in its package folders', () => {
  const build = (name: string, extra: (pkgDir: string) => void): string => {
    const dir = join(tmp, name);
    const pkgDir = join(dir, 'x.y#1.0.0', 'package');
    mkdirSync(pkgDir, { recursive: true });
    writeFileSync(join(dir, 'x.y#1.0.0', COMPLETE_MARKER), '');
    writeFileSync(join(pkgDir, 'package.json'), JSON.stringify({ name: 'x.y', version: '1.0.0', canonical: 'http://x.y' }));
    extra(pkgDir);
    return dir;
  };

  it('a link in a package folder that leads out is refused (SafeFileError naming it); a FIFO is refused without hanging', async () => {
    const linked = build('site-link', (d) => symlinkSync(secretFile, join(d, 'StructureDefinition-x.json')));
    const err = await readBuildFolder(linked).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SafeFileError);
    expect((err as SafeFileError).problem).toBe('outside-root');
    expect((err as Error).message).toContain('StructureDefinition-x.json');
    expect((err as Error).message).not.toContain(SECRET);
    const piped = build('site-fifo', (d) => mkfifo(join(d, 'pipe.json')));
    const err2 = await readBuildFolder(piped).catch((e: unknown) => e);
    expect((err2 as SafeFileError).problem).toBe('not-regular');
  });

  it('the same folder with the file itself inside is read', async () => {
    const plain = build('site-plain', (d) => writeFileSync(join(d, 'StructureDefinition-x.json'), readFileSync(secretFile)));
    const pkgs = await readBuildFolder(plain);
    expect(pkgs).toHaveLength(1);
  });
});
