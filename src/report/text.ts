import { terminalSafe } from '../util/text.js';
import type { ValidationReport } from '../validator/issue.js';
import { againstLine } from './against.js';

/** One line per issue, eslint-style: `file:line:col  severity  ruleId  fhirpath  message`, then a summary. */
export function renderText(report: ValidationReport, options: { minSeverity?: 'information' | 'warning' | 'error' } = {}): string {
  const rank = { information: 0, warning: 1, error: 2, fatal: 3 } as const;
  const min = rank[options.minSeverity ?? 'information'];
  const lines: string[] = [];
  for (const f of report.files) {
    for (const i of f.issues) {
      if (rank[i.severity] < min) continue;
      const where = `${i.location.file}${i.location.line !== undefined ? `:${i.location.line}:${i.location.column ?? 1}` : ''}`;
      // business findings say so (official ones keep the line they always had)
      const layer = i.layer === 'business' ? ' [business]' : '';
      lines.push(`${where}  ${i.severity}${layer}  ${i.ruleId}  ${i.location.fhirpath || '-'}  ${i.message.replace(/\s*\n\s*/g, ' ')}`);
    }
  }
  const s = report.summary;
  const suppressed = s.suppressed ? ` (${s.suppressed} suppressed by --suppress)` : '';
  const omitted = s.omitted ? ` (${s.omitted} more not listed: input/more-issues)` : '';
  const b = s.business;
  const business = b ? `; of these from business rules: ${b.errors} error(s), ${b.warnings} warning(s), ${b.information} information` : '';
  const only = report.rules === 'official' ? ' [official rules only]' : report.rules === 'business' ? ' [business rules only]' : '';
  // the purpose is said when it is not the default; a sequence lists its steps
  const purpose = report.purpose === 'aktindsigt' ? ' [purpose: aktindsigt]' : '';
  // the standard and version validated against (--ig), or the package versions the profiles resolved to
  const line = againstLine(report, 'en');
  const against = line ? `; ${line}` : '';
  if (report.sequence) {
    for (const st of report.sequence.steps) lines.push(`step ${st.step}: ${st.action} (${st.purpose}): ${st.files.join(', ')}`);
  }
  lines.push(
    `${report.sequence ? `sequence ${report.sequence.manifest}: ` : ''}${s.files} file(s), ${s.valid} valid; ${s.errors} error(s), ${s.warnings} warning(s), ${s.information} information${suppressed}${omitted}${business}${only}${purpose}${against}`,
  );
  // document content (values, keys, file names) in a line is shown, never acted on by the terminal
  return lines.map(terminalSafe).join('\n') + '\n';
}
