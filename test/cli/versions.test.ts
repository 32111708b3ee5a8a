/**
 * Issue 14 on the command line: `medcom-ig standards` and `--ig list`, `--ig` pins (alias@version,
 * package id#version, any package we build), unknown ones exit 2 listing what we build, every report
 * format names what it validated against, and `diff` takes standards by name.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STANDARDS } from '../../src/api/igs.js';
import { VALIDATED_AGAINST_URL } from '../../src/report/outcome.js';
import { runCli } from '../helpers/cli.js';
import { anchorsOrSkip } from '../helpers/shared.js';

const HCO_ID = 'medcom.fhir.dk.homecareobservation';
const CURRENT = STANDARDS.hco.current;
const VALID = join('examples', 'hco', 'valid', 'new-message-quantity.json');

interface JsonReport {
  standard?: { alias?: string; packageId: string; version: string; current?: boolean; pinned: boolean; bundleProfile?: string };
  files: { valid: boolean; packages?: string[]; issues: { ruleId: string; location: { fhirpath: string } }[] }[];
}
const json = (stdout: string): JsonReport => JSON.parse(stdout) as JsonReport;

describe('medcom-ig standards', () => {
  it('lists every standard and version, the current one marked; exit 0', () => {
    const r = runCli(['standards']);
    expect(r.status).toBe(0);
    for (const [alias, s] of Object.entries(STANDARDS)) {
      expect(r.stdout).toContain(`* ${alias}@${s.current}  (current: --ig ${alias})`);
      for (const v of s.versions) expect(r.stdout).toContain(`${alias}@${v.version}`);
    }
    expect(r.stdout).toContain('hl7.fhir.dk.core#3.2.0');
  });

  it('--format json: the same catalogue, each version built', () => {
    const r = runCli(['standards', '--format', 'json']);
    expect(r.status).toBe(0);
    const c = JSON.parse(r.stdout) as {
      standards: { alias: string; current: string; versions: { version: string; current: boolean; built: boolean }[] }[];
      packages: string[];
    };
    const hco = c.standards.find((s) => s.alias === 'hco')!;
    expect(hco.current).toBe(CURRENT);
    expect(hco.versions.filter((v) => v.current).map((v) => v.version)).toEqual([CURRENT]);
    expect(hco.versions.every((v) => v.built)).toBe(true);
    expect(c.packages).toEqual(expect.arrayContaining(['hl7.fhir.dk.core#3.2.0', 'hl7.fhir.dk.core#3.5.0', `${HCO_ID}#${CURRENT}`]));
  });

  it('validate --ig list prints the same list; exit 0', () => {
    const r = runCli(['validate', '--ig', 'list']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`* hco@${CURRENT}`);
  });
});

describe('validate --ig', () => {
  it.each([
    ['hco', false],
    [`hco@${CURRENT}`, true],
    [`${HCO_ID}#${CURRENT}`, true],
  ] as const)('--ig %s: the report names the standard and version (pinned: %s)', (ig, pinned) => {
    const r = runCli(['validate', '--ig', ig, VALID, '--format', 'json', '--rules', 'official']);
    expect(r.status).toBe(0);
    const report = json(r.stdout);
    expect(report.standard).toEqual({
      alias: 'hco',
      title: STANDARDS.hco.title,
      packageId: HCO_ID,
      version: CURRENT,
      bundleProfile: STANDARDS.hco.versions.find((v) => v.version === CURRENT)!.bundleProfile,
      current: true,
      pinned,
    });
    expect(report.files[0]!.packages).toContain(`${HCO_ID}#${CURRENT}`);
  });

  it.each(['hco@9.9.9', 'nope', 'hl7.fhir.dk.core#3.3.0', `${HCO_ID}#0.0.1`])('--ig %s: exit 2, listing what we build', (ig) => {
    const r = runCli(['validate', '--ig', ig, VALID]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--ig ${ig}`);
    expect(r.stderr).toContain(`${CURRENT} (current)`);
  });

  it('every format states what the run validated against', () => {
    const run = (format: string): string => {
      const r = runCli(['validate', '--ig', 'hco', VALID, '--format', format, '--rules', 'official']);
      expect(r.status, format).toBe(0);
      return r.stdout;
    };
    const line = `validated against hco ${CURRENT} (current): ${HCO_ID}#${CURRENT}`;
    expect(run('text').trimEnd().split('\n').at(-1)).toContain(`; ${line}`);
    expect(run('html')).toContain(`<p class="meta against">V${line.slice(1)}</p>`);
    expect(run('md')).toContain(`V${line.slice(1)}`.replace('#', '\\#'));
    expect(run('junit')).toContain(`<property name="package" value="${HCO_ID}#${CURRENT}"/>`);
    const outcome = JSON.parse(run('outcome')) as {
      extension?: { url: string; extension: { url: string; valueString?: string; valueBoolean?: boolean }[] }[];
    };
    const against = outcome.extension?.find((e) => e.url === VALIDATED_AGAINST_URL);
    expect(against?.extension).toEqual(
      expect.arrayContaining([
        { url: 'standard', valueString: 'hco' },
        { url: 'package', valueString: `${HCO_ID}#${CURRENT}` },
        { url: 'current', valueBoolean: true },
      ]),
    );
  });

  it('without --ig, the text summary names the package versions the profiles resolved to', () => {
    const r = runCli(['validate', VALID, '--rules', 'official']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`profiles resolved to ${HCO_ID}#${CURRENT}`);
  });
});

const anchors = anchorsOrSkip('cli: --ig pins of DK Core versions');
describe.skipIf(!anchors)('validate --ig <package>#<version>: a pinned package without a Bundle profile', () => {
  const abraham = anchors ? join(anchors, 'dk-core', '3.5.0', 'examples', 'Practitioner-AbrahamLaege.json') : '';

  it('unpinned: the newest DK Core (3.5.0) is used and named; the example is valid', () => {
    const r = runCli(['validate', abraham, '--format', 'json']);
    expect(r.status).toBe(0);
    const report = json(r.stdout);
    expect(report.standard).toBeUndefined();
    expect(report.files[0]!.packages).toEqual(['hl7.fhir.dk.core#3.5.0']);
  });

  it('pinned to 3.2.0: its profile (max 1 officialHealthAuthorization) decides; exit 1', () => {
    const r = runCli(['validate', '--ig', 'hl7.fhir.dk.core#3.2.0', abraham, '--format', 'json']);
    expect(r.status).toBe(1);
    const report = json(r.stdout);
    expect(report.standard).toEqual({ packageId: 'hl7.fhir.dk.core', version: '3.2.0', pinned: true });
    expect(report.files[0]!.packages).toEqual(['hl7.fhir.dk.core#3.2.0']);
    expect(report.files[0]!.issues.map((i) => [i.ruleId, i.location.fhirpath])).toContainEqual([
      'slicing/slice-max',
      'Practitioner.qualification',
    ]);
    const text = runCli(['validate', '--ig', 'hl7.fhir.dk.core#3.2.0', abraham]);
    expect(text.stdout).toContain('validated against hl7.fhir.dk.core#3.2.0 (pinned package)');
  });
});

describe('diff by name', () => {
  it(`hco@${CURRENT} against hco: no change; an unknown version exits 2 listing ours`, () => {
    const same = runCli(['diff', `hco@${CURRENT}`, 'hco']);
    expect(same.status).toBe(0);
    expect(same.stdout).toContain(`${HCO_ID}#${CURRENT} (medcom-ig build)`);
    const unknown = runCli(['diff', `hco@${CURRENT}`, 'hco@9.9.9']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain(`${CURRENT} (current)`);
  });
});
