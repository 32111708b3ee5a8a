/**
 * A validation report in one of the output formats. Each renderer is loaded when its format is
 * asked for: a text report does not load the HTML templates.
 */
import type { ValidationReport } from '../validator/issue.js';

export type ReportFormat = 'text' | 'json' | 'outcome' | 'junit' | 'html' | 'md';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'outcome', 'junit', 'html', 'md'];

export interface RenderReportOptions {
  /** html and md: where rule links point (default: relative docs/rules/<id>.md). */
  docsBaseUrl?: string;
  /** text: only errors. */
  quiet?: boolean;
}

/** The report as `format` (json: indented, with a final line break). */
export async function renderReport(report: ValidationReport, format: ReportFormat, options: RenderReportOptions = {}): Promise<string> {
  const docs = options.docsBaseUrl !== undefined ? { docsBaseUrl: options.docsBaseUrl } : {};
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'outcome':
      return (await import('../report/outcome.js')).renderOutcome(report);
    case 'junit':
      return (await import('../report/junit.js')).renderJunit(report);
    case 'html':
      return (await import('../report/html.js')).renderHtml(report, docs);
    case 'md':
      return (await import('../report/md.js')).renderMarkdown(report, docs);
    case 'text':
      return (await import('../report/text.js')).renderText(report, options.quiet ? { minSeverity: 'error' } : {});
  }
}
