import { XMLValidator } from 'fast-xml-parser';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { summarize } from '../../src/api/validate.js';
import { renderReport } from '../../src/api/report.js';
import { followOnCounts, groupIssues } from '../../src/report/folding.js';
import { renderHtml } from '../../src/report/html.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdown } from '../../src/report/md.js';
import { CAUSED_BY_URL, RULES_SYSTEM, toOperationOutcome } from '../../src/report/outcome.js';
import { adviceFromPage, packageDocsUrl, packageRulesDir, ruleAdvice } from '../../src/report/rule-docs.js';
import { renderText, summaryText } from '../../src/report/text.js';
import { countBySeverity, type FileReport, type Issue } from '../../src/validator/issue.js';
import type { Locale } from '../../src/validator/messages/index.js';
import { RULES, type RuleId } from '../../src/validator/rules/registry.js';

// Synthetic reports with the engine's links (Issue.id, Issue.causedBy), as the "roots" work will fill them in:
// the CPR example of issue 15, a Patient without its identifier and 15 references that fail their target profile
// because of it.

function issue(id: string | undefined, ruleId: RuleId, fhirpath: string, extra: Partial<Issue> = {}): Issue {
  return {
    ...(id !== undefined ? { id } : {}),
    ruleId,
    severity: 'error',
    layer: 'official',
    issueType: 'structure',
    params: {},
    message: `${ruleId} at ${fhirpath}`,
    location: { fhirpath, file: 'cpr.json', line: 3, column: 5 },
    ...extra,
  };
}

/** One root (cardinality/min on the Patient) and 15 reference follow-ons, plus an unrelated warning. */
function cprFile(linked = true): FileReport {
  const issues: Issue[] = [issue('i1', 'cardinality/min', 'Bundle.entry[1].resource')];
  for (let k = 0; k < 15; k++) {
    issues.push(
      issue(`i${k + 2}`, 'references/target-profile', `Bundle.entry[${k + 2}].resource.subject`, linked ? { causedBy: 'i1' } : {}),
    );
  }
  issues.push(issue('i17', 'structure/unknown-element', 'Bundle.meta.foo', { severity: 'warning' }));
  return { file: 'cpr.json', valid: false, profiles: [], issues };
}

function cprReport(locale: Locale = 'en', linked = true): ReturnType<typeof summarize> {
  return summarize([cprFile(linked), { file: 'ok.json', valid: true, profiles: [], issues: [] }], locale, 'official');
}

describe('groupIssues: roots and their follow-ons', () => {
  it('folds follow-ons under their root, transitively, roots in report order', () => {
    const groups = groupIssues([
      issue('i1', 'cardinality/min', 'A'),
      issue('i2', 'references/target-profile', 'B', { causedBy: 'i3' }),
      issue('i3', 'references/target-profile', 'C', { causedBy: 'i1' }),
      issue('i4', 'structure/unknown-element', 'D'),
    ]);
    expect(groups.map((g) => [g.root.id, g.followOns.map((f) => f.id)])).toEqual([
      ['i1', ['i2', 'i3']],
      ['i4', []],
    ]);
  });

  it('a dangling causedBy (its root suppressed) or a cycle leaves the issue a root: nothing hidden under what is not shown', () => {
    const groups = groupIssues([
      issue('i2', 'references/target-profile', 'B', { causedBy: 'i1' }),
      issue('i3', 'references/target-profile', 'C', { causedBy: 'i2' }),
      issue('i4', 'references/target-profile', 'D', { causedBy: 'i5' }),
      issue('i5', 'references/target-profile', 'E', { causedBy: 'i4' }),
    ]);
    expect(groups.map((g) => [g.root.id, g.followOns.map((f) => f.id)])).toEqual([
      ['i2', ['i3']],
      ['i4', []],
      ['i5', []],
    ]);
  });

  it('a chain leading into a cycle leaves every issue on it a root', () => {
    const groups = groupIssues([
      issue('i1', 'references/target-profile', 'A', { causedBy: 'i2' }),
      issue('i2', 'references/target-profile', 'B', { causedBy: 'i3' }),
      issue('i3', 'references/target-profile', 'C', { causedBy: 'i2' }),
      issue('i4', 'references/target-profile', 'D', { causedBy: 'i1' }),
    ]);
    expect(groups.map((g) => [g.root.id, g.followOns.length])).toEqual([
      ['i1', 0],
      ['i2', 0],
      ['i3', 0],
      ['i4', 0],
    ]);
  });

  it('folds a chain of 10,000 issues, each caused by the one before, under its first (in either order)', () => {
    const chain = Array.from({ length: 10_000 }, (_, k) =>
      issue(`i${k + 1}`, 'references/target-profile', `X[${k}]`, k > 0 ? { causedBy: `i${k}` } : {}),
    );
    for (const issues of [chain, [...chain].reverse()]) {
      const groups = groupIssues(issues);
      expect(groups).toHaveLength(1);
      expect(groups[0]!.root.id).toBe('i1');
      expect(groups[0]!.followOns).toHaveLength(9_999);
      expect(followOnCounts(issues)).toEqual({ errors: 9_999, warnings: 0, information: 0 });
    }
    // a dangling cause at the head: the first issue that names no issue here is the root
    const dangling = [issue('i1', 'references/target-profile', 'X', { causedBy: 'gone' }), ...chain.slice(1)];
    expect(groupIssues(dangling).map((g) => [g.root.id, g.followOns.length])).toEqual([['i1', 9_999]]);
  });

  it('without ids or causedBy every issue is a root', () => {
    const issues = [issue(undefined, 'cardinality/min', 'A'), issue(undefined, 'cardinality/max', 'B')];
    expect(groupIssues(issues).map((g) => g.followOns.length)).toEqual([0, 0]);
    expect(followOnCounts(issues)).toEqual({ errors: 0, warnings: 0, information: 0 });
  });
});

