/**
 * `validate --terminology <folder>` through the CLI (bin/medcom-ig.js, after `npm run compile`): an SKS
 * code is one terminology/not-checked information without it; with a code table holding the code it is
 * checked (found: no finding, exit 0; not found: terminology/unknown-code, exit 1); a malformed table is
 * exit 2 naming the file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-cli-terminology-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SKS = 'urn:oid:1.2.208.176.2.4';

const run = (...args: string[]): CliRun => runCli([...args]);

function write(name: string, text: string): string {
  const file = join(tmp, name);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
}

const condition = (code: string): string =>
  JSON.stringify({
    resourceType: 'Condition',
    id: 'c1',
    text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">KOL</div>' },
    subject: { reference: 'Patient/p1' },
    code: { coding: [{ system: SKS, code }] },
  });

interface Finding {
  ruleId: string;
  severity: string;
  params: Record<string, unknown>;
  location: { fhirpath: string };
}
const findings = (stdout: string): Finding[] =>
  (JSON.parse(stdout) as { files: { issues: Finding[] }[] }).files
    .flatMap((f) => f.issues)
    .filter((i) => i.ruleId.startsWith('terminology/'));

describe('validate --terminology', () => {
  const known = write('known.json', condition('DJ449'));
  const unknown = write('unknown.json', condition('DJ999'));
  const table = write('tables/sks.csv', `system,code,display\n${SKS},DJ449,"Kronisk obstruktiv lungesygdom, uspecificeret"\n`);

  it('without it, an SKS code is one terminology/not-checked information (exit 0)', () => {
    const r = run('validate', known, '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    expect(findings(r.stdout).map((i) => [i.ruleId, i.severity, i.params['system'], i.location.fhirpath])).toEqual([
      ['terminology/not-checked', 'information', SKS, 'Condition.code.coding[0]'],
    ]);
  });

  it('with a table holding the code: found gives nothing (exit 0), not found is terminology/unknown-code (exit 1)', () => {
    const found = run('validate', known, '--format', 'json', '--terminology', join(tmp, 'tables'));
    expect(found.status, found.stderr).toBe(0);
    expect(findings(found.stdout)).toEqual([]);
    const missing = run('validate', unknown, '--format', 'json', '--terminology', join(tmp, 'tables'));
    expect(missing.status, missing.stderr).toBe(1);
    expect(findings(missing.stdout).map((i) => [i.ruleId, i.severity, i.params['code'], i.params['system'], i.location.fhirpath])).toEqual([
      ['terminology/unknown-code', 'error', 'DJ999', SKS, 'Condition.code.coding[0]'],
    ]);
    // the table file itself works as well as its folder
    expect(run('validate', unknown, '--terminology', table).status).toBe(1);
  });

  it('a malformed table is a usage error naming the file (exit 2, no stack trace)', () => {
    const bad = write('bad/sks.csv', `system,code,display\n${SKS},"DJ449,KOL\n`);
    const r = run('validate', known, '--terminology', join(tmp, 'bad'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(bad);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(run('validate', known, '--terminology', join(tmp, 'nowhere')).status).toBe(2);
  });
});
