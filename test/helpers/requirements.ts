/**
 * What the whole suite needs beyond the repository: the shared folder (`../shared`, or
 * `$MEDCOM_SHARED`, with MedCom's packages and TestScripts, and the HL7 validator's test suite) and Debian's Chromium. Without them a
 * local run skips the tests that need them (and does not create those generated from their files);
 * under CI (`CI` set, not `false`/`0`) the run fails instead (test/setup/requirements.ts), so a green
 * CI run cannot hide them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../src/parity/anchors.js';
import { CHROMIUM } from './browser.js';

export interface Missing {
  what: 'shared' | 'chromium';
  /** What is missing, named: a folder or a file. */
  detail: string;
}

/** The folders of the shared folder the tests read. */
const SHARED_PARTS = [
  join('anchors', 'medcom'),
  join('anchors', 'testscripts'),
  join('anchors', 'gitb'),
  join('conformance', 'hl7-validator-tests'),
];

export function missingRequirements(env: NodeJS.ProcessEnv = process.env): Missing[] {
  const missing: Missing[] = [];
  const named = env['MEDCOM_SHARED'];
  const shared = sharedDir();
  if (named && !existsSync(named)) missing.push({ what: 'shared', detail: `the shared folder ${named} (MEDCOM_SHARED) does not exist` });
  else if (!shared)
    missing.push({
      what: 'shared',
      detail: 'no ../shared/anchors/medcom beside the repository (or set MEDCOM_SHARED to the shared folder)',
    });
  else {
    const absent = SHARED_PARTS.map((p) => join(shared, p)).filter((p) => !existsSync(p));
    if (absent.length) missing.push({ what: 'shared', detail: `the shared folder lacks ${absent.join(' and ')}` });
  }
  if (!existsSync(CHROMIUM)) {
    missing.push({ what: 'chromium', detail: `no Chromium at ${CHROMIUM} (install Debian's chromium, or set MEDCOM_IG_CHROMIUM)` });
  }
  return missing;
}

/** Is this a CI run? `CI` set to anything but `false` or `0` (as CI services and .ci/run set it). */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env['CI'];
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}
