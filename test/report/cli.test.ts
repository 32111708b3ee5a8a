import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Runs the compiled CLI: `npx tsc -p tsconfig.build.json` (npm run compile) first.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'medcom-ig.js');
const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const patient = join(tmp, 'patient.json');
writeFileSync(patient, JSON.stringify({ resourceType: 'Patient', gender: 'nope', colour: 'blue' }, null, 2));

function validate(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, 'validate', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('medcom-ig validate --format html|md', () => {
  it('is compiled (npx tsc -p tsconfig.build.json)', () => {
    expect(existsSync(join(root, 'dist', 'src', 'report', 'html.js'))).toBe(true);
  });

  it('--format html writes the page and exits 1 on an invalid Patient', () => {
    const r = validate('--format', 'html', patient);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(r.stdout).toContain('<a href="docs/rules/structure/unknown-element.md">structure/unknown-element</a>');
    expect(r.stdout).toContain('<code>Patient.colour</code>');
    expect(r.stdout).toContain('<span class="badge invalid">Invalid</span>');
  });

  it('--format md --lang da writes Danish Markdown and exits 1', () => {
    const r = validate('--format', 'md', '--lang', 'da', patient);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('| Alvorlighed | Regel | Placering | FHIRPath | Meddelelse | Profilelement |');
    expect(r.stdout).toMatch(
      /\| fejl \| \[structure\/unknown-element\]\(docs\/rules\/structure\/unknown-element\.md\) \| \d+:\d+ \| Patient.colour \|/,
    );
  });

  it('--docs-base points the rule links at the published rule pages', () => {
    const r = validate('--format', 'html', '--docs-base', 'https://example.org/medcom-ig', patient);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('<a href="https://example.org/medcom-ig/docs/rules/structure/unknown-element.md">');
  });
});
