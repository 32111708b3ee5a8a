/**
 * Rule pages (docs/rules/<concern>/<slug>.md): write the skeleton of a page for a rule of the
 * registry that has none, or list the rules whose page is missing or out of layout.
 *
 *   node dist/scripts/rule-pages.js            # list rules without a page, and pages out of layout
 *   node dist/scripts/rule-pages.js --new      # write a skeleton for every rule without a page (never overwrites)
 *
 * The layout (checked by test/docs.test.ts): the heading, the severity line, the one-line summary, then
 * `## What it checks`, `## Example` with a paragraph starting "Wrong" and one starting "Right", and
 * `## What to do`. The skeleton fills what the registry knows; the example and the fix are written by hand.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULE_IDS, RULES, type RuleId } from '../src/validator/rules/registry.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const docs = join(root, 'docs', 'rules');

function skeleton(id: RuleId): string {
  const rule = RULES[id];
  const layer = rule.layer === 'business' ? ' · Layer: **business** (not profile conformance; `--rules official` does not report it)' : '';
  const summary = rule.summary.charAt(0).toUpperCase() + rule.summary.slice(1);
  return [
    `# ${id}`,
    '',
    `Severity: **${rule.severity}** · OperationOutcome issue type: \`${rule.issueType}\`${layer}`,
    '',
    `${summary}.`,
    '',
    '## What it checks',
    '',
    'TODO: what the rule checks, and what causes the finding.',
    '',
    '## Example',
    '',
    'Wrong (TODO: what is wrong):',
    '',
    '```json',
    '{"resourceType": "…"}',
    '```',
    '',
    'Right:',
    '',
    '```json',
    '{"resourceType": "…"}',
    '```',
    '',
    '## What to do',
    '',
    'TODO: cause and fix.',
    '',
  ].join('\n');
}

/** Why a page is out of layout, or undefined. */
function layoutProblem(text: string): string | undefined {
  const titles = text.split('\n').filter((l) => l.startsWith('## '));
  const order = ['## What it checks', '## Example', '## What to do'].map((t) => titles.indexOf(t));
  if (order.some((i) => i < 0)) return `sections ${JSON.stringify(titles)}`;
  if (order.some((i, k) => k > 0 && i < order[k - 1]!)) return 'sections out of order';
  const example = text.split('\n## Example\n')[1]?.split('\n## ')[0] ?? '';
  const wrong = example.search(/^(\*\*)?Wrong\b/m);
  const right = example.search(/^(\*\*)?Right\b/m);
  if (wrong < 0 || right < wrong) return '## Example needs a paragraph starting "Wrong", then one starting "Right"';
  if (text.includes('TODO')) return 'TODO left in the page';
  return undefined;
}

const write = process.argv.includes('--new');
let problems = 0;
for (const id of RULE_IDS) {
  const page = join(docs, `${id}.md`);
  if (!existsSync(page)) {
    if (write) {
      mkdirSync(dirname(page), { recursive: true });
      writeFileSync(page, skeleton(id));
      console.log(`wrote ${page} (fill in the TODOs)`);
    } else console.log(`${id}: no page (${page}); --new writes a skeleton`);
    problems++;
    continue;
  }
  const why = layoutProblem(readFileSync(page, 'utf8'));
  if (why !== undefined) {
    console.log(`${id}: ${why}`);
    problems++;
  }
}
if (problems === 0) console.log(`${RULE_IDS.length} rule pages, all in layout`);
else process.exitCode = 1;
