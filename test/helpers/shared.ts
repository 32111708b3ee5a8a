import { anchorsDir } from '../../src/parity/anchors.js';

/**
 * The official MedCom packages, or undefined (locally the tests that need them are skipped with a visible
 * message; under CI the run fails before any test: test/setup/requirements.ts).
 */
export function anchorsOrSkip(suite: string): string | undefined {
  const dir = anchorsDir();
  if (!dir) {
    console.warn(`[${suite}] SKIPPED: ../shared/anchors/medcom not found (set MEDCOM_SHARED to the shared folder to run it)`);
  }
  return dir;
}
