import { renderJunitXml, type JunitCase } from '../util/junit.js';
import type { Issue, ValidationReport } from '../validator/issue.js';
import { againstLine, resolvedPackages } from './against.js';
import { groupIssues } from './folding.js';

function position(i: Issue): string {
  return `${i.location.line !== undefined ? `${i.location.line}:${i.location.column ?? 1} ` : ''}${i.location.fhirpath}`;
}

const isError = (i: Issue): boolean => i.severity === 'error' || i.severity === 'fatal';

/**
 * JUnit XML for CI: one test case per file. A file with errors has one failure: its type the first root error's
 * rule id, its message the count (`2 errors (+15 follow-on)`), its body one line per root error with the number
 * of follow-on errors folded under it (`causedBy`). Warnings and information go to system-out.
 */
export function renderJunit(report: ValidationReport): string {
  const cases = report.files.map((f): JunitCase => {
    const c: JunitCase = { classname: 'medcom-ig.validate', name: f.file };
    const roots = groupIssues(f.issues).filter((g) => isError(g.root));
    const followOns = f.issues.filter(isError).length - roots.length;
    if (roots.length > 0) {
      const body = roots.map((g) => {
        const n = g.followOns.filter(isError).length;
        return `${g.root.ruleId} ${position(g.root)}: ${g.root.message.replace(/\s*\n\s*/g, ' ')}${n > 0 ? ` (+${n} follow-on)` : ''}`;
      });
      c.failures = [
        {
          type: roots[0]!.root.ruleId,
          message: `${roots.length} error${roots.length === 1 ? '' : 's'}${followOns > 0 ? ` (+${followOns} follow-on)` : ''}`,
          detail: body.join('\n'),
        },
      ];
    }
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
