import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { anchorsDir, sharedDir } from '../../src/parity/anchors.js';

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

/**
 * The GITB validation-service XSDs (`../shared/anchors/gitb/schema`: gitb_vs.xsd, gitb_core.xsd, gitb_tr.xsd),
 * or undefined (locally the tests that need them are skipped with a visible message; under CI the run fails
 * before any test: test/setup/requirements.ts).
 */
export function gitbSchemasOrSkip(suite: string): string | undefined {
  const shared = sharedDir();
  const dir = shared ? join(shared, 'anchors', 'gitb', 'schema') : undefined;
  if (!dir || !existsSync(join(dir, 'gitb_vs.xsd'))) {
    console.warn(`[${suite}] SKIPPED: ../shared/anchors/gitb/schema not found (set MEDCOM_SHARED to the shared folder to run it)`);
    return undefined;
  }
  return dir;
}
