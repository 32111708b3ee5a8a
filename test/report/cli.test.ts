import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';
import { RULES_SYSTEM } from '../../src/report/outcome.js';

// Runs the compiled CLI: `npx tsc -p tsconfig.build.json` (npm run compile) first.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const patient = join(tmp, 'patient.json');
writeFileSync(patient, JSON.stringify({ resourceType: 'Patient', gender: 'nope', colour: 'blue' }, null, 2));

const validate = (...args: string[]): CliRun => runCli(['validate', ...args]);

describe('medcom-ig validate --format html|md', () => {
  it('is compiled (npx tsc -p tsconfig.build.json)', () => {
    expect(existsSync(join(root, 'dist', 'src', 'report', 'html.js'))).toBe(true);
  });

  it('--format html writes the page and exits 1 on an invalid Patient', () => {
    const r = validate('--format', 'html', patient);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    // on stdout the rule links are the installed package's pages, as file: URLs
    const rules = pathToFileURL(join(root, 'docs', 'rules')).href;
    expect(r.stdout).toContain(`<a href="${rules}/structure/unknown-element.md">structure/unknown-element</a>`);
    // with the rule's advice, from its page's What to do
    expect(r.stdout).toContain('<div class="advice">What to do: ');
    expect(r.stdout).toContain('<code>Patient.colour</code>');
    expect(r.stdout).toContain('<span class="badge invalid">Invalid</span>');
  });

  it('--format md --lang da writes Danish Markdown and exits 1', () => {
    const r = validate('--format', 'md', '--lang', 'da', patient);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('| Alvorlighed | Regel | Placering | FHIRPath | Meddelelse | Profilelement |');
    expect(r.stdout).toMatch(
      /\| fejl \| \[structure\/unknown-element\]\(file:\/\/\S+\/docs\/rules\/structure\/unknown-element\.md\) \| \d+:\d+ \| Patient.colour \|/,
    );
    // no HTML entities (the message quotes 'nope')
    expect(r.stdout).not.toMatch(/&(#x?[0-9a-f]+|[a-z]+);/i);
    expect(r.stdout).toContain("'colour'");
  });

  it('--out: the report in the file with rule links relative to it (they resolve), one summary line on stdout', () => {
    const out = join(tmp, 'reports', 'patient.html');
    const r = validate('--format', 'html', '--out', out, patient);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      expect.stringMatching(/^1 file\(s\), 0 valid; \d+ error\(s\), .*; report written to .*patient\.html$/),
      '',
    ]);
    const html = readFileSync(out, 'utf8');
    const href = /<a href="([^"]+unknown-element\.md)">/.exec(html)![1]!;
    expect(href).toMatch(/^\.\.\//);
    expect(readFileSync(new URL(href, pathToFileURL(out)), 'utf8')).toMatch(/^# structure\/unknown-element/);
  });

  it('--out with --lang da: the stdout line is Danish', () => {
    const r = validate('--format', 'json', '--lang', 'da', '--out', join(tmp, 'patient.json.out'), patient);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^1 fil\(er\), 0 gyldig\(e\); \d+ fejl, .*; rapport skrevet til .*patient\.json\.out\n$/);
  });

  it('--lang da: the text report is Danish (severity words, summary)', () => {
    const r = validate('--lang', 'da', patient);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/ {2}fejl {2}structure\/unknown-element {2}Patient\.colour /);
    expect(r.stdout).toMatch(/\n1 fil\(er\), 0 gyldig\(e\); \d+ fejl, \d+ advarsel\(er\), \d+ information; heraf fra forretningsregler: /);
    expect(r.stdout).not.toMatch(/ {2}error {2}| error\(s\)/);
  });

  it('--docs-url sets the base of rule links, or a {rule} pattern', () => {
    const base = validate('--format', 'md', '--docs-url', 'https://example.org/medcom-ig/docs/rules', patient);
    expect(base.stdout).toContain('(https://example.org/medcom-ig/docs/rules/structure/unknown-element.md)');
    const pattern = validate('--format', 'html', '--docs-url', 'https://example.org/rules/{rule}.html', patient);
    expect(pattern.stdout).toContain('<a href="https://example.org/rules/structure/unknown-element.html">');
  });

  it('--format junit: one test case per file, one failure per failing file listing its errors', () => {
    const ok = join(root, 'examples', 'hco', 'valid', 'new-message-quantity.json');
    const r = validate('--format', 'junit', patient, ok);
    expect(r.status, r.stderr).toBe(1);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    expect(r.stdout.match(/<testcase /g)).toHaveLength(2);
    expect(r.stdout.match(/<failure /g)).toHaveLength(1);
    expect(r.stdout).toMatch(/<failure type="[a-z-]+\/[a-z-]+" message="\d+ errors?">/);
    expect(r.stdout).toMatch(/structure\/unknown-element \d+:\d+ Patient\.colour: /);
  });

  it('--format outcome: rule codings in our own system', () => {
    const r = validate('--format', 'outcome', patient);
    const outcome = JSON.parse(r.stdout) as { issue: { details?: { coding?: { system: string; code: string }[] } }[] };
    expect(outcome.issue.map((i) => i.details?.coding?.[0]?.system)).toContain(RULES_SYSTEM);
    expect(r.stdout).not.toContain('medcom-ig.dev');
  });

  it('validate --help documents the exit codes; a usage error is exit 2', () => {
    const help = validate('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*--fail-on/);
    expect(help.stdout).toMatch(/\n {2}2 {2}usage error/);
    expect(help.stdout).toContain('--docs-url <url>');
    expect(validate('--format', 'nope', patient).status).toBe(2);
  });

  it('--docs-base points the rule links at the published rule pages', () => {
    const r = validate('--format', 'html', '--docs-base', 'https://example.org/medcom-ig', patient);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('<a href="https://example.org/medcom-ig/docs/rules/structure/unknown-element.md">');
  });
});
