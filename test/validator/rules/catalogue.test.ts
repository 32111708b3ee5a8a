/**
 * The rule catalogue (src/validator/rules/registry.ts) against the tree: every rule id is found by
 * its name in its code (src/validator/rules/<concern>/), in its test (test/validator/rules; a rule
 * decided over a sequence of uploads in test/validator/business/sequence.test.ts), and nowhere else
 * in the validator (the walk traverses; the rules raise). The doc page (docs/rules/<concern>/<slug>.md,
 * with its heading and severity) is checked by test/docs.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { da } from '../../../src/validator/messages/da.js';
import { en } from '../../../src/validator/messages/en.js';
import { RULE_IDS, RULES } from '../../../src/validator/rules/registry.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const VALIDATOR = join(ROOT, 'src', 'validator');

/** The .ts files below `dir`, with their text. */
function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
}

const validatorFiles = sources(VALIDATOR);
const ruleTests = sources(join(ROOT, 'test', 'validator', 'rules'));
const sequenceTests = [join(ROOT, 'test', 'validator', 'business', 'sequence.test.ts')].map((file) => ({
  file,
  text: readFileSync(file, 'utf8'),
}));
const quoted = (id: string): string => `'${id}'`;
const rel = (file: string): string => relative(ROOT, file).split(sep).join('/');

describe('every rule id: its code in rules/<concern>/, its test in test/validator', () => {
  it.each(RULE_IDS.map((id) => [id]))('%s', (id) => {
    const concern = RULES[id].concern;
    const code = validatorFiles.filter((f) => rel(f.file).startsWith(`src/validator/rules/${concern}/`) && f.text.includes(quoted(id)));
    expect(
      code.map((f) => rel(f.file)),
      `no file of src/validator/rules/${concern}/ raises ${id}`,
    ).not.toEqual([]);
    const tests = ('input' in RULES[id] ? sequenceTests : ruleTests).filter((f) => f.text.includes(quoted(id)));
    expect(
      tests.map((f) => rel(f.file)),
      `no test names ${id}`,
    ).not.toEqual([]);
  });
});

describe('the validator kernel', () => {
  it('names rule ids only in rules/ and messages/ (the walk, the sink and the validator call the rules)', () => {
    const outside = validatorFiles.filter((f) => {
      const path = rel(f.file);
      return !path.startsWith('src/validator/rules/') && !path.startsWith('src/validator/messages/');
    });
    const found = outside.flatMap((f) => RULE_IDS.filter((id) => f.text.includes(quoted(id))).map((id) => `${rel(f.file)}: ${id}`));
    expect(found).toEqual([]);
  });

  it('has no file called check.ts: a rule file is named for what it checks', () => {
    expect(validatorFiles.map((f) => rel(f.file)).filter((f) => f.endsWith('/check.ts'))).toEqual([]);
  });

  it('rules import the context, never the walker', () => {
    const rules = validatorFiles.filter((f) => rel(f.file).startsWith('src/validator/rules/'));
    const walker = rules.filter((f) => /from '[./]*\/walk\//.test(f.text)).map((f) => rel(f.file));
    expect(walker).toEqual([]);
  });
});

describe('messages', () => {
  const placeholders = (template: string): string[] => [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
  it.each(RULE_IDS.map((id) => [id]))('%s: the Danish message names the params the English one does', (id) => {
    expect(placeholders(da[id])).toEqual(placeholders(en[id]));
  });
});
