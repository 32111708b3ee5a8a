/** The validator rule catalogue (docs/rules/**.md) as pages: relative .md links become links to their pages. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { renderMarkdown } from '../markdown.js';
import { rel, type Site } from '../site.js';
import { safe } from '../templates.js';

function listMarkdown(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const f of readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = rel ? `${rel}/${f.name}` : f.name;
    if (f.isDirectory()) out.push(...listMarkdown(dir, p));
    else if (f.name.endsWith('.md')) out.push(p);
  }
  return out;
}

function rulePagePath(mdRel: string): string {
  return `rules/${mdRel.replace(/(^|\/)README\.md$/, '$1index.md').replace(/\.md$/, '.html')}`;
}

export function writeRules(site: Site, rulesDir: string): void {
  const files = listMarkdown(rulesDir);
  const known = new Set(files);
  for (const f of files) {
    const path = rulePagePath(f);
    const source = readFileSync(join(rulesDir, f), 'utf8');
    const content = renderMarkdown(source, {
      link: (href) => {
        if (/^https?:\/\//i.test(href)) return href;
        if (href.startsWith('#')) return href;
        const m = /^([^#?]*)(#[^?]*)?$/.exec(href);
        if (!m) return undefined;
        const target = posix.normalize(posix.join(posix.dirname(f), m[1]!));
        if (target.startsWith('..') || !known.has(target)) return undefined;
        return rel(path, rulePagePath(target)) + (m[2] ?? '');
      },
    });
    const title = /^#\s+(.+)$/m.exec(source)?.[1]?.replace(/`/g, '') ?? f;
    site.write({
      path,
      title: `Rule ${title}`,
      crumbs: [{ text: 'Validator rules', path: 'rules/index.html' }],
      body: site.t.rulePage({ content: safe(content), indexHref: rel(path, 'rules/index.html') }),
    });
  }
}
