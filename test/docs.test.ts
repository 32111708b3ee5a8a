import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMPILE_DIAGNOSTICS } from '../src/compiler/diagnostics.js';

const docs = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs');

describe('every compiler diagnostic id has a doc page', () => {
  it.each(Object.entries(COMPILE_DIAGNOSTICS))('%s', (id, severity) => {
    const page = join(docs, 'compiler', 'diagnostics', `${id.replace('compile/', '')}.md`);
    expect(existsSync(page), page).toBe(true);
    const text = readFileSync(page, 'utf8');
    expect(text).toContain(`# ${id}`);
    expect(text).toContain(`Severity: **${severity}**`);
  });
});

describe('every validator rule id has a doc page', async () => {
  const { RULES } = await import('../src/validator/rules/registry.js');
  it.each(Object.entries(RULES))('%s', (id, rule) => {
    const page = join(docs, 'rules', `${id}.md`);
    expect(existsSync(page), page).toBe(true);
    const text = readFileSync(page, 'utf8');
    expect(text).toContain(`# ${id}`);
    expect(text).toContain(`Severity: **${rule.severity}**`);
  });
});

/** The body of a `## <title>` section of a markdown page (up to the next `## `), or undefined. */
function section(text: string, title: string): string | undefined {
  const lines = text.split('\n');
  const start = lines.indexOf(`## ${title}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

describe('every rule page says what to do: what it checks, a wrong and a right example, the fix', () => {
  const rulesDir = join(docs, 'rules');
  const pages = readdirSync(rulesDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md') && !f.endsWith('README.md'))
    .map((f) => f.split('\\').join('/'))
    .sort();

  it('finds the rule pages', () => {
    expect(pages.length).toBeGreaterThan(60);
  });

  it.each(pages)('%s', (page) => {
    const text = readFileSync(join(rulesDir, page), 'utf8');
    const titles = text.split('\n').filter((l) => l.startsWith('## '));
    // today's layout, in this order (a page may add sections of its own between them)
    const order = ['## What it checks', '## Example', '## What to do'].map((t) => titles.indexOf(t));
    expect(
      order.every((i) => i >= 0),
      `${page}: sections ${JSON.stringify(titles)}`,
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // the example shows a wrong form, then a right form: paragraphs that start with "Wrong" and "Right"
    const example = section(text, 'Example')!;
    const wrong = example.search(/^(\*\*)?Wrong\b/m);
    const right = example.search(/^(\*\*)?Right\b/m);
    expect(wrong, `${page}: ## Example has no paragraph starting with "Wrong"`).toBeGreaterThanOrEqual(0);
    expect(right, `${page}: ## Example has no paragraph starting with "Right"`).toBeGreaterThan(wrong);
    // and the fix is said
    expect(section(text, 'What to do')!.trim().length, `${page}: ## What to do is empty`).toBeGreaterThan(0);
  });
});
