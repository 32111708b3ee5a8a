import type { ValidationReport } from '../validator/issue.js';
import { compileTemplate } from './templates/env.js';
import { HTML_TEMPLATE } from './templates/html.js';
import { buildModel, type ReportModel, type ReportRenderOptions } from './templates/model.js';

export type { ReportRenderOptions } from './templates/model.js';

/**
 * One self-contained HTML page (inline CSS, no scripts or external assets): the run summary in
 * the title, a section per file with a valid/invalid badge and a table of its issues (files
 * without issues on one line), headings in the report's locale. Deterministic: nothing
 * time-dependent unless `generatedAt` is given.
 */
export function renderHtml(report: ValidationReport, options: ReportRenderOptions = {}): string {
  return compileTemplate<ReportModel>(HTML_TEMPLATE)(buildModel(report, options));
}
