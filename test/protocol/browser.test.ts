/**
 * Issue #5's acceptance: report.html opens in a headless Chromium and shows the six-column
 * protocol tables. `medcom-ig protocol run` (the CLI, from dist/) writes the reports of hco-send
 * and conditionlist-send on evidence made from our valid examples and on evidence holding an
 * invalid bundle; each report.html is opened from disk (file://), its tables are read from the DOM,
 * its layout is measured (no table wider than the page, no column too narrow to read), and a
 * full-page screenshot is kept in test-artifacts/protocol/ (git-ignored; the paths are printed).
 *
 * The browser is Debian's Chromium (/usr/bin/chromium, or MEDCOM_IG_CHROMIUM), driven by
 * playwright-core — never a downloaded browser. Without it the suite is skipped with a warning;
 * .ci/run installs it, so CI runs it.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium } from '../helpers/browser.js';
import { clSendEvidence, hcoInvalid, hcoSendEvidence, notesSendEvidence, root } from './helpers.js';

const present = chromiumOrSkip('browser', 'report.html is not opened in a browser');

const EN = ['Test step #', 'Action', 'Test data', 'Expected result', 'Actual result', 'MedCom assessment'];
const DA = ['Teststep #', 'Handling', 'Testdata/testperson', 'Forventet resultat', 'Aktuelt resultat', 'MedCom-vurdering'];

const artifacts = join(root, 'test-artifacts', 'protocol');
const bin = join(root, 'bin', 'medcom-ig.js');

interface Run {
  name: string;
  out: string;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `medcom-ig protocol run <id> --evidence <dir> --out <dir> [...]`, asynchronously (the runs go in parallel). */
function protocolRun(name: string, id: string, evidence: string, out: string, ...extra: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, 'protocol', 'run', id, '--evidence', evidence, '--out', out, ...extra], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', fail);
    child.on('close', (status) => done({ name, out, status, stdout, stderr }));
  });
}

interface TableShape {
  section: string;
  headings: string[];
  width: number;
  columns: number[];
}

