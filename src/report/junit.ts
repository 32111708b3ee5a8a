import { renderJunitXml, type JunitCase } from '../util/junit.js';
import type { ValidationReport } from '../validator/issue.js';

/** JUnit XML for CI: one test case per file; each error is a failure, warnings go to system-out. */
export function renderJunit(report: ValidationReport): string {
  const cases = report.files.map((f): JunitCase => {
    const c: JunitCase = {
      classname: 'medcom-ig.validate',
      name: f.file,
      failures: f.issues
        .filter((x) => x.severity === 'error' || x.severity === 'fatal')
        .map((i) => {
          const where = `${i.location.line !== undefined ? `${i.location.line}:${i.location.column ?? 1} ` : ''}${i.location.fhirpath}`;
          return { type: i.ruleId, message: `${where}: ${i.message}` };
        }),
    };
    const other = f.issues.filter((x) => x.severity === 'warning' || x.severity === 'information');
    if (other.length) c.systemOut = other.map((i) => `${i.severity} ${i.ruleId} ${i.location.fhirpath}: ${i.message}`).join('\n');
    return c;
  });
  return renderJunitXml('medcom-ig validate', [{ name: 'medcom-ig validate', cases }]);
}