describe('countBySeverity: the one count by severity', () => {
  it('counts fatal with the errors; the summary, business counts and follow-ons use it', () => {
    const issues = [
      issue('i1', 'cardinality/min', 'A', { severity: 'fatal' }),
      issue('i2', 'cardinality/min', 'B'),
      issue('i3', 'structure/unknown-element', 'C', { severity: 'warning' }),
      issue('i4', 'structure/unknown-element', 'D', { severity: 'information' }),
    ];
    expect(countBySeverity(issues)).toEqual({ errors: 2, warnings: 1, information: 1 });
    expect(countBySeverity([])).toEqual({ errors: 0, warnings: 0, information: 0 });
    const s = summarize([{ file: 'x.json', valid: false, profiles: [], issues }], 'en', 'official').summary;
    expect([s.errors, s.warnings, s.information]).toEqual([2, 1, 1]);
  });
});

describe('the summary counts root errors', () => {
  it('keeps errors = all errors, and adds followOns and rootErrors', () => {
    const s = cprReport().summary;
    expect(s.errors).toBe(16);
    expect(s.followOns).toEqual({ errors: 15, warnings: 0, information: 0 });
    expect(s.rootErrors).toBe(1);
    expect(s.warnings).toBe(1);
  });

  it('json passes id and causedBy through, with the summary fields', async () => {
    const json = JSON.parse(await renderReport(cprReport(), 'json')) as {
      files: { issues: { id?: string; causedBy?: string }[] }[];
      summary: { errors: number; rootErrors?: number; followOns?: object };
    };
    expect(json.files[0]!.issues[1]).toMatchObject({ id: 'i2', causedBy: 'i1' });
    expect(json.files[0]!.issues[0]).not.toHaveProperty('causedBy');
    expect(json.summary).toMatchObject({ errors: 16, rootErrors: 1, followOns: { errors: 15, warnings: 0, information: 0 } });
  });

  it('has neither field when nothing is linked', () => {
    const s = cprReport('en', false).summary;
    expect(s.errors).toBe(16);
    expect(s).not.toHaveProperty('followOns');
    expect(s).not.toHaveProperty('rootErrors');
  });
});