describe.skipIf(!present)('report.html in headless Chromium', () => {
  let tmp: string;
  const dirs: string[] = [];
  const runs = new Map<string, Run>();
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'medcom-ig-browser-'));
    dirs.push(tmp);
    const hcoBad = hcoSendEvidence();
    rmSync(join(hcoBad, 'HomeCareObservation_3.3.1.11_A.xml'));
    copyFileSync(join(hcoInvalid, 'invariants-sor-min-digits-receiver.json'), join(hcoBad, 'HomeCareObservation_3.3.1.11_A.json'));
    const clBad = clSendEvidence();
    copyFileSync(
      join(root, 'examples', 'conditionlist', 'invalid', 'cardinality-min-composition-title.json'),
      join(clBad, 'ConditionList_3.4.3_A.json'),
    );
    const hcoGood = hcoSendEvidence();
    const clGood = clSendEvidence();
    const notesGood = notesSendEvidence();
    dirs.push(hcoBad, clBad, hcoGood, clGood, notesGood);
    const all = await Promise.all([
      protocolRun('hco-send-valid', 'hco-send', hcoGood, join(tmp, 'hco-valid')),
      protocolRun('hco-send-valid-da', 'hco-send', hcoGood, join(tmp, 'hco-valid-da'), '--lang', 'da'),
      protocolRun('hco-send-invalid', 'hco-send', hcoBad, join(tmp, 'hco-invalid')),
      protocolRun('conditionlist-send-valid', 'conditionlist-send', clGood, join(tmp, 'cl-valid')),
      protocolRun('conditionlist-send-invalid', 'conditionlist-send', clBad, join(tmp, 'cl-invalid')),
      protocolRun('notes-send-valid', 'notes-send', notesGood, join(tmp, 'notes-valid')),
    ]);
    for (const r of all) runs.set(r.name, r);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    mkdirSync(artifacts, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** Open a run's report.html from disk; the run must have finished as expected. */
  async function open(name: string, exitCode: number): Promise<Run> {
    const r = runs.get(name)!;
    expect(r.status, r.stdout + r.stderr).toBe(exitCode);
    const file = join(r.out, 'report.html');
    expect(existsSync(file), file).toBe(true);
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return r;
  }

  /** Every protocol table: its section, its header cells, and its rendered width and column widths. */
  function tables(): Promise<TableShape[]> {
    return page.$$eval('table.protocol', (ts) =>
      ts.map((t) => ({
        section: t.closest('section')?.querySelector('h3')?.textContent?.trim() ?? '',
        headings: [...t.querySelectorAll(':scope > thead > tr > th')].map((th) => (th.textContent ?? '').trim()),
        width: t.getBoundingClientRect().width,
        columns: [...t.querySelectorAll(':scope > thead > tr > th')].map((th) => th.getBoundingClientRect().width),
      })),
    );
  }

  /** The layout is readable: nothing wider than the page, every column at least 60 px. */
  async function expectReadable(shapes: TableShape[]): Promise<void> {
    const { scrollWidth, clientWidth } = await page.evaluate<{ scrollWidth: number; clientWidth: number }>(
      '({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })',
    );
    expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(clientWidth);
    for (const t of shapes) {
      expect(t.width, t.section).toBeLessThanOrEqual(clientWidth);
      for (const w of t.columns) expect(w, `${t.section}: a column ${w}px wide`).toBeGreaterThanOrEqual(60);
    }
  }

  /** A full-page screenshot (and the report.html beside it) in test-artifacts/protocol/. */
  async function screenshot(name: string, run: Run): Promise<string> {
    copyFileSync(join(run.out, 'report.html'), join(artifacts, `${name}.html`));
    const file = join(artifacts, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    console.log(`[browser] screenshot: ${file} (${png.readUInt32BE(16)}×${png.readUInt32BE(20)} px)`);
    return file;
  }

  /** A step row's cells as text, by its displayed number. */
  function row(number: string): Promise<string[]> {
    return page.$$eval(
      'table.protocol tr.step',
      (rows, n) => {
        const r = rows.find((x) => x.querySelector('td')?.textContent?.trim() === n);
        return r ? [...r.querySelectorAll(':scope > td')].map((td) => (td.textContent ?? '').trim()) : [];
      },
      number,
    );
  }

  it('hco-send on valid evidence: every use-case table has the six English headings in order; screenshot', async () => {
    const run = await open('hco-send-valid', 0);
    const shapes = await tables();
    expect(shapes.map((t) => t.section)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^3\.3\.1 /), expect.stringMatching(/^3\.4 /)]),
    );
    for (const t of shapes) expect(t.headings, t.section).toEqual(EN);
    await expectReadable(shapes);
    const send = await row('3.3.1.11');
    expect(send).toHaveLength(6);
    expect(send[4]).toMatch(/^✓ passed/);
    expect(send[5]).toBe('');
    await screenshot('hco-send-valid', run);
  });

  it('hco-send --lang da: the Danish headings (Teststep #, Handling, …, MedCom-vurdering)', async () => {
    const run = await open('hco-send-valid-da', 0);
    const shapes = await tables();
    expect(shapes.length).toBeGreaterThan(3);
    for (const t of shapes) expect(t.headings, t.section).toEqual(DA);
    await expectReadable(shapes);
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    await screenshot('hco-send-valid-da', run);
  });

  it('hco-send with an invalid bundle: the step fails and shows the rule id and location; screenshot', async () => {
    const run = await open('hco-send-invalid', 1);
    const shapes = await tables();
    for (const t of shapes) expect(t.headings, t.section).toEqual(EN);
    await expectReadable(shapes);
    const send = await row('3.3.1.11');
    expect(send[4]).toMatch(/^✗ FAILED/);
    expect(send[4]).toContain('invariants/failed (min-digits-sor) @ Bundle.entry[5].resource.identifier[1].value');
    const finding = page.locator('tr.step.failed span.finding', { hasText: 'invariants/failed (min-digits-sor)' }).first();
    expect(await finding.isVisible()).toBe(true);
    await screenshot('hco-send-invalid', run);
  });

  it('conditionlist-send on valid evidence: six English headings in order; screenshot', async () => {
    const run = await open('conditionlist-send-valid', 0);
    const shapes = await tables();
    expect(shapes.length).toBeGreaterThan(3);
    for (const t of shapes) expect(t.headings, t.section).toEqual(EN);
    await expectReadable(shapes);
    expect((await row('3.4.3.9'))[4]).toMatch(/^✓ passed/);
    await screenshot('conditionlist-send-valid', run);
  });

  it('conditionlist-send with a document without a title: 3.4.3.9 fails with cardinality/min at the title; screenshot', async () => {
    const run = await open('conditionlist-send-invalid', 1);
    const shapes = await tables();
    for (const t of shapes) expect(t.headings, t.section).toEqual(EN);
    await expectReadable(shapes);
    const title = await row('3.4.3.9');
    expect(title[4]).toMatch(/^✗ FAILED/);
    expect(title[4]).toContain('cardinality/min @ Bundle.entry[0].resource.title');
    await screenshot('conditionlist-send-invalid', run);
  });

  it('notes-send (our draft protocol) on valid evidence: six English headings, the DRAFT banner shows; screenshot', async () => {
    const run = await open('notes-send-valid', 0);
    const shapes = await tables();
    expect(shapes.length).toBeGreaterThan(3);
    for (const t of shapes) expect(t.headings, t.section).toEqual(EN);
    await expectReadable(shapes);
    expect(await page.locator('p.draft').isVisible()).toBe(true);
    await screenshot('notes-send-valid', run);
  });
});
