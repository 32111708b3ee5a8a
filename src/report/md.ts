import type { ValidationReport } from '../validator/issue.js';
import { compileTemplate } from './templates/env.js';
import { MD_TEMPLATE } from './templates/md.js';
import { buildModel, type ReportModel, type ReportRenderOptions } from './templates/model.js';

export type { ReportRenderOptions } from './templates/model.js';

/**
 * GitHub-flavoured Markdown (a PR comment, `$GITHUB_STEP_SUMMARY`): a summary line, then per
 * file a heading and a table of its root issues (follow-ons folded into a row under their root), in the
 * report's locale. Vendor text is escaped the Markdown way, without HTML entities (`|`, Markdown punctuation
 * backslash-escaped, line breaks as spaces). Deterministic unless `generatedAt` is given.
 */
export function renderMarkdown(report: ValidationReport, options: ReportRenderOptions = {}): string {
  return compileTemplate<ReportModel>(MD_TEMPLATE, 'markdown')(buildModel(report, options));
}
