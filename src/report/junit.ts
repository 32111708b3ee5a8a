import { xmlText as esc } from '../util/xml-text.js';
import type { ValidationReport } from '../validator/issue.js';

/** JUnit XML for CI: one test case per file; each error is a failure, warnings go to system-out. */
export function renderJunit(report: ValidationReport): string {
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failures = report.files.filter((f) => !f.valid).length;
  lines.push(`<testsuites name="medcom-ig validate" tests="${report.files.length}" failures="${failures}">`);
  lines.push(`  <testsuite name="medcom-ig validate" tests="${report.files.length}" failures="${failures}" errors="0">`);
  for (const f of report.files) {
    lines.push(`    <testcase classname="medcom-ig.validate" name="${esc(f.file)}">`);
    for (const i of f.issues.filter((x) => x.severity === 'error' || x.severity === 'fatal')) {
      const where = `${i.location.line !== undefined ? `${i.location.line}:${i.location.column ?? 1} ` : ''}${i.location.fhirpath}`;
      lines.push(`      <failure type="${esc(i.ruleId)}" message="${esc(`${where}: ${i.message}`)}"/>`);
    }
    const other = f.issues.filter((x) => x.severity === 'warning' || x.severity === 'information');
    if (other.length) {
      lines.push(`      <system-out>${esc(other.map((i) => `${i.severity} ${i.ruleId} ${i.location.fhirpath}: ${i.message}`).join('\n'))}</system-out>`);
    }
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return lines.join('\n') + '\n';
}
