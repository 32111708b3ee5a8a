/**
 * Vitest globalSetup: under CI a missing shared folder or Chromium fails the run before any test,
 * with one line naming what is missing (a local run skips those tests and says how many at the end:
 * test/setup/skipped-reporter.ts). test/helpers/requirements.ts.
 */
import { isCi, missingRequirements } from '../helpers/requirements.js';

export default function setup(): void {
  if (!isCi()) return;
  const missing = missingRequirements();
  if (missing.length === 0) return;
  process.stderr.write(
    `CI: ${missing.map((m) => m.detail).join('; ')}: the tests that need it would be skipped or never created, so the run fails\n`,
  );
  process.exit(1);
}
