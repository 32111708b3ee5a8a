/**
 * Child of the input benchmark (scripts/bench-input.ts), one file per process so that its peak RSS
 * is its own: `node dist/scripts/bench/input-child.js ours|medplum FILE`.
 *
 * - `ours`: import the validator from dist, `validationDefinitions()`, one Validator with the XML
 *   reader (load, timed apart); then read FILE and `validateText` it (read + parse + validate, timed).
 * - `medplum`: import @medplum/core and index base R4 (the same @iguhealth bundles as ours; load,
 *   timed apart); then read FILE, `JSON.parse` and `validateResource` (timed). medplum reads JSON only.
 *
 * Prints one JSON line: InputChildResult. RSS figures in KiB: after load, and the process's peak.
 */
import { readFileSync } from 'node:fs';
import { baseR4Bundles, medplumVersion } from './validate-medplum-lib.js';

export interface InputChildResult {
  tool: string;
  file: string;
  bytes: number;
  loadMs: number;
  validateMs: number;
  /** RSS once loaded, before the file is read */
  loadedRssKiB: number;
  maxRssKiB: number;
  /** findings listed (ours) / reported (medplum) */
  issues: number;
  /** findings counted in input/more-issues (ours) */
  omitted: number;
}

async function ours(file: string): Promise<InputChildResult> {
  const l0 = performance.now();
  const { validationDefinitions, newValidator, VERSION } = await import('../../src/api/validate.js');
  const { readXml } = await import('../../src/validator/load/xml.js');
  const v = newValidator(await validationDefinitions(), { readXml });
  v.validateText('warm-up.json', '{"resourceType":"Patient","id":"w"}');
  const loadMs = performance.now() - l0;
  const loadedRssKiB = Math.round(process.memoryUsage().rss / 1024);
  const t0 = performance.now();
  const text = readFileSync(file, 'utf8');
  const report = v.validateText(file, text);
  const validateMs = performance.now() - t0;
  return {
    tool: `medcom-ig ${VERSION}`,
    file,
    bytes: Buffer.byteLength(text),
    loadMs,
    validateMs,
    loadedRssKiB,
    maxRssKiB: process.resourceUsage().maxRSS,
    issues: report.issues.length,
    omitted: report.omitted ?? 0,
  };
}

async function medplum(file: string): Promise<InputChildResult> {
  const l0 = performance.now();
  const mp = await import('@medplum/core');
  for (const b of baseR4Bundles()) mp.indexStructureDefinitionBundle(b);
  mp.validateResource({ resourceType: 'Patient', id: 'w' });
  const loadMs = performance.now() - l0;
  const loadedRssKiB = Math.round(process.memoryUsage().rss / 1024);
  const t0 = performance.now();
  const text = readFileSync(file, 'utf8');
  const value = JSON.parse(text) as Parameters<typeof mp.validateResource>[0];
  let issues: number;
  try {
    issues = mp.validateResource(value).length;
  } catch (e) {
    if (!(e instanceof mp.OperationOutcomeError)) throw e;
    issues = e.outcome.issue?.length ?? 0;
  }
  const validateMs = performance.now() - t0;
  return {
    tool: `@medplum/core ${medplumVersion()}`,
    file,
    bytes: Buffer.byteLength(text),
    loadMs,
    validateMs,
    loadedRssKiB,
    maxRssKiB: process.resourceUsage().maxRSS,
    issues,
    omitted: 0,
  };
}

async function main(): Promise<void> {
  const [tool, file] = process.argv.slice(2);
  if ((tool !== 'ours' && tool !== 'medplum') || !file) throw new Error('usage: input-child ours|medplum FILE');
  const result = tool === 'ours' ? await ours(file) : await medplum(file);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`input-child: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
