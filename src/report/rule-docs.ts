/**
 * The rule pages a report links to, and the advice it quotes from them (issue 15). The pages ship in the
 * package (docs/rules/<concern>/<slug>.md, package.json `files`); each one's `## What to do` section is the one
 * source of the advice an HTML report prints under a finding: nothing is copied into the rule registry.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A rule id that names a page (`cardinality/min`): nothing else is read. */
const RULE_ID = /^[a-z0-9-]+\/[a-z0-9-]+$/;

/** docs/rules of the installed package: the folder above this module that holds it (src/ under vitest, dist/ when built, the bundle). */
export function packageRulesDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'docs', 'rules');
    if (existsSync(join(candidate, 'README.md'))) return candidate;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * The base of rule links (`<base><concern>/<slug>.md`) for a report written to `reportFile`: the package's rule
 * pages relative to the report's folder (a report moved together with the package keeps working links), or, for a
 * report without a file (standard output) or on another drive, their absolute `file:` URL.
 */
export function packageDocsUrl(rulesDir: string, reportFile?: string): string {
  if (reportFile !== undefined && reportFile !== '-') {
    const rel = relative(dirname(resolve(reportFile)), rulesDir);
    if (!isAbsolute(rel)) return rel === '' ? './' : `${rel.split(sep).map(encodeURIComponent).join('/')}/`;
  }
  return `${pathToFileURL(rulesDir).href}/`;
}

/** A Markdown paragraph as plain text: links as their text, emphasis and code marks dropped. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|`)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** At most this many characters of advice: longer advice ends at its last sentence within it. */
const MAX_ADVICE = 280;

/**
 * The first paragraph of a rule page's `## What to do` section, as one line of plain text; `undefined` when
 * the page or the section is missing.
 */
export function adviceFromPage(page: string): string | undefined {
  const lines = page.split(/\r?\n/);
  const at = lines.findIndex((l) => /^##\s+What to do\s*$/.test(l));
  if (at < 0) return undefined;
  const paragraph: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (/^#/.test(line) || line.startsWith('```')) break;
    if (line.trim() === '') {
      if (paragraph.length > 0) break;
      continue;
    }
    paragraph.push(line);
  }
  const text = plain(paragraph.join(' '));
  if (text === '') return undefined;
  if (text.length <= MAX_ADVICE) return text;
  const cut = text.slice(0, MAX_ADVICE);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('; '));
  return end > 0 ? cut.slice(0, end + 1) : `${cut.trimEnd()}…`;
}

/** The advice of each rule in `ruleIds` whose page in `rulesDir` has a `What to do` section. */
export function ruleAdvice(ruleIds: Iterable<string>, rulesDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of new Set(ruleIds)) {
    if (!RULE_ID.test(id)) continue;
    const file = join(rulesDir, ...id.split('/')) + '.md';
    let page: string;
    try {
      page = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const advice = adviceFromPage(page);
    if (advice !== undefined) out[id] = advice;
  }
  return out;
}
