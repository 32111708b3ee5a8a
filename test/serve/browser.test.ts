/**
 * Issue #7's acceptance for the self-test page: headless Chromium opens `medcom-ig serve`'s page,
 * uploads an official example and an invalid bundle through the file input, and the report shows
 * no errors and the expected rule id respectively; a protocol run offers the evidence ZIP.
 * Screenshots are kept in test-artifacts/serve/ (git-ignored; the paths are printed).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSelfTest, type SelfTestServer } from '../../src/serve/server.js';
import { chromiumOrSkip, launchChromium } from '../helpers/browser.js';
import { anchorsOrSkip } from '../helpers/shared.js';

const root = join(import.meta.dirname, '..', '..');
const artifacts = join(root, 'test-artifacts', 'serve');
const present = chromiumOrSkip('serve browser', 'the self-test page is not driven in a browser');
const anchors = anchorsOrSkip('serve browser: official example upload');

describe.skipIf(!present)('the self-test page in headless Chromium', () => {
  let s: SelfTestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    s = await startSelfTest({ port: 0 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    mkdirSync(artifacts, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  async function upload(mode: 'validate' | 'protocol', choice: string, files: { name: string; path: string }[]): Promise<void> {
    await page.goto(s.url, { waitUntil: 'load' });
    await page.check(`input[name=mode][value=${mode}]`);
    // the choices come from /api/info
    await page.waitForSelector(`#${mode === 'validate' ? 'standard' : 'protocol'} option[value="${choice}"]`, { state: 'attached' });
    await page.selectOption(mode === 'validate' ? '#standard' : '#protocol', choice);
    await page.setInputFiles(
      '#files',
      files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: readFileSync(f.path) })),
    );
    await page.click('#run');
    await page.waitForSelector('#result:not([hidden])', { timeout: 60_000 });
    // the frame loads the report (srcdoc) after #result shows: wait for its content, so that reading it
    // does not race the frame's navigation from about:blank
    await page.frameLocator('#report').locator('body > *').first().waitFor({ timeout: 30_000 });
  }

  async function shot(name: string): Promise<void> {
    const file = join(artifacts, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.info(`[serve browser] screenshot ${file}`);
  }

  async function reportText(): Promise<string> {
    const frame = page.frameLocator('#report');
    return frame.locator('body').innerText({ timeout: 30_000 });
  }

  it('an official HCO example: no errors', async () => {
    const file = anchors
      ? join(anchors, 'hco', 'examples', 'Bundle-401cbc36-db1e-4fe0-bf90-6df331dde179.json')
      : join(root, 'examples', 'hco', 'valid', 'new-message-quantity.json');
    await upload('validate', 'hco', [{ name: 'official.json', path: file }]);
    expect(await page.textContent('#verdict')).toBe('No errors');
    expect(await page.getAttribute('#verdict', 'class')).toBe('pass');
    expect(await page.textContent('#summary')).toMatch(/^1 file\(s\), 1 valid; 0 error\(s\)/);
    expect(await reportText()).toMatch(/official\.json/);
    const downloads = await page.$$eval('#downloads a', (as) => as.map((a) => a.getAttribute('download')));
    expect(downloads).toEqual(['report.json', 'report.html', 'report.md']);
    await shot('validate-official-hco');
  }, 90_000);

  it('an invalid bundle: the report names the expected rule', async () => {
    await upload('validate', 'hco', [
      { name: 'bad.json', path: join(root, 'examples', 'hco', 'invalid', 'invariants-gln-modulus-producer.json') },
    ]);
    expect(await page.getAttribute('#verdict', 'class')).toBe('fail');
    const text = await reportText();
    expect(text).toMatch(/invariants\/failed/);
    expect(text).toMatch(/gln-modulus-10/);
    await shot('validate-invalid-hco');
  }, 90_000);

  it('a protocol run: the six-column report and the evidence ZIP to download', async () => {
    await upload('protocol', 'hco-send', [
      { name: 'HomeCareObservation_3.3.1.1_A.json', path: join(root, 'examples', 'hco', 'valid', 'new-message-quantity.json') },
    ]);
    expect(await page.textContent('#verdict')).toMatch(/^Protocol: /);
    const downloads = await page.$$eval('#downloads a', (as) => as.map((a) => a.getAttribute('download')));
    expect(downloads).toEqual(['report.html', 'report.md', 'report.json', 'junit.xml', 'HomeCareObservation_selftest.zip']);
    const headings = await page.frameLocator('#report').locator('table.protocol').first().locator('thead th').allInnerTexts();
    expect(headings.map((h) => h.trim())).toEqual([
      'Test step #',
      'Action',
      'Test data',
      'Expected result',
      'Actual result',
      'MedCom assessment',
    ]);
    await shot('protocol-hco-send');
  }, 90_000);
});
