import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { packages } from '../../profiles/index.js';
import { anchorsOrSkip } from '../helpers/shared.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'medcom-ig.js');
const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return runWithInput(undefined, ...args);
}

function runWithInput(input: string | undefined, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    ...(input !== undefined ? { input } : {}),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('medcom-ig CLI', () => {
  it('is compiled (npm run compile)', () => {
    expect(existsSync(join(root, 'dist', 'cli', 'medcom-ig.js'))).toBe(true);
  });

  it('build writes every package and exits 0', () => {
    const out = join(tmp, 'output');
    const r = run('build', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    // every package of profiles/index.ts (not a fixed count: chains are added over time)
    expect(readdirSync(out)).toHaveLength(packages.length);
    expect(r.stdout).toMatch(new RegExp(`${packages.length} packages in \\d+ ms`));
    expect(r.stderr).not.toMatch(/error /);
  });

  it('build --format json reports written packages and diagnostics', () => {
    const r = run('build', '--out', join(tmp, 'json'), '--format', 'json', '--only', 'hl7.fhir.dk.core#3.2.0');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { packages: unknown[]; diagnostics: { id: string }[] };
    // DK Core 3.2.0 and the sliver of the FHIR Extensions Pack it declares as a dependency
    expect(report.packages).toHaveLength(2);
    expect(report.diagnostics.every((d) => d.id === 'compile/invariant-quirk')).toBe(true);
  });

  it('--fail-on warning turns the reproduced quirks into exit 1', () => {
    const r = run('build', '--out', join(tmp, 'strict'), '--only', 'hl7.fhir.dk.core', '--fail-on', 'warning');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('compile/invariant-quirk');
  });

  it("--fail-on information is the one spelling (build and validate); build's old `info` still works, with a deprecation note", () => {
    // DK Core's reproduced quirks are warnings: at or above information
    const information = run('build', '--out', join(tmp, 'information'), '--only', 'hl7.fhir.dk.core', '--fail-on', 'information');
    expect(information.status, information.stderr).toBe(1);
    expect(information.stderr).not.toMatch(/deprecated/);
    const old = run('build', '--out', join(tmp, 'info'), '--only', 'hl7.fhir.dk.core', '--fail-on', 'info');
    expect(old.status, old.stderr).toBe(1);
    expect(old.stderr).toMatch(/deprecated.*--fail-on information/);
    expect(run('build', '--out', join(tmp, 'bad'), '--only', 'hl7.fhir.dk.core', '--fail-on', 'verbose').status).toBe(2);
    // a Patient without narrative: dom-6, a warning
    const file = join(tmp, 'patient.json');
    writeFileSync(file, JSON.stringify({ resourceType: 'Patient', id: 'p1' }));
    expect(run('validate', file).status).toBe(0);
    expect(run('validate', file, '--fail-on', 'information').status).toBe(1);
    expect(run('validate', file, '--fail-on', 'verbose').status).toBe(2);
  });

  it('usage errors exit 2 with a message and no stack trace', () => {
    for (const args of [['frobnicate'], ['build', '--format', 'xml'], ['build', '--nope']]) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/error/i);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it.skipIf(!anchorsOrSkip('cli parity'))('parity reports 100 % and exits 0', () => {
    const r = run('parity');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/element parity: (\d+)\/\1 = 100\.0%/);
  });
});

describe.skipIf(!anchorsOrSkip('cli validate'))('medcom-ig validate', () => {
  const official = join(root, '..', 'shared', 'anchors', 'medcom', 'conditionlist', 'examples');
  const invalid = join(
    root,
    '..',
    'shared',
    'anchors',
    'testscripts',
    'conditionlist',
    'test-examples',
    'TestExamples',
    'Receive',
    'Selftest',
    'TestExample_invalid.json',
  );

  it('accepts the official ConditionList bundles (exit 0)', () => {
    const files = readdirSync(official)
      .filter((f) => f.startsWith('Bundle-'))
      .map((f) => join(official, f));
    const r = run('validate', '--ig', 'conditionlist', ...files);
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/7 file\(s\), 7 valid; 0 error\(s\)/);
  });

  it('rejects the invalid test example with the rule id and position (exit 1)', () => {
    const r = run('validate', '--ig', 'conditionlist', invalid);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/TestExample_invalid\.json:\d+:\d+ {2}error {2}slicing\/slice-min {2}Bundle\.entry\[3\]\.resource\.category/);
  });

  it('writes OperationOutcome, JSON and JUnit', () => {
    const outcome = JSON.parse(run('validate', '--ig', 'conditionlist', '--format', 'outcome', invalid).stdout) as {
      resourceType: string;
      issue: unknown[];
    };
    expect(outcome.resourceType).toBe('OperationOutcome');
    const json = JSON.parse(run('validate', '--ig', 'conditionlist', '--format', 'json', invalid).stdout) as {
      files: { valid: boolean }[];
    };
    expect(json.files[0]!.valid).toBe(false);
    // one failure for the file, its body listing the root errors (the slice error among them)
    const junit = run('validate', '--ig', 'conditionlist', '--format', 'junit', invalid).stdout;
    expect(junit.match(/<failure /g)).toHaveLength(1);
    expect(junit).toMatch(
      /<failure type="[a-z-]+\/[a-z-]+" message="\d+ errors?( \(\+\d+ follow-on\))?">[^<]*\bslicing\/slice-min \d+:\d+ Bundle\.entry\[3\]\.resource\.category: /,
    );
  });

  it('reports unreadable input as fatal (exit 1) and a missing file as a usage error (exit 2)', () => {
    const bad = join(tmp, 'truncated.json');
    writeFileSync(bad, '{"resourceType": "Bundle", "entry": [');
    const r = run('validate', bad);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/truncated\.json:1:\d+ {2}fatal {2}input\/unreadable/);
    const missing = run('validate', join(tmp, 'nope.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.json: no such file or folder');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it('speaks Danish', () => {
    const r = run('validate', '--ig', 'conditionlist', '--lang', 'da', invalid);
    expect(r.stdout).toContain('kræver mindst');
  });

  it('--rules: business findings are marked and counted, official leaves them out, business keeps only them', () => {
    const hco = join(root, 'examples', 'business', 'hco', 'invalid', 'hco-interpretation-ni.json');
    const all = run('validate', '--ig', 'hco', hco);
    expect(all.status, all.stderr).toBe(1); // a business error makes the message invalid
    expect(all.stdout).toMatch(/error \[business\] {2}business\/hco-interpretation-ni {2}Bundle\.entry\[8\]\.resource /);
    expect(all.stdout).toContain('of these from business rules: 1 error(s)');
    const official = run('validate', '--ig', 'hco', '--rules', 'official', hco);
    expect(official.status, official.stderr).toBe(0);
    expect(official.stdout).not.toMatch(/ {2}business\//); // no business rule id (the file's path has a business/ folder)
    expect(official.stdout).toContain('[official rules only]');
    const business = run('validate', '--ig', 'hco', '--rules', 'business', '--format', 'json', hco);
    const report = JSON.parse(business.stdout) as { rules: string; files: { issues: { ruleId: string; layer: string }[] }[] };
    expect(report.rules).toBe('business');
    expect(report.files[0]!.issues.map((i) => [i.ruleId, i.layer])).toEqual([['business/hco-interpretation-ni', 'business']]);
    const wrong = run('validate', '--rules', 'some', hco);
    expect(wrong.status).toBe(2);
  });
});

describe('medcom-ig validate: XML wherever it comes from', () => {
  const xml = '<Patient xmlns="http://hl7.org/fhir"><gender value="nope"/></Patient>';

  it('reads XML from stdin', () => {
    const r = runWithInput(xml, 'validate', '-');
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/error {2}bindings\/required {2}Patient\.gender/);
  });

  it('reads XML in a file named .json, and JSON in one named .xml', () => {
    const a = join(tmp, 'really-xml.json');
    const b = join(tmp, 'really-json.xml');
    writeFileSync(a, '\uFEFF  ' + xml);
    writeFileSync(b, JSON.stringify({ resourceType: 'Patient', gender: 'nope' }));
    const r = run('validate', a, b);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/really-xml\.json:1:\d+ {2}error {2}bindings\/required/);
    expect(r.stdout).toMatch(/really-json\.xml:1:\d+ {2}error {2}bindings\/required/);
  });
});
