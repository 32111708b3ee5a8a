/**
 * `medcom-ig diff` output: text (one line per change, grouped by resource), Markdown, and the
 * canonical JSON (the PackageDiff itself).
 */
import type { Change, Impact, PackageDiff } from './compare.js';

const MARK: Record<Impact, string> = { breaking: '!', review: '~', info: ' ' };

function groups(diff: PackageDiff): [string, Change[]][] {
  const map = new Map<string, Change[]>();
  for (const c of diff.changes) {
    const key = c.resourceType === 'package' ? 'package' : `${c.resourceType} ${c.name} (${c.resource})`;
    const list = map.get(key);
    if (list) list.push(c);
    else map.set(key, [c]);
  }
  return [...map];
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
  for (const [key, changes] of groups(diff)) {
    const shown = only ? changes.filter((c) => c.impact === only) : changes;
    if (shown.length === 0) continue;
    lines.push(key);
    for (const c of shown) lines.push(`  ${MARK[c.impact]} ${c.kind.padEnd(22)} ${c.text}`);
    lines.push('');
  }
  return lines.join('\n');
}

const esc = (s: string): string => s.replace(/[|\\`*_<>[\]]/g, (c) => `\\${c}`).replace(/\n/g, ' ');

export function diffMarkdown(diff: PackageDiff, only?: Impact): string {
  const lines = [`# ${esc(heading(diff))}`, '', `From \`${diff.from.source}\` to \`${diff.to.source}\`.`, '', summaryLine(diff), ''];
  for (const [key, changes] of groups(diff)) {
    const shown = only ? changes.filter((c) => c.impact === only) : changes;
    if (shown.length === 0) continue;
    lines.push(`## ${esc(key)}`, '', '| impact | change | element | detail |', '| --- | --- | --- | --- |');
    for (const c of shown) lines.push(`| ${c.impact} | ${c.kind} | ${c.element ? esc(c.element) : ''} | ${esc(c.text)} |`);
    lines.push('');
  }
  return lines.join('\n');
}
