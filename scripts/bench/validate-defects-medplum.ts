/**
 * "Defects caught" child for @medplum/core: `node dist/scripts/bench/validate-defects-medplum.js --anchors DIR --corpus FILE`.
 *
 * Load as the throughput child does (validate-medplum.ts): import @medplum/core, index base R4, read
 * the official StructureDefinitions, one profile scope per standard. Then, for each invalid JSON
 * bundle of the corpus (validate-common.ts, `defectCorpus`) and its base (each base once):
 * `JSON.parse`, then the calls of `medplumValidateBundle` (the Bundle against the standard's Bundle
 * profile, every entry resource against each of its meta.profile). An error's identity is the
 * validated resource (entry index kept) + issue code + expression + location + text
 * (`medplumIssueIdentity`); the defect is caught when the invalid bundle has an error its base does
 * not. Calls that fail (medplum cannot parse the profile) on the invalid bundle and not on its base
 * are recorded apart: they are not errors medplum reports. Prints one DefectsResult JSON line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StructureDefinition } from '@medplum/fhirtypes';
import { defectCorpus, defectOutcome, defectsChildArgs, type DefectOutcome, type DefectsResult } from './validate-common.js';
import {
  baseByUrl,
  baseR4Bundles,
  loadAnchorStructureDefinitions,
  medplumIssueIdentity,
  medplumValidateBundle,
  medplumVersion,
  ScopedProfiles,
  type MedplumWork,
} from './validate-medplum-lib.js';

interface Found {
  errors: Set<string>;
  failures: Set<string>;
}

async function main(): Promise<void> {
  const { anchors, corpus: manifest } = defectsChildArgs(process.argv.slice(2));
  const corpus = defectCorpus(manifest);

  const loadStart = performance.now();
  const mp = await import('@medplum/core');
  const base = baseR4Bundles();
  for (const b of base) mp.indexStructureDefinitionBundle(b);
  const baseSds = baseByUrl(base);
  const packages = loadAnchorStructureDefinitions(anchors);
  const scopes = new Map<string, { scope: ScopedProfiles; bundleProfile: StructureDefinition }>();
  for (const c of corpus.cases) {
    if (scopes.has(c.profile)) continue;
    const scope = new ScopedProfiles(packages, baseSds, c.profile);
    const bundleProfile = scope.resolve(c.profile);
    if (!bundleProfile) throw new Error(`${c.profile}: not found in ${anchors}`);
    scopes.set(c.profile, { scope, bundleProfile });
  }
  const loadMs = performance.now() - loadStart;

  let validateMs = 0;
  const work: MedplumWork = { calls: 0, failed: 0, unresolved: 0 };
  const run = (file: string, profile: string): Found => {
    const { scope, bundleProfile } = scopes.get(profile)!;
    const text = readFileSync(join(corpus.dir, file), 'utf8');
    const found: Found = { errors: new Set(), failures: new Set() };
    const t0 = performance.now();
    try {
      const bundle = JSON.parse(text) as unknown;
      medplumValidateBundle(
        mp,
        bundle,
        bundleProfile,
        scope,
        {
          issue: (issue, where) => {
            if (issue.severity === 'error' || issue.severity === 'fatal') found.errors.add(medplumIssueIdentity(issue, where));
          },
          failure: (url, message) => {
            found.failures.add(`${url}: ${message}`);
          },
        },
        work,
      );
    } catch (e) {
      // not a resource at all (medplumValidateBundle made no call)
      found.failures.add(`(bundle): ${e instanceof Error ? e.message : String(e)}`);
    }
    validateMs += performance.now() - t0;
    return found;
  };
  const bases = new Map<string, Found>();
  const cases: DefectOutcome[] = [];
  for (const c of corpus.cases) {
    let b = bases.get(c.base);
    if (!b) {
      b = run(c.base, c.profile);
      bases.set(c.base, b);
    }
    const found = run(c.file, c.profile);
    const outcome = defectOutcome(c.file, found.errors, b.errors);
    const baseFailures = b.failures;
    outcome.newFailures = [...found.failures].filter((f) => !baseFailures.has(f));
    cases.push(outcome);
  }

  const notes = [`${work.calls} validateResource calls, ${work.failed} failed, ${work.unresolved} meta.profile canonicals unresolved`];
  for (const [profile, { scope }] of scopes) {
    if (scope.unresolved.size) notes.push(`scope of ${profile}: UNRESOLVED ${[...scope.unresolved].join(', ')}`);
  }
  const result: DefectsResult = { tool: '@medplum/core', version: medplumVersion(), loadMs, validateMs, bases: bases.size, cases, notes };
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`validate-defects-medplum: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 2;
});
