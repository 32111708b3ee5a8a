import type { ValidationReport } from '../validator/issue.js';

/** One line per issue, eslint-style: `file:line:col  severity  ruleId  fhirpath  message`, then a summary. */
export function renderText(report: ValidationReport, options: { minSeverity?: 'information' | 'warning' | 'error' } = {}): string {
  const rank = { information: 0, warning: 1, error: 2, fatal: 3 } as const;
  const min = rank[options.minSeverity ?? 'information'];
  const lines: string[] = [];
  for (const f of report.files) {
    for (const i of f.issues) {
      if (rank[i.severity] < min) continue;
      const where = `${i.location.file}${i.location.line !== undefined ? `:${i.location.line}:${i.location.column ?? 1}` : ''}`;
      lines.push(`${where}  ${i.severity}  ${i.ruleId}  ${i.location.fhirpath || '-'}  ${i.message.replace(/\s*\n\s*/g, ' ')}`);
    }
  }
  const s = report.summary;
  const suppressed = s.suppressed ? ` (${s.suppressed} suppressed by --suppress)` : '';
  lines.push(`${s.files} file(s), ${s.valid} valid; ${s.errors} error(s), ${s.warnings} warning(s), ${s.information} information${suppressed}`);
  return lines.join('\n') + '\n';
}
