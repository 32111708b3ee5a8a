/**
 * Issue #7's acceptance for the documentation site: headless Chromium opens the generated site from
 * disk (file://), clicks from the index to the HCO standard, to its MessageHeader profile (the
 * invariants with their expressions), to the ValueSet its event is bound to (the expansion), and to
 * a page of version changes. Screenshots are kept in test-artifacts/site/ (git-ignored).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../src/site/generate.js';
import { loadSiteInput } from '../../src/site/load.js';
import { chromiumOrSkip, launchChromium } from '../helpers/browser.js';

const root = join(import.meta.dirname, '..', '..');
const artifacts = join(root, 'test-artifacts', 'site');
const present = chromiumOrSkip('site browser', 'the generated site is not opened in a browser');

describe.skipIf(!present)('the documentation site in headless Chromium', () => {
  let out: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'medcom-ig-site-browser-'));
    await generateSite(await loadSiteInput({ from: join(root, 'dist', 'ig') }), { out, igs: ['hco'] });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    mkdirSync(artifacts, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(out, { recursive: true, force: true });
  });

  async function shot(name: string): Promise<void> {
    const file = join(artifacts, `${name}.png`);
    await page.screenshot({ path: file, fullPage: name !== 'profile-messageheader' });
    console.info(`[site browser] screenshot ${file}`);
  }

  it('clicks through the standard, a profile, a ValueSet and a page of version changes', async () => {
    await page.goto(pathToFileURL(join(out, 'index.html')).href, { waitUntil: 'load' });
    expect(await page.title()).toMatch(/MedCom/);
    await shot('index');

    await page.click('a[href="ig/hco/index.html"]');
    expect(page.url()).toMatch(/ig\/hco\/index\.html$/);
    expect(await page.textContent('h1')).toMatch(/HomeCareObservation/);
    await shot('ig-hco');

    await page.click('a:text-is("MedComHomeCareObservationMessageHeader")');
    expect(page.url()).toMatch(/StructureDefinition-medcom-homecareobservation-messageheader\.html$/);
    const body = await page.textContent('body');
    expect(body).toContain('medcom-hcobs-definition-url');
    // hco's current version (1.2.1): the 1.1.1+ form, `|` unescaped as published
    expect(body).toContain(
      "matches('^http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComHomeCareObservationMessageDefinition|1[.][0-9]{1,2}$')",
    );
    await shot('profile-messageheader');

    await page.click('a:text-is("MedComMessagingMessageTypes")');
    expect(page.url()).toMatch(/ValueSet-medcom-messaging-messageTypes\.html$/);
    const codes = await page.$$eval('table.list td:first-child', (tds) => tds.map((td) => (td.textContent ?? '').trim()));
    expect(codes).toContain('homecareobservation-message');
    await shot('valueset-message-types');

    // from a package version to what changed since the previous one
    await page.goto(pathToFileURL(join(out, 'pkg', 'medcom.fhir.dk.terminology', '2.0.0-draft', 'index.html')).href, { waitUntil: 'load' });
    const link = page.locator('a', { hasText: /→/ }).first();
    await link.click();
    expect(page.url()).toMatch(/changes-.*\.html$/);
    expect(await page.locator('table.changes').count()).toBeGreaterThan(0);
    await shot('changes-terminology');
  }, 120_000);
});
