/**
 * A validation report in one of the output formats. Each renderer is loaded when its format is
 * asked for: a text report does not load the HTML templates.
 */
import type { ValidationReport } from '../validator/issue.js';

export type ReportFormat = 'text' | 'json' | 'outcome' | 'junit' | 'html' | 'md';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'outcome', 'junit', 'html', 'md'];

export interface RenderReportOptions {
  /**
   * html and md: where rule links point, the base under which `<concern>/<slug>.md` is found
   * (`https://example.org/medcom-ig/docs/rules/`), or a pattern with `{rule}` for the rule id
   * (`https://example.org/rules/{rule}.html`). Without it: `packageDocs` / `reportFile`, else `docs/rules/`
   * relative to the report.
   */
  docsUrl?: string;
  /** @deprecated html and md: the folder holding `docs/rules/` (`docsUrl` = `<docsBaseUrl>/docs/rules/`). */
  docsBaseUrl?: string;
  /**
   * html and md without `docsUrl`: link the rule pages of the installed package (docs/rules/, shipped with
   * it) — relative to `reportFile` when the report is written to a file (the links survive moving the report
   * and the package together), else as absolute `file:` URLs. `validate` does.
   */
  packageDocs?: boolean;
  /** Where the report is written (`--out`): the rule links of `packageDocs` are relative to its folder. */
  reportFile?: string;
  /** text: only errors. */
  quiet?: boolean;
}

/** The rule links of html and md reports (RenderReportOptions), and the advice html reports print. */
async function linkOptions(
  options: RenderReportOptions,
): Promise<{ docsUrl?: string; docsBaseUrl?: string; advice?: Record<string, string> }> {
  const { packageDocsUrl, packageRulesDir } = await import('../report/rule-docs.js');
  const rulesDir = packageRulesDir();
  const out: { docsUrl?: string; docsBaseUrl?: string; advice?: Record<string, string> } = {};
  if (options.docsUrl !== undefined) out.docsUrl = options.docsUrl;
  else if (options.docsBaseUrl !== undefined) out.docsBaseUrl = options.docsBaseUrl;
  else if (options.packageDocs && rulesDir !== undefined) out.docsUrl = packageDocsUrl(rulesDir, options.reportFile);
  return out;
}

/** The one-line advice of each rule the report names, from the installed package's rule pages (html). */
async function adviceFor(report: ValidationReport): Promise<Record<string, string>> {
  const { packageRulesDir, ruleAdvice } = await import('../report/rule-docs.js');
  const rulesDir = packageRulesDir();
  if (rulesDir === undefined) return {};
  return ruleAdvice(
    report.files.flatMap((f) => f.issues.map((i) => i.ruleId)),
    rulesDir,
  );
}

/** The report as `format` (json: indented, with a final line break). */
export async function renderReport(report: ValidationReport, format: ReportFormat, options: RenderReportOptions = {}): Promise<string> {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'outcome':
      return (await import('../report/outcome.js')).renderOutcome(report);
    case 'junit':
      return (await import('../report/junit.js')).renderJunit(report);
    case 'html':
      return (await import('../report/html.js')).renderHtml(report, {
        ...(await linkOptions(options)),
        advice: await adviceFor(report),
      });
    case 'md':
      return (await import('../report/md.js')).renderMarkdown(report, await linkOptions(options));
    case 'text':
      return (await import('../report/text.js')).renderText(report, options.quiet ? { minSeverity: 'error' } : {});
  }
}

/**
 * The run's summary in one line, in the report's language (the text report's last line), naming the file the
 * report went to: what `validate --out` prints on standard output.
 */
export async function reportWrittenLine(report: ValidationReport, file: string): Promise<string> {
  return (await import('../report/text.js')).writtenLine(report, file);
}