describe('text report', () => {
  it('shows the root and one folded line, and the summary says 1 error (+15 follow-on)', () => {
    const text = renderText(cprReport());
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^cpr\.json:3:5 {2}error {2}cardinality\/min {2}Bundle\.entry\[1\]\.resource /);
    expect(lines[1]).toBe('    and 15 follow-on errors (references/target-profile)');
    expect(lines[2]).toMatch(/ {2}warning {2}structure\/unknown-element /);
    expect(lines[3]).toBe('2 file(s), 1 valid; 1 error(s) (+15 follow-on), 1 warning(s), 0 information [official rules only]');
  });

  it('reads as before when nothing is linked: one line per issue and the old summary', () => {
    const text = renderText(cprReport('en', false));
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(18);
    expect(lines.filter((l) => l.includes('references/target-profile'))).toHaveLength(15);
    expect(lines[17]).toBe('2 file(s), 1 valid; 16 error(s), 1 warning(s), 0 information [official rules only]');
  });

  it('--quiet keeps the root errors and their folded follow-ons, drops the warning', () => {
    const text = renderText(cprReport(), { minSeverity: 'error' });
    expect(text).not.toContain('structure/unknown-element');
    expect(text).toContain('and 15 follow-on errors');
  });

  it('is Danish throughout with --lang da: severity words, the folded line, the summary', () => {
    const text = renderText(cprReport('da'));
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/ {2}fejl {2}cardinality\/min /);
    expect(lines[1]).toBe('    og 15 følgefejl (references/target-profile)');
    expect(lines[2]).toMatch(/ {2}advarsel {2}structure\/unknown-element /);
    expect(lines[3]).toBe('2 fil(er), 1 gyldig(e); 1 fejl (+15 følgefejl), 1 advarsel(er), 0 information [kun officielle regler]');
    expect(text).not.toMatch(/\b(error|warning|file|valid)\b/);
  });

  it('summaryText is the last line of the text report', () => {
    const report = cprReport();
    expect(renderText(report).trimEnd().split('\n').at(-1)).toBe(summaryText(report));
  });
});

describe('html report', () => {
  it('shows the root with its follow-ons in a <details> under it, the summary counting root errors', () => {
    const html = renderHtml(cprReport());
    expect(html).toContain('<title>medcom-ig validate: 2 files, 1 valid; 1 error (+15 follow-on), 1 warning, 0 information</title>');
    expect(html).toContain(
      '<tr class="follow-ons"><td colspan="6"><details><summary>and 15 follow-on errors (references/target-profile)</summary>',
    );
    const details = html.slice(html.indexOf('<details>'), html.indexOf('</details>'));
    expect(details.match(/<tr id="file-1-i\d+">/g)).toHaveLength(15);
    expect(details).not.toContain('cardinality/min');
    expect(html).toContain('<tr id="file-1-i1">');
    expect(html).toContain('<p class="counts">1 error (+15 follow-on), 1 warning, 0 information</p>');
    // the overview table (several files) counts root errors, the follow-ons in brackets
    expect(html).toContain('<td class="num">1 (+15)</td><td class="num">1</td><td class="num">0</td>');
  });

  it('has no <details> when nothing is linked', () => {
    expect(renderHtml(cprReport('en', false))).not.toContain('<details>');
  });

  it("prints a rule's advice under its root finding, not under follow-ons", () => {
    const html = renderHtml(cprReport(), {
      advice: { 'cardinality/min': 'Add the element.', 'references/target-profile': 'Fix the target.' },
    });
    expect(html).toContain('<div class="advice">What to do: Add the element.</div>');
    expect(html).not.toContain('Fix the target.');
    expect(renderHtml(cprReport('da'), { advice: { 'cardinality/min': 'Add the element.' } })).toContain(
      '<div class="advice">Det skal du gøre: Add the element.</div>',
    );
  });
});

describe('md report', () => {
  it('folds the follow-ons into one row under the root; every row keeps its six columns', () => {
    const md = renderMarkdown(cprReport());
    expect(md).toContain('**2 files, 1 valid; 1 error (+15 follow-on), 1 warning, 0 information**');
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'));
    expect(rows).toHaveLength(4); // header, root, folded, warning
    expect(rows[2]).toBe('|  |  |  |  | ↳ and 15 follow-on errors: references/target-profile |  |');
    for (const row of rows) expect(row.replace(/\\./g, '').split('|').length - 1).toBe(7);
  });
});

describe('OperationOutcome', () => {
  it('keeps every issue, each with its id, follow-ons with the caused-by extension; codings in our own system', () => {
    const outcome = toOperationOutcome(cprFile());
    expect(outcome.issue).toHaveLength(17);
    expect(outcome.issue.map((i) => i.id)).toEqual(cprFile().issues.map((i) => i.id));
    const followOns = outcome.issue.filter((i) => i.extension?.some((e) => e.url === CAUSED_BY_URL));
    expect(followOns).toHaveLength(15);
    expect(followOns.every((i) => i.extension?.find((e) => e.url === CAUSED_BY_URL)?.valueString === 'i1')).toBe(true);
    expect(outcome.issue[0]!.extension?.some((e) => e.url === CAUSED_BY_URL)).toBeFalsy();
    expect(outcome.issue[0]!.details?.coding?.[0]).toEqual({ system: RULES_SYSTEM, code: 'cardinality/min' });
  });

  it('uses an OID of ours (2.25, from a UUID), no placeholder domain', () => {
    expect(RULES_SYSTEM).toMatch(/^urn:oid:2\.25\.\d+\.1$/);
    expect(CAUSED_BY_URL.startsWith(RULES_SYSTEM.slice(0, -1))).toBe(true);
    expect(JSON.stringify(toOperationOutcome(cprFile()))).not.toMatch(/medcom-ig\.dev|\.example|example\.org/);
  });

  it('without ids nothing is added', () => {
    const outcome = toOperationOutcome(cprFile(false));
    expect(outcome.issue.some((i) => i.extension?.some((e) => e.url === CAUSED_BY_URL))).toBe(false);
  });
});

