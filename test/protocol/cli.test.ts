import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';
import { hcoSendEvidence, notesSendEvidence, root } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-protocol-cli-'));
const dirs: string[] = [tmp];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const run = (...args: string[]): CliRun => runCli([...args]);

function noStack(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('medcom-ig protocol', () => {
  it('list names the protocols with their steps by kind', () => {
    const r = run('protocol', 'list', '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; steps: number; automated: number; manual: number }[];
    expect(rows.map((x) => x.id)).toEqual(expect.arrayContaining(['hco-send', 'hco-receive']));
    expect(rows.find((x) => x.id === 'hco-send')).toMatchObject({ steps: 52, automated: 30, manual: 4 });
    expect(rows.find((x) => x.id === 'hco-receive')).toMatchObject({ steps: 33, automated: 0, manual: 33 });
    expect(run('protocol', 'list').stdout).toMatch(/^hco-send\s+HomeCareObservation send protocol 1\.2\.0/m);
  });

  it('list marks notes-send as a draft (MedCom has published no Notes protocol)', () => {
    const rows = JSON.parse(run('protocol', 'list', '--format', 'json').stdout) as {
      id: string;
      status: string;
      steps: number;
      automated: number;
      assisted: number;
      manual: number;
    }[];
    expect(rows.find((x) => x.id === 'notes-send')).toMatchObject({ status: 'draft', steps: 53, automated: 30, assisted: 5, manual: 18 });
    expect(rows.filter((x) => x.status === 'draft').map((x) => x.id)).toEqual(['notes-send']);
    expect(run('protocol', 'list').stdout).toMatch(
      /^notes-send\s+Notes send protocol 1\.0\.0-draft\.1 \(2026-11-22\) DRAFT · checks against notes 1\.0\.0/m,
    );
  });

  it('run notes-send on evidence from our valid Notes examples exits 0, the report says DRAFT', () => {
    const evidence = notesSendEvidence();
    dirs.push(evidence);
    const out = join(tmp, 'out-notes');
    const r = run('protocol', 'run', 'notes-send', '--evidence', evidence, '--out', out);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/notes-send 1\.0\.0-draft\.1: PASS — 30 passed, 5 partial, 18 manual/);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('**DRAFT protocol (not published by MedCom)**');
    expect(existsSync(join(out, 'Notes_selftest.zip'))).toBe(true);
  });

  it('run on valid evidence exits 0 and writes the four report files; --lang da writes Danish headings', () => {
    const evidence = hcoSendEvidence();
    dirs.push(evidence);
    const vendor = join(tmp, 'vendor.json');
    writeFileSync(vendor, JSON.stringify({ company: 'ACME A/S', system: 'CarePlan', version: '4.2', testType: 'self-test' }));
    const out = join(tmp, 'out-da');
    const r = run('protocol', 'run', 'hco-send', '--evidence', evidence, '--out', out, '--vendor-file', vendor, '--lang', 'da');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/hco-send 1\.2\.0: PASS/);
    for (const f of ['report.json', 'report.md', 'report.html', 'junit.xml', 'HomeCareObservation_selftest.zip'])
      expect(existsSync(join(out, f)), f).toBe(true);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('| Teststep \\# | Handling | Testdata/testperson | Forventet resultat | Aktuelt resultat | MedCom-vurdering |');
    expect(md).toContain('| Firma | ACME A/S |');
    expect(md).toContain('☒ Egentest');
  });

  it('run exits 1 when a step fails, and names the step', () => {
    const evidence = hcoSendEvidence({
      'HomeCareObservation_3.4.2_A.json': readFileSync(
        join(root, 'examples', 'hco', 'invalid', 'types-max-length-observation-valuestring.json'),
        'utf8',
      ),
    });
    dirs.push(evidence);
    const r = run('protocol', 'run', 'hco-send', '--evidence', evidence, '--out', join(tmp, 'out-fail'));
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/failed steps: .*3\.4\.2/);
  });

  it('bad input exits 2 with a message naming the file and no stack trace', () => {
    const evidence = hcoSendEvidence();
    dirs.push(evidence);
    const cases: [string[], RegExp][] = [
      [['protocol', 'run', 'hco-send', '--evidence', join(tmp, 'nowhere'), '--out', join(tmp, 'o1')], /nowhere: no such evidence folder/],
      [
        ['protocol', 'run', 'no-such-protocol', '--evidence', evidence, '--out', join(tmp, 'o2')],
        /unknown protocol 'no-such-protocol' \(known: .*hco-send/,
      ],
      [
        [
          'protocol',
          'run',
          'hco-send',
          '--evidence',
          evidence,
          '--out',
          join(tmp, 'o3'),
          '--vendor-file',
          join(tmp, 'missing-vendor.json'),
        ],
        /missing-vendor\.json: no such vendor file/,
      ],
      [['protocol', 'run', 'hco-send', '--evidence', evidence, '--out', join(tmp, 'o4'), '--lang', 'fr'], /error/i],
      [['protocol', 'run', 'hco-send', '--out', join(tmp, 'o5')], /--evidence/],
    ];
    for (const [args, message] of cases) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      noStack(r.stderr);
    }
    // an evidence file that cannot be read (a dangling link): refused and listed, the run goes on, exit 1
    const broken = hcoSendEvidence();
    dirs.push(broken);
    symlinkSync(join(tmp, 'no-such-target.json'), join(broken, 'HomeCareObservation_3.3.2.1_A.json'));
    const b = run('protocol', 'run', 'hco-send', '--evidence', broken, '--out', join(tmp, 'o8'));
    expect(b.status).toBe(1);
    expect(b.stdout).toMatch(/refused: HomeCareObservation_3\.3\.2\.1_A\.json/);
    const brokenReport = JSON.parse(readFileSync(join(tmp, 'o8', 'report.json'), 'utf8')) as {
      evidence: { unmatched: { file: string; refused?: string }[] };
    };
    expect(brokenReport.evidence.unmatched).toContainEqual(
      expect.objectContaining({ file: 'HomeCareObservation_3.3.2.1_A.json', refused: 'dangling-link' }),
    );
    noStack(b.stderr);
    const badVendor = join(tmp, 'bad-vendor.json');
    writeFileSync(badVendor, '{"company": 1, "colour": "red"}');
    const r = run('protocol', 'run', 'hco-send', '--evidence', evidence, '--out', join(tmp, 'o6'), '--vendor-file', badVendor);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad-vendor\.json: .*company must be string/);
    noStack(r.stderr);
    const mapping = join(tmp, 'bad-mapping.json');
    writeFileSync(mapping, JSON.stringify({ steps: { '3.3.1.11': ['not-there.xml'] } }));
    const m = run('protocol', 'run', 'hco-send', '--evidence', evidence, '--out', join(tmp, 'o7'), '--mapping', mapping);
    expect(m.status).toBe(2);
    expect(m.stderr).toMatch(/bad-mapping\.json: steps\["3\.3\.1\.11"\] names not-there\.xml, which is not a file/);
    noStack(m.stderr);
  });

  it('init writes a skeleton the run reads: README, mapping template, vendor template (never evidence themselves)', () => {
    const dir = join(tmp, 'skeleton');
    const r = run('protocol', 'init', 'hco-send', '--out', dir);
    expect(r.status, r.stderr).toBe(0);
    const mapping = JSON.parse(readFileSync(join(dir, 'mapping.json'), 'utf8')) as { protocol: string; steps: Record<string, string[]> };
    expect(mapping.protocol).toBe('hco-send');
    expect(Object.keys(mapping.steps)).toHaveLength(52);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('| 3.3.1.11 | automated | HomeCareObservation_3.3.1.11_A.xml |');
    // a second init keeps what is there
    expect(run('protocol', 'init', 'hco-send', '--out', dir).stdout).toMatch(/kept .*mapping\.json/);
    // run on the empty skeleton: nothing matched wrongly, mandatory steps lack evidence → exit 1
    const out = join(tmp, 'skeleton-out');
    const res = run('protocol', 'run', 'hco-send', '--evidence', dir, '--out', out, '--vendor-file', join(dir, 'vendor.json'));
    expect(res.status, res.stderr).toBe(1);
    expect(res.stdout).toMatch(/INCOMPLETE/);
    expect(res.stdout).not.toMatch(/unmatched:/);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { evidence: { files: unknown[]; unmatched: unknown[] } };
    expect(report.evidence).toMatchObject({ files: [], unmatched: [] });
  });
});
