/**
 * `medcom-ig diff` output: text (one line per change, grouped by resource), Markdown, and the
 * canonical JSON (the PackageDiff itself).
 */
import { compileTemplate, escapeMarkdown } from '../report/templates/env.js';
import type { Change, Impact, PackageDiff } from './compare.js';
import { DIFF_HTML } from './templates.js';
import { terminalSafe } from '../util/text.js';

const MARK: Record<Impact, string> = { breaking: '!', review: '~', info: ' ' };

/** The changes of one resource (or of the package), in the order the diff found them. */
export interface ChangeGroup {
  /** `package`, or `<resourceType> <name> (<url>)`. */
  key: string;
  /** `Package`, or `<resourceType> <name>`. */
  heading: string;
  resourceType: string;
  resource: string;
  changes: Change[];
}

/** The diff's changes grouped by resource (text, Markdown, HTML and the site's pages all use it). */
export function changeGroups(diff: PackageDiff): ChangeGroup[] {
  const map = new Map<string, ChangeGroup>();
  for (const c of diff.changes) {
    const key = c.resourceType === 'package' ? 'package' : `${c.resourceType} ${c.name} (${c.resource})`;
    let g = map.get(key);
    if (!g) {
      g = {
        key,
        heading: c.resourceType === 'package' ? 'Package' : `${c.resourceType} ${c.name}`,
        resourceType: c.resourceType,
        resource: c.resource,
        changes: [],
      };
      map.set(key, g);
    }
    g.changes.push(c);
  }
  return [...map.values()];
}

function heading(diff: PackageDiff): string {
  return `${diff.from.id}#${diff.from.version} → ${diff.to.id}#${diff.to.version}`;
}

function summaryLine(diff: PackageDiff): string {
  const s = diff.summary;
  return `${diff.changes.length} change(s) in ${s.resources} resource(s): ${s.breaking} breaking (!), ${s.review} to review (~), ${s.info} informational`;
}

export function diffText(diff: PackageDiff, only?: Impact): string {
  const lines = [`${heading(diff)}`, `  from ${diff.from.source}`, `  to   ${diff.to.source}`, summaryLine(diff), ''];
  for (const { key, changes } of changeGroups(diff)) {
    const shown = only ? changes.filter((c) => c.impact === only) : changes;
    if (shown.length === 0) continue;
    lines.push(key);
    for (const c of shown) lines.push(`  ${MARK[c.impact]} ${c.kind.padEnd(22)} ${c.text}`);
    lines.push('');
  }
  // names, urls and texts come from the packages compared (one may come from anywhere): no
  // control character reaches a terminal, and none can break a line of its own
  return lines.map(terminalSafe).join('\n');
}

interface HtmlModel {
  title: string;
  from: string;
  to: string;
  summary: PackageDiff['summary'];
  groups: { heading: string; resource: string; changes: { impact: Impact; kind: string; element: string; text: string }[] }[];
}

/** A standalone HTML page (also the site's page of a version change). */
export function diffHtml(diff: PackageDiff, only?: Impact): string {
  const render = compileTemplate<HtmlModel>(DIFF_HTML);
  const groupsOf = changeGroups(diff)
    .map((g) => ({
      heading: g.heading,
      resource: g.resource,
      changes: g.changes
        .filter((c) => !only || c.impact === only)
        .map((c) => ({ impact: c.impact, kind: c.kind, element: c.element ?? '', text: c.text })),
    }))
    .filter((g) => g.changes.length > 0);
  return render({ title: heading(diff), from: diff.from.source, to: diff.to.source, summary: diff.summary, groups: groupsOf });
}

export function diffMarkdown(diff: PackageDiff, only?: Impact): string {
  const lines = [
    `# ${escapeMarkdown(heading(diff))}`,
    '',
    `From \`${diff.from.source}\` to \`${diff.to.source}\`.`,
    '',
    summaryLine(diff),
    '',
  ];
  for (const { key, changes } of changeGroups(diff)) {
    const shown = only ? changes.filter((c) => c.impact === only) : changes;
    if (shown.length === 0) continue;
    lines.push(`## ${escapeMarkdown(key)}`, '', '| impact | change | element | detail |', '| --- | --- | --- | --- |');
    for (const c of shown)
      lines.push(`| ${c.impact} | ${c.kind} | ${c.element ? escapeMarkdown(c.element) : ''} | ${escapeMarkdown(c.text)} |`);
    lines.push('');
  }
  return lines.join('\n');
}