describe('JUnit', () => {
  it('one test case per file; one failure listing the root errors, follow-ons counted', () => {
    const xml = renderJunit(cprReport());
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.match(/<testcase /g)).toHaveLength(2);
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml).toContain('<failure type="cardinality/min" message="1 error (+15 follow-on)">');
    const body = xml.slice(xml.indexOf('<failure'), xml.indexOf('</failure>'));
    expect(body).toContain('cardinality/min 3:5 Bundle.entry[1].resource: ');
    expect(body).toContain('(+15 follow-on)');
    expect(body).not.toContain('references/target-profile');
  });

  it('lists every error as a root when nothing is linked', () => {
    const xml = renderJunit(cprReport('en', false));
    expect(xml).toContain('message="16 errors"');
    expect(xml.match(/^references\/target-profile 3:5 Bundle/gm)).toHaveLength(15);
  });
});

describe('rule pages: links and advice', () => {
  const rulesDir = packageRulesDir()!;
  const tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-rule-docs-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('finds docs/rules of the package', () => {
    expect(statSync(join(rulesDir, 'README.md')).isFile()).toBe(true);
  });

  it('every rule of the registry has a page with a What to do paragraph: the advice html prints', () => {
    const ids = Object.keys(RULES);
    const advice = ruleAdvice(ids, rulesDir);
    expect(ids.filter((id) => !advice[id])).toEqual([]);
    for (const a of Object.values(advice)) {
      expect(a).not.toContain('\n');
      expect(a.length).toBeLessThanOrEqual(281);
    }
  });

  it('takes the first paragraph of What to do, as plain text', () => {
    expect(adviceFromPage('# x\n\n## What to do\n\nUse **`a`**, see [b](c.md)\nand more.\n\nSecond.\n')).toBe('Use a, see b and more.');
    expect(adviceFromPage('# x\n\n## What it checks\n\nx\n')).toBeUndefined();
    expect(ruleAdvice(['../../etc/passwd', 'x/../../y'], rulesDir)).toEqual({});
  });

  it('links relative to the report file, or as file: URLs without one', () => {
    expect(packageDocsUrl('/opt/pkg/docs/rules', '/opt/reports/out.html')).toBe('../pkg/docs/rules/');
    expect(packageDocsUrl('/opt/pkg/docs/rules', '/opt/pkg/docs/rules/r.html')).toBe('./');
    expect(packageDocsUrl('/opt/my pkg/docs/rules', '/opt/r.md')).toBe('my%20pkg/docs/rules/');
    expect(packageDocsUrl('/opt/pkg/docs/rules')).toBe('file:///opt/pkg/docs/rules/');
  });

  it('renderReport links the package pages, relative to reportFile; the links resolve to the pages', async () => {
    const file = join(tmp, 'sub', 'report.html');
    const html = await renderReport(cprReport(), 'html', { packageDocs: true, reportFile: file });
    const href = /<a href="([^"]+cardinality\/min\.md)">/.exec(html)![1]!;
    expect(href).not.toMatch(/^(file:|\/)/);
    expect(readFileSync(new URL(href, pathToFileURL(file)), 'utf8')).toMatch(/^# cardinality\/min/);
    expect(html).toContain('<div class="advice">What to do: ');
    const stdout = await renderReport(cprReport(), 'md', { packageDocs: true });
    expect(stdout).toContain(`(${pathToFileURL(rulesDir).href}/cardinality/min.md)`);
    expect(await renderReport(cprReport(), 'md', { docsUrl: 'https://example.org/rules/{rule}.html' })).toContain(
      '(https://example.org/rules/cardinality/min.html)',
    );
    expect(await renderReport(cprReport(), 'md')).toContain('(docs/rules/cardinality/min.md)');
    expect(readdirSync(tmp)).toEqual([]);
  });
});
