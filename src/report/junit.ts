import { renderJunitXml, type JunitCase } from '../util/junit.js';
import type { ValidationReport } from '../validator/issue.js';
import { againstLine, resolvedPackages } from './against.js';

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
  // what the run validated against, as suite properties (CI tools show them with the suite)
  const s = report.standard;
  const properties: [string, string][] = [];
  if (s) {
    if (s.alias) properties.push(['standard', s.alias]);
    properties.push(['package', `${s.packageId}#${s.version}`]);
    if (s.bundleProfile) properties.push(['profile', s.bundleProfile]);
    if (s.current !== undefined) properties.push(['current', String(s.current)]);
  } else {
    for (const p of resolvedPackages(report)) properties.push(['package', p]);
  }
  const line = againstLine(report, 'en');
  if (line) properties.push(['validated-against', line]);
  return renderJunitXml('medcom-ig validate', [{ name: 'medcom-ig validate', ...(properties.length ? { properties } : {}), cases }]);
}
