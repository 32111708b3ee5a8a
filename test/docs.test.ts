import { existsSync, readFileSync } from 'node:fs';
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
