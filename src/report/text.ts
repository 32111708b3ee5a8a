import { terminalSafe } from '../util/text.js';
import { countBySeverity, type Issue, type SeverityCounts, type ValidationReport } from '../validator/issue.js';
import type { Locale } from '../validator/messages/index.js';
import type { Severity } from '../validator/rules/registry.js';
import { againstLine } from './against.js';
import { groupIssues, reportFollowOns } from './folding.js';

/** The words of the text report, by locale (rule ids, FHIRPaths and messages are not translated here). */
interface TextWords {
  severity: Record<Severity, string>;
  business: string;
  files: (n: number, valid: number) => string;
  counts: (errors: string, warnings: number, information: number) => string;
  errors: (n: number) => string;
  followOnErrors: (n: number) => string;
  /** `and 15 follow-on errors, 1 follow-on warning` under a root issue. */
  folded: (c: SeverityCounts) => string;
  suppressed: (n: number) => string;
  omitted: (n: number) => string;
  businessCounts: (c: SeverityCounts) => string;
  officialOnly: string;
  businessOnly: string;
  aktindsigt: string;
  sequence: (manifest: string) => string;
  step: (step: number, action: string, purpose: string, files: string) => string;
  written: (file: string) => string;
}

function list(parts: string[], and: string): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]!}`;
}

const WORDS: Record<Locale, TextWords> = {
  en: {
    severity: { fatal: 'fatal', error: 'error', warning: 'warning', information: 'information' },
    business: 'business',
    files: (n, valid) => `${n} file(s), ${valid} valid`,
    counts: (errors, warnings, information) => `${errors}, ${warnings} warning(s), ${information} information`,
    errors: (n) => `${n} error(s)`,
    followOnErrors: (n) => `(+${n} follow-on)`,
    folded: (c) => {
      const parts: string[] = [];
      if (c.errors) parts.push(`${c.errors} follow-on error${c.errors === 1 ? '' : 's'}`);
      if (c.warnings) parts.push(`${c.warnings} follow-on warning${c.warnings === 1 ? '' : 's'}`);
      if (c.information) parts.push(`${c.information} follow-on information`);
      return `and ${list(parts, 'and')}`;
    },
    suppressed: (n) => `(${n} suppressed by --suppress)`,
    omitted: (n) => `(${n} more not listed: input/more-issues)`,
    businessCounts: (c) => `of these from business rules: ${c.errors} error(s), ${c.warnings} warning(s), ${c.information} information`,
    officialOnly: '[official rules only]',
    businessOnly: '[business rules only]',
    aktindsigt: '[purpose: aktindsigt]',
    sequence: (manifest) => `sequence ${manifest}: `,
    step: (step, action, purpose, files) => `step ${step}: ${action} (${purpose}): ${files}`,
    written: (file) => `report written to ${file}`,
  },
  da: {
    severity: { fatal: 'fatal', error: 'fejl', warning: 'advarsel', information: 'information' },
    business: 'forretningsregel',
    files: (n, valid) => `${n} fil(er), ${valid} gyldig(e)`,
    counts: (errors, warnings, information) => `${errors}, ${warnings} advarsel(er), ${information} information`,
    errors: (n) => `${n} fejl`,
    followOnErrors: (n) => `(+${n} følgefejl)`,
    folded: (c) => {
      const parts: string[] = [];
      if (c.errors) parts.push(`${c.errors} følgefejl`);
      if (c.warnings) parts.push(`${c.warnings} følgeadvarsel${c.warnings === 1 ? '' : 'er'}`);
      if (c.information) parts.push(`${c.information} følgeinformation${c.information === 1 ? '' : 'er'}`);
      return `og ${list(parts, 'og')}`;
    },
    suppressed: (n) => `(${n} undertrykt med --suppress)`,
    omitted: (n) => `(${n} flere ikke vist: input/more-issues)`,
    businessCounts: (c) => `heraf fra forretningsregler: ${c.errors} fejl, ${c.warnings} advarsel(er), ${c.information} information`,
    officialOnly: '[kun officielle regler]',
    businessOnly: '[kun forretningsregler]',
    aktindsigt: '[formål: aktindsigt]',
    sequence: (manifest) => `sekvens ${manifest}: `,
    step: (step, action, purpose, files) => `trin ${step}: ${action} (${purpose}): ${files}`,
    written: (file) => `rapport skrevet til ${file}`,
  },
};

function words(report: ValidationReport): TextWords {
  return WORDS[report.locale === 'da' ? 'da' : 'en'];
}

const RANK = { information: 0, warning: 1, error: 2, fatal: 3 } as const;

function issueLine(w: TextWords, i: Issue): string {
  const where = `${i.location.file}${i.location.line !== undefined ? `:${i.location.line}:${i.location.column ?? 1}` : ''}`;
  // business findings say so (official ones keep the line they always had)
  const layer = i.layer === 'business' ? ` [${w.business}]` : '';
  return `${where}  ${w.severity[i.severity]}${layer}  ${i.ruleId}  ${i.location.fhirpath || '-'}  ${i.message.replace(/\s*\n\s*/g, ' ')}`;
}

/**
 * The run in one line, in the report's language: `3 file(s), 1 valid; 1 error(s) (+15 follow-on), 2 warning(s), …`
 * (the follow-on part only when the engine linked follow-ons to their root). The text report's last line, and
 * what `validate --out` prints on standard output.
 */
export function summaryText(report: ValidationReport): string {
  const w = words(report);
  const s = report.summary;
  const follow = reportFollowOns(report);
  const errors = follow.errors > 0 ? `${w.errors(s.errors - follow.errors)} ${w.followOnErrors(follow.errors)}` : w.errors(s.errors);
  const suppressed = s.suppressed ? ` ${w.suppressed(s.suppressed)}` : '';
  const omitted = s.omitted ? ` ${w.omitted(s.omitted)}` : '';
  const business = s.business ? `; ${w.businessCounts(s.business)}` : '';
  const only = report.rules === 'official' ? ` ${w.officialOnly}` : report.rules === 'business' ? ` ${w.businessOnly}` : '';
  // the purpose is said when it is not the default
  const purpose = report.purpose === 'aktindsigt' ? ` ${w.aktindsigt}` : '';
  // the standard and version validated against (--ig), or the package versions the profiles resolved to
  const line = againstLine(report, report.locale === 'da' ? 'da' : 'en');
  const against = line ? `; ${line}` : '';
  const sequence = report.sequence ? w.sequence(report.sequence.manifest) : '';
  return `${sequence}${w.files(s.files, s.valid)}; ${w.counts(errors, s.warnings, s.information)}${suppressed}${omitted}${business}${only}${purpose}${against}`;
}

/** `--out`: the summary line and where the report went, for standard output. */
export function writtenLine(report: ValidationReport, file: string): string {
  return terminalSafe(`${summaryText(report)}; ${words(report).written(file)}`);
}

/**
 * One line per root issue, eslint-style: `file:line:col  severity  ruleId  fhirpath  message`; the issues that
 * only follow from it (`causedBy`) folded into one indented line under it (`and 15 follow-on errors`); then a
 * summary. In the report's language (`--lang da`: severity words, summary, step lines).
 */
export function renderText(report: ValidationReport, options: { minSeverity?: 'information' | 'warning' | 'error' } = {}): string {
  const w = words(report);
  const min = RANK[options.minSeverity ?? 'information'];
  const lines: string[] = [];
  for (const f of report.files) {
    for (const g of groupIssues(f.issues)) {
      const followOns = g.followOns.filter((i) => RANK[i.severity] >= min);
      // a root below the threshold is still shown when a follow-on it explains is not
      if (RANK[g.root.severity] < min && followOns.length === 0) continue;
      lines.push(issueLine(w, g.root));
      if (followOns.length > 0) {
        const rules = [...new Set(followOns.map((i) => i.ruleId))].join(', ');
        lines.push(`    ${w.folded(countBySeverity(followOns))} (${rules})`);
      }
    }
  }
  if (report.sequence) {
    for (const st of report.sequence.steps) lines.push(w.step(st.step, st.action, st.purpose, st.files.join(', ')));
  }
  lines.push(summaryText(report));
  // document content (values, keys, file names) in a line is shown, never acted on by the terminal
  return lines.map(terminalSafe).join('\n') + '\n';
}
