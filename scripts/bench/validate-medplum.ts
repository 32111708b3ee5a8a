/**
 * Throughput child for @medplum/core: `node dist/scripts/bench/validate-medplum.js --anchors DIR --bundles N`.
 *
 * Load (timed as load): import @medplum/core, index base R4 (`indexStructureDefinitionBundle` on the
 * same R4 bundles our validator reads), read the official StructureDefinitions of every package in
 * the anchors folder (see validate-medplum-lib.ts for how profiles are resolved per standard).
 * Then N bundles, cycling through the inputs: `JSON.parse` (not timed), then the calls of
 * `medplumValidateBundle` (timed). Prints one ThroughputResult JSON line.
 */
import { childArgs, countSeverity, emit, emptySeverities, inputBundles, KindTally, type ThroughputResult } from './validate-common.js';
import {
  baseByUrl,
  baseR4Bundles,
  loadAnchorStructureDefinitions,
  medplumIssueKind,
  medplumValidateBundle,
  medplumVersion,
  ScopedProfiles,
  type MedplumWork,
} from './validate-medplum-lib.js';
import type { StructureDefinition } from '@medplum/fhirtypes';

async function main(): Promise<void> {
  const { anchors, bundles } = childArgs(process.argv.slice(2));
  const inputs = inputBundles(anchors);

  const loadStart = performance.now();
  const mp = await import('@medplum/core');
  const base = baseR4Bundles();
  for (const b of base) mp.indexStructureDefinitionBundle(b);
  const baseSds = baseByUrl(base);
  const packages = loadAnchorStructureDefinitions(anchors);
  const scopes = new Map<string, { scope: ScopedProfiles; bundleProfile: StructureDefinition }>();
  for (const input of inputs) {
    if (scopes.has(input.profile)) continue;
    const scope = new ScopedProfiles(packages, baseSds, input.profile);
    const bundleProfile = scope.resolve(input.profile);
    if (!bundleProfile) throw new Error(`${input.profile}: not found in ${anchors}`);
    scopes.set(input.profile, { scope, bundleProfile });
  }
  const loadMs = performance.now() - loadStart;

  let validateMs = 0;
  let parseMs = 0;
  let resources = 0;
  const issues = emptySeverities();
  const onePassIssues = emptySeverities();
  const kinds = new KindTally();
  const failures = new Map<string, string>();
  const perStandard: Record<string, number> = {};
  const work: MedplumWork = { calls: 0, failed: 0, unresolved: 0 };
  const onePassProfiles: StructureDefinition[] = [];
  for (let i = 0; i < bundles; i++) {
    const input = inputs[i % inputs.length]!;
    const { scope, bundleProfile } = scopes.get(input.profile)!;
    const first = i < inputs.length;
    if (first) work.profilesUsed = onePassProfiles;
    else delete work.profilesUsed;
    const p0 = performance.now();
    const bundle = JSON.parse(input.text) as unknown;
    const v0 = performance.now();
    medplumValidateBundle(
      mp,
      bundle,
      bundleProfile,
      scope,
      {
        issue: (issue) => {
          countSeverity(issues, issue.severity);
          if (first) {
            countSeverity(onePassIssues, issue.severity);
            kinds.add(medplumIssueKind(issue), issue.severity ?? '?');
          }
        },
        failure: (profile, message) => {
          if (!failures.has(profile)) failures.set(profile, message);
        },
      },
      work,
    );
    const v1 = performance.now();
    parseMs += v0 - p0;
    validateMs += v1 - v0;
    resources += input.resources;
    perStandard[input.standard] = (perStandard[input.standard] ?? 0) + 1;
  }
  const processMs = performance.now();
  const rssKiB = process.resourceUsage().maxRSS;

  // medplum's validateResource takes a StructureDefinition and parses it on every call (its API has
  // no way to pass a parsed schema); estimate that share: parse the one-pass profiles 3 times.
  let parseOnce = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    for (const sd of onePassProfiles) {
      try {
        mp.parseStructureDefinition(sd);
      } catch {
        /* a profile medplum cannot parse fails fast */
      }
    }
    parseOnce = Math.min(parseOnce, performance.now() - t0);
  }
  const profileParseMs = parseOnce * (bundles / inputs.length);

  const notes: string[] = [];
  for (const [profile, message] of failures) notes.push(`medplum could not validate against ${profile}: ${message}`);
  for (const [profile, { scope }] of scopes) {
    const resolved = [...scope.resolvedFrom.entries()]
      .map(([c, from]) => `${c.replace(/^.*\/StructureDefinition\//, '')} → ${from}`)
      .sort();
    notes.push(
      `scope of ${profile}: ${resolved.join('; ')}${scope.unresolved.size ? `; UNRESOLVED: ${[...scope.unresolved].join(', ')}` : ''}`,
    );
  }

  const result: ThroughputResult = {
    tool: '@medplum/core',
    version: medplumVersion(),
    loadMs,
    validateMs,
    parseMs,
    bundles,
    resources,
    perStandard,
    issues,
    onePass: { bundles: Math.min(bundles, inputs.length), issues: onePassIssues, kinds: kinds.top(12) },
    processMs,
    maxRssKiB: rssKiB,
    notes,
    calls: { total: work.calls, failed: work.failed, unresolvedProfiles: work.unresolved },
    profileParseMs,
  };
  emit(result);
}

main().catch((e: unknown) => {
  process.stderr.write(`validate-medplum: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 2;
});
