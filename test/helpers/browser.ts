/**
 * Debian's Chromium for browser tests (/usr/bin/chromium, or MEDCOM_IG_CHROMIUM), driven by
 * playwright-core — never a downloaded browser. Without it a local run skips those suites with a
 * visible warning; under CI the run fails instead (test/setup/requirements.ts), and .ci/run installs it.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM = process.env['MEDCOM_IG_CHROMIUM'] ?? '/usr/bin/chromium';

/** Chromium quiet on a closed network: no background fetches, updates, sync or QUIC. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Is Chromium here? Warns (naming the suite and what goes unchecked) when it is not. */
export function chromiumOrSkip(suite: string, what: string): boolean {
  const present = existsSync(CHROMIUM);
  if (!present)
    console.warn(`[${suite}] SKIPPED: no Chromium at ${CHROMIUM} (install Debian's chromium or set MEDCOM_IG_CHROMIUM) — ${what}`);
  return present;
}

/** Launch it headless; the default profile is a fresh temporary user-data-dir, removed on close. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
}
