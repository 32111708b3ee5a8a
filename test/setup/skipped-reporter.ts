/**
 * The run's closing count as one plain line (`tests: N passed, N failed, N skipped`), and for a local
 * run without the shared folder or Chromium: one line at the end saying what was missing
 * and how many tests were skipped (the tests generated from the shared folder's files are not even
 * created). Under CI such a run never starts (test/setup/requirements.ts).
 */
import type { Reporter, TestModule } from 'vitest/node';
import { missingRequirements } from '../helpers/requirements.js';

export default class SkippedReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let skipped = 0;
    let passed = 0;
    let failed = 0;
    let total = 0;
    for (const m of testModules) {
      for (const t of m.children.allTests()) {
        total++;
        const state = t.result().state;
        if (state === 'skipped') skipped++;
        else if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
      }
    }
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    const missing = missingRequirements();
    if (missing.length === 0) return;
    const notCreated = missing.some((m) => m.what === 'shared')
      ? ", and those generated from the shared folder's files were not created"
      : '';
    process.stderr.write(
      `\nNOT RUN: ${missing.map((m) => m.detail).join('; ')}: ${skipped} of ${total} tests skipped${notCreated} (under CI=true this fails the run)\n`,
    );
  }
}
