/**
 * Cold-start counterpart of `medcom-ig validate --package <anchors> --profile <url> <bundle>` for
 * @medplum/core: `node dist/scripts/bench/validate-medplum-cold.js --anchors DIR --profile URL FILE`.
 *
 * One process, from scratch: import @medplum/core, index base R4, read the official
 * StructureDefinitions under DIR, read and parse FILE, do the same work per bundle as the throughput
 * run (validate-medplum-lib.ts), print a one-line summary. Exit 1 when medplum reported an error or
 * could not validate, 0 otherwise (as medcom-ig validate does).
 */
import { readFileSync } from 'node:fs';
import { countSeverity, emptySeverities } from './validate-common.js';
import {
  baseByUrl,
  baseR4Bundles,
  loadAnchorStructureDefinitions,
  medplumValidateBundle,
  ScopedProfiles,
  type MedplumWork,
} from './validate-medplum-lib.js';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let anchors: string | undefined;
  let profile: string | undefined;
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--anchors') anchors = argv[++i];
    else if (a === '--profile') profile = argv[++i];
    else file = a;
  }
  if (!anchors || !profile || !file) throw new Error('usage: validate-medplum-cold --anchors DIR --profile URL FILE');

  const mp = await import('@medplum/core');
  const base = baseR4Bundles();
  for (const b of base) mp.indexStructureDefinitionBundle(b);
  const scope = new ScopedProfiles(loadAnchorStructureDefinitions(anchors), baseByUrl(base), profile);
  const bundleProfile = scope.resolve(profile);
  if (!bundleProfile) throw new Error(`${profile}: not found in ${anchors}`);
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as unknown;

  const counts = emptySeverities();
  const work: MedplumWork = { calls: 0, failed: 0, unresolved: 0 };
  medplumValidateBundle(mp, bundle, bundleProfile, scope, { issue: (i) => countSeverity(counts, i.severity), failure: () => {} }, work);
  process.stdout.write(
    `${file}: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.information} information; ` +
      `${work.calls} validateResource calls, ${work.failed} failed, ${work.unresolved} profile(s) unresolved\n`,
  );
  process.exitCode = counts.error > 0 || work.failed > 0 ? 1 : 0;
}

main().catch((e: unknown) => {
  process.stderr.write(`validate-medplum-cold: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
