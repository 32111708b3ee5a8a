/**
 * "Defects caught" child for medcom-ig: `node dist/scripts/bench/validate-defects-ours.js --anchors DIR --corpus FILE`.
 *
 * Load as the throughput child does (validate-ours.ts): `validationDefinitions()` (our own chains), one
 * Validator per standard with `scopeProfile` = the standard's Bundle profile. Then, for each invalid
 * JSON bundle of the corpus (validate-common.ts, `defectCorpus`) and its base (each base once):
 * `validateText` (= parse, then `validateDoc(doc, { profiles: [the standard's Bundle profile] })`). An error's identity is
 * rule id + FHIRPath + constraint key; the defect is caught when the invalid bundle has an error its
 * base does not. Also records whether the manifest's root finding is among the errors.
 * Prints one DefectsResult JSON line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  defectCorpus,
  defectOutcome,
  defectsChildArgs,
  type DefectOutcome,
  type DefectsResult,
  type ExpectedFinding,
} from './validate-common.js';
import type { Issue } from '../../src/validator/issue.js';

const isError = (i: Issue): boolean => i.severity === 'error' || i.severity === 'fatal';
const identity = (i: { ruleId: string; fhirpath: string; constraintKey?: string | undefined }): string =>
  `${i.ruleId} @ ${i.fhirpath}${i.constraintKey ? ` (${i.constraintKey})` : ''}`;
/** `actual` is `listed` or one step above it (`….identifier[0].value` → `….identifier[0]`), as test/examples/corpus.test.ts matches. */
const atOrOneStepAbove = (actual: string, listed: string): boolean =>
  actual === listed || (listed.startsWith(actual) && /^(\.[A-Za-z_][A-Za-z0-9_]*(\[\d+\])?|\[\d+\])$/.test(listed.slice(actual.length)));
/** As test/examples/corpus.test.ts matches the root: rule id and FHIRPath, and the constraint key where the manifest gives one. */
const matches = (i: Issue, f: ExpectedFinding): boolean =>
  i.ruleId === f.ruleId &&
  atOrOneStepAbove(i.location.fhirpath, f.fhirpath) &&
  (f.constraintKey === undefined || i.constraintKey === f.constraintKey);

async function main(): Promise<void> {
  const { corpus: manifest } = defectsChildArgs(process.argv.slice(2));
  const corpus = defectCorpus(manifest);

  const loadStart = performance.now();
  const { validationDefinitions, newValidator, VERSION } = await import('../../src/api/validate.js');
  const defs = await validationDefinitions();
  const validators = new Map<string, ReturnType<typeof newValidator>>();
  for (const c of corpus.cases) {
    if (validators.has(c.profile)) continue;
    validators.set(c.profile, newValidator(defs, { scopeProfile: c.profile }));
  }
  const loadMs = performance.now() - loadStart;

  let validateMs = 0;
  const run = (file: string, profile: string): Issue[] => {
    const validator = validators.get(profile)!;
    const text = readFileSync(join(corpus.dir, file), 'utf8');
    const t0 = performance.now();
    // parse + validateDoc, as the throughput child does (input our reader rejects becomes an input/unreadable error)
    const report = validator.validateText(file, text, { profiles: [profile] });
    validateMs += performance.now() - t0;
    return report.issues.filter(isError);
  };
  const bases = new Map<string, Set<string>>();
  const cases: DefectOutcome[] = [];
  for (const c of corpus.cases) {
    let base = bases.get(c.base);
    if (!base) {
      base = new Set(run(c.base, c.profile).map((i) => identity({ ...i, fhirpath: i.location.fhirpath })));
      bases.set(c.base, base);
    }
    const errors = run(c.file, c.profile);
    const outcome = defectOutcome(c.file, new Set(errors.map((i) => identity({ ...i, fhirpath: i.location.fhirpath }))), base);
    if (!errors.some((i) => matches(i, c.root))) outcome.rootMissing = identity(c.root);
    cases.push(outcome);
  }

  const result: DefectsResult = {
    tool: 'medcom-ig',
    version: VERSION,
    loadMs,
    validateMs,
    bases: bases.size,
    cases,
    notes: [...validators.keys()].map((profile) => {
      const hit = defs.all().resolve(profile, 'StructureDefinition');
      return `${profile} → ${hit ? `${hit.from.packageId}#${hit.from.packageVersion}` : 'NOT FOUND'}`;
    }),
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`validate-defects-ours: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 2;
});
