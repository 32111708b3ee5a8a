/**
 * Throughput child for medcom-ig: `node dist/scripts/bench/validate-ours.js --anchors DIR --bundles N`.
 *
 * Load (timed as load): import the validator from dist, `validationDefinitions()` (our own compiled
 * packages of all three chains, prebuilt at install; the official packages are not loaded — the
 * anchors folder only supplies the input bundles), one Validator per standard with `scopeProfile` =
 * the standard's Bundle profile (as `--ig` does).
 * Then N bundles, cycling through the inputs: parse (not timed), `validateDoc(doc, { profiles: [the
 * standard's Bundle profile] })` (timed). Prints one ThroughputResult JSON line.
 */
import { childArgs, countSeverity, emit, emptySeverities, inputBundles, KindTally, type ThroughputResult } from './validate-common.js';

async function main(): Promise<void> {
  const { anchors, bundles } = childArgs(process.argv.slice(2));
  const inputs = inputBundles(anchors);

  const loadStart = performance.now();
  const { validationDefinitions, newValidator, VERSION } = await import('../../src/api/validate.js');
  const defs = await validationDefinitions();
  const validators = new Map<string, ReturnType<typeof newValidator>>();
  for (const input of inputs) {
    if (validators.has(input.profile)) continue;
    validators.set(input.profile, newValidator(defs, { scopeProfile: input.profile }));
  }
  const loadMs = performance.now() - loadStart;

  let validateMs = 0;
  let parseMs = 0;
  let resources = 0;
  const issues = emptySeverities();
  const onePassIssues = emptySeverities();
  const kinds = new KindTally();
  const perStandard: Record<string, number> = {};
  for (let i = 0; i < bundles; i++) {
    const input = inputs[i % inputs.length]!;
    const validator = validators.get(input.profile)!;
    const p0 = performance.now();
    const doc = validator.parse(input.file, input.text);
    const v0 = performance.now();
    const report = validator.validateDoc(doc, { profiles: [input.profile] });
    const v1 = performance.now();
    parseMs += v0 - p0;
    validateMs += v1 - v0;
    resources += input.resources;
    perStandard[input.standard] = (perStandard[input.standard] ?? 0) + 1;
    for (const issue of report.issues) {
      countSeverity(issues, issue.severity);
      if (i < inputs.length) {
        countSeverity(onePassIssues, issue.severity);
        kinds.add(`${issue.ruleId}${issue.constraintKey ? ` (${issue.constraintKey})` : ''}`, issue.severity);
      }
    }
  }

  const processMs = performance.now();
  const rssKiB = process.resourceUsage().maxRSS;
  const result: ThroughputResult = {
    tool: 'medcom-ig',
    version: VERSION,
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
    notes: [
      `definitions: ${defs.listPackages().length} packages registered (our own compiled packages of the three chains)`,
      ...[...validators.keys()].map((profile) => {
        const hit = defs.all().resolve(profile, 'StructureDefinition');
        return `${profile} → ${hit ? `${hit.from.packageId}#${hit.from.packageVersion}${hit.from.file ? ` (${hit.from.file})` : ''}` : 'NOT FOUND'}`;
      }),
    ],
  };
  emit(result);
}

main().catch((e: unknown) => {
  process.stderr.write(`validate-ours: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 2;
});
