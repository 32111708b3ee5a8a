/**
 * `validate --context <folder|package>` through the CLI (bin/medcom-ig.js, after `npm run compile`): a standalone
 * HCO DiagnosticReport's performer slices (resolve() discriminators) are slicing/not-checked without it (exit 0)
 * and checked with the referenced resources as context (met: exit 0; a target that does not fit: exit 1), also in
 * worker threads; a reference whose URL names a disallowed type is exit 1; a context path that does not exist or
 * holds no resource is exit 2 naming it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';
import {
  hcoReport,
  ORG,
  organization as organizationOf,
  PRACTITIONER,
  practitioner as practitionerOf,
  role as roleOf,
} from '../helpers/context-resources.js';

const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-cli-context-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (...args: string[]): CliRun => runCli([...args]);

function write(name: string, value: unknown): string {
  const file = join(tmp, name);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
}

const organization = organizationOf();
const role = roleOf();
const practitioner = practitionerOf();
const report = hcoReport();

interface Finding {
  ruleId: string;
  severity: string;
  location: { fhirpath: string };
}
const findings = (stdout: string, prefix: string): string[] =>
  (JSON.parse(stdout) as { files: { issues: Finding[] }[] }).files
    .flatMap((f) => f.issues)
    .filter((i) => i.ruleId.startsWith(prefix))
    .map((i) => `${i.ruleId} ${i.severity} at ${i.location.fhirpath}`);

describe('validate --context', () => {
  const file = write('in/report.json', report);
  const copy = write('in2/a.json', report);
  write('in2/b.json', report);
  const context = join(tmp, 'context');
  write('context/Organization.json', organization);
  write('context/roles/PractitionerRole.json', role);
  write(
    'context/Practitioner.xml',
    `<Practitioner xmlns="http://hl7.org/fhir"><id value="${PRACTITIONER}"/><meta><profile value="http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-practitioner"/></meta><name><given value="Mia"/></name><telecom><system value="phone"/><value value="+45 05577668"/></telecom></Practitioner>`,
  );
  const unfit = join(tmp, 'unfit');
  write('unfit/Organization.json', { resourceType: 'Organization', id: ORG, name: 'no identifiers' });
  write('unfit/PractitionerRole.json', role);
  write('unfit/Practitioner.json', practitioner);

  it('is in validate --help', () => {
    const r = run('validate', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--context <folder|package>');
  });

  it('without it, the resolve() slices of a standalone report are not checked: information, exit 0', () => {
    const r = run('validate', file, '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    expect(findings(r.stdout, 'slicing/')).toEqual([
      'slicing/not-checked information at DiagnosticReport.performer',
      'slicing/not-checked information at DiagnosticReport.performer',
    ]);
  });

  it('with the referenced resources as context (JSON and XML, nested folders), they are checked: exit 0', () => {
    const r = run('validate', file, '--context', context, '--format', 'json');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(findings(r.stdout, 'slicing/')).toEqual([]);
  });

  it('in worker threads too', () => {
    const r = run('validate', join(copy, '..'), '--workers', '2', '--context', context, '--format', 'json');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(findings(r.stdout, 'slicing/')).toEqual([]);
  });

  it('a context target that does not fit its slice is an error: exit 1', () => {
    const r = run('validate', file, '--context', unfit, '--format', 'json');
    expect(r.status, r.stderr).toBe(1);
    expect(findings(r.stdout, 'slicing/')).toContain('slicing/slice-min error at DiagnosticReport.performer');
  });

  it('a standalone reference whose URL names a disallowed type is an error: exit 1', () => {
    const condition = write('condition.json', {
      resourceType: 'Condition',
      id: 'c1',
      text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">c</div>' },
      subject: { reference: 'Practitioner/x' },
    });
    const r = run('validate', condition, '--format', 'json');
    expect(r.status, r.stderr).toBe(1);
    expect(findings(r.stdout, 'references/')).toEqual(['references/target-type error at Condition.subject']);
  });

  it('a context path that does not exist, or holds no resource, is exit 2 naming it', () => {
    const missing = run('validate', file, '--context', join(tmp, 'nowhere'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nowhere');
    expect(missing.stdout).toBe('');
    write('empty/notes.txt', 'nothing');
    const empty = run('validate', file, '--context', join(tmp, 'empty'));
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('no FHIR resources found');
    write('broken/Patient.json', '{"resourceType": "Patient", ');
    const broken = run('validate', file, '--context', join(tmp, 'broken'));
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('Patient.json');
  });
});
