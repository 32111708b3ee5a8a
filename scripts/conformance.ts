/**
 * `npm run conformance [-- --module M[,M…]] [-- --json FILE] [-- --shared DIR]`: medcom-ig on the R4 part of the
 * HL7 validator's own test suite (`<shared>/conformance/hl7-validator-tests/`), with the Java validator's outcomes
 * as the expectation (scripts/conformance/suite.ts). Prints, per concern (the suite's module): checks, verdicts
 * that agree with Java's, false positives (we say invalid, Java valid), false negatives, checks without a verdict
 * that counts (profile unusable, definitions unloadable, crashed) and exact error-count agreement.
 * docs/conformance.md records the figure; test/conformance/hl7-suite.test.ts holds the floor.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sharedDir } from '../src/parity/anchors.js';
import { parseFlags } from './bench/args.js';
import { loadSuite, renderSuiteTable, runSuite, suiteDir, summarizeSuite } from './conformance/suite.js';

const USAGE = 'usage: npm run conformance [-- --module M[,M…]] [-- --json FILE] [-- --shared DIR]\n';

async function main(): Promise<void> {
  const flags = parseFlags(
    'conformance',
    process.argv.slice(2),
    { module: { type: 'string' }, json: { type: 'string' }, shared: { type: 'string' } },
    USAGE,
  );
  const dir = suiteDir(flags.shared !== undefined ? resolve(flags.shared) : sharedDir());
  if (!dir) {
    process.stderr.write(
      'conformance: the HL7 validator test suite was not found (<shared>/conformance/hl7-validator-tests; --shared DIR)\n',
    );
    process.exitCode = 2;
    return;
  }
  const modules = flags.module?.split(',').map((m) => m.trim());
  const checks = loadSuite(dir);
  const started = performance.now();
  const results = await runSuite(dir, checks, {
    ...(modules ? { modules } : {}),
    onCheck: (done, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${done}/${total}`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\r');
  const summary = summarizeSuite(results);
  process.stdout.write(
    `HL7 validator test suite (R4 part): ${dir}\n${checks.length} checks in the suite, ${results.length} with an expectation, ` +
      `run in ${((performance.now() - started) / 1000).toFixed(1)} s\n\n` +
      renderSuiteTable(summary),
  );
  if (flags.json) writeFileSync(flags.json, JSON.stringify({ summary, results }, null, 1) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`conformance: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 2;
});
